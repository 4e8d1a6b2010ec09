"""Who can reach the drop-box: a phone played by a second network namespace.

The test makes a network namespace with one end of a veth pair (the phone) and keeps
the other end on this computer, with addresses in a private /30 that exists only
between the two ends, so no packet goes anywhere else. The phone sends its card with
``ip netns exec`` and Python's own urllib, with short timeouts. Everything is removed
afterwards, whatever happened.

Needs root and ``ip netns``; skipped with the reason otherwise.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.dropbox import DropBox, list_interfaces
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part

pytestmark = pytest.mark.slow

PHONE = """
import sys, urllib.error, urllib.parse, urllib.request
data = urllib.parse.urlencode({"kind": "question", "text": sys.argv[2]}).encode()
try:
    with urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=data), timeout=5) as r:
        print(r.status, r.url)
except urllib.error.HTTPError as error:
    print(error.code)
except OSError as error:
    print("unreachable", type(getattr(error, "reason", error)).__name__)
"""


@dataclass(frozen=True)
class Room:
    """The phone's namespace and the two ends of the link between it and this computer."""

    namespace: str
    computer: str
    """This computer's address on the link."""
    phone: str
    """The phone's address on the link."""
    prefix: int = 30


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=10)


@pytest.fixture
def room() -> Iterator[Room]:
    if shutil.which("ip") is None:
        pytest.skip("the ip command (iproute2) is not installed")
    if os.geteuid() != 0:
        pytest.skip("making a network namespace needs root")
    # Names and addresses come from this process's id, so test runs side by side (the
    # workers of one run, or two runs) never share a link: 10.208.0.0/12 holds a /30 for
    # each of 262144 ids (Linux's usual limit is 32768), and an interface name has room
    # for any id.
    pid = os.getpid()
    link = ipaddress.IPv4Address("10.208.0.0") + 4 * (pid % 262_144)
    room = Room(f"ckphone{pid}", str(link + 1), str(link + 2))
    here, there = f"ckc{pid}", f"ckp{pid}"
    try:
        try:
            ip("netns", "add", room.namespace)
        except subprocess.CalledProcessError as error:
            pytest.skip(f"ip netns is not available here: {error.stderr.decode().strip()}")
        ip("link", "add", here, "type", "veth", "peer", "name", there, "netns", room.namespace)
        ip("addr", "add", f"{room.computer}/{room.prefix}", "dev", here)
        ip("link", "set", here, "up")
        ip("-n", room.namespace, "addr", "add", f"{room.phone}/{room.prefix}", "dev", there)
        ip("-n", room.namespace, "link", "set", there, "up")
        ip("-n", room.namespace, "link", "set", "lo", "up")
        yield room
    finally:
        subprocess.run(["ip", "link", "del", here], capture_output=True, timeout=10)
        subprocess.run(["ip", "netns", "del", room.namespace], capture_output=True, timeout=10)


@pytest.fixture
def session() -> Session:
    agenda = Agenda(name="test", title="Test", parts=(Part("Sharing", 30, line=1),))
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda, FakeClock(), session_id="net", attendance=6)
    session.start()
    return session


async def phone_sends(room: Room, url: str, text: str) -> str:
    """What the phone's urllib says after sending a card to ``url``."""
    python = str(Path(sys.executable))
    process = await asyncio.create_subprocess_exec(
        "ip", "netns", "exec", room.namespace, python, "-c", PHONE, url, text,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout=30)
    except asyncio.TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, err.decode()
    return out.decode().strip()


async def test_by_default_a_phone_in_the_room_cannot_reach_the_drop_box(
    room: Room, session: Session
) -> None:
    async with DropBox(session) as box:
        assert box.url is not None
        assert box.reach == "Only this computer can open this page."
        port_and_path = box.url.split("127.0.0.1", 1)[1]
        assert await phone_sends(room, box.url, "hello") == "unreachable ConnectionRefusedError"
        via_room = f"http://{room.computer}{port_and_path}"
        assert await phone_sends(room, via_room, "hello") == "unreachable ConnectionRefusedError"
        assert box.waiting_count() == 0


async def test_on_the_rooms_interface_the_phone_sends_a_card(room: Room, session: Session) -> None:
    (link,) = [i for i in list_interfaces() if i.address == room.computer]
    network = str(ipaddress.ip_interface(f"{room.computer}/{room.prefix}").network)
    assert str(link.network) == network
    async with DropBox(session, host=link.address) as box:
        assert box.url is not None and box.url.startswith(f"http://{room.computer}:")
        assert box.reach.startswith(f"Anyone on the network {network} (")
        answer = await phone_sends(room, box.url, "Sent from the phone")
        assert answer == f"200 {box.url}sent"
        assert [card.text for card in box.open_queue()] == ["Sent from the phone"]
        # Loopback, on the other hand, does not lead to it.
        port_and_path = box.url.split(room.computer, 1)[1]
        loopback = f"http://127.0.0.1{port_and_path}"
        assert await phone_sends(room, loopback, "x") == "unreachable ConnectionRefusedError"
