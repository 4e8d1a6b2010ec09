"""``circlekeeper serve`` answers only its own address, its own page and, on a network,
its token.

A web page open in the same browser must not drive the app: not by opening a websocket
from its own origin, and not by DNS rebinding (its own host name pointed at 127.0.0.1,
so that the browser sends that name as Host and Origin). Run against the installed
program over real HTTP with aiohttp's client, which sends the headers a browser would.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from serve_support import screen_words, serving
from yarl import URL

from circlekeeper.tui.cli.serve_guard import gate_for

pytestmark = pytest.mark.slow

FOREIGN = "attacker.example"


@pytest.fixture
async def loopback(tmp_path: Path) -> AsyncIterator[int]:
    async with serving(["--data-dir", str(tmp_path / "data")]) as (port, _said):
        yield port


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
        yield client


async def status_of(http: aiohttp.ClientSession, url: str, **headers: str) -> int:
    async with http.get(url, headers=headers, allow_redirects=False) as response:
        await response.read()
        return response.status


async def handshake(http: aiohttp.ClientSession, url: str, **headers: str) -> int:
    """The status a websocket handshake gets (101 when it is accepted)."""
    try:
        async with http.ws_connect(url + "?width=80&height=24", headers=headers) as ws:
            await ws.close()
            return 101
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status


async def test_a_page_for_another_host_is_refused(loopback: int, http) -> None:
    base = f"http://127.0.0.1:{loopback}"
    for host in [f"{FOREIGN}:{loopback}", FOREIGN, f"127.0.0.1:{loopback + 1}", "", "a b"]:
        assert await status_of(http, base + "/", Host=host) == 403, host
    assert await status_of(http, base + "/static/js/textual.js", Host=FOREIGN) == 403
    for host in [f"127.0.0.1:{loopback}", f"localhost:{loopback}", f"[::1]:{loopback}"]:
        assert await status_of(http, base + "/", Host=host) == 200, host


async def test_a_page_asked_for_from_another_site_is_refused(loopback: int, http) -> None:
    base = f"http://127.0.0.1:{loopback}"
    assert await status_of(http, base + "/", Origin=f"http://{FOREIGN}") == 403
    assert await status_of(http, base + "/", Origin="null") == 403
    assert await status_of(http, base + "/", Origin=base) == 200


async def test_only_the_served_page_may_open_the_websocket(loopback: int, http) -> None:
    base = f"http://127.0.0.1:{loopback}"
    ws = f"ws://127.0.0.1:{loopback}/ws"
    # Another site's page, a rebound name, no origin at all, a page on another port.
    assert await handshake(http, ws, Origin=f"http://{FOREIGN}") == 403
    rebound = f"{FOREIGN}:{loopback}"
    assert await handshake(http, ws, Host=rebound, Origin=f"http://{rebound}") == 403
    assert await handshake(http, ws) == 403
    assert await handshake(http, ws, Origin=f"http://127.0.0.1:{loopback + 1}") == 403

    async with http.ws_connect(ws + "?width=100&height=40", headers={"Origin": base}) as socket:
        await socket.send_str(json.dumps(["resize", {"width": 100, "height": 40}]))
        text = await screen_words(socket, ["Agendas"], timeout=45)
    assert "Agendas" in text


async def test_on_a_network_the_printed_token_is_needed(tmp_path: Path) -> None:
    # Like a browser, keep cookies for an address too (aiohttp's jar skips them by default).
    jar = aiohttp.CookieJar(unsafe=True)
    async with (
        aiohttp.ClientSession(cookie_jar=jar) as http,
        serving(
            ["--data-dir", str(tmp_path / "data")], "--host", "127.0.0.1", "--allow-network"
        ) as (port, said),
    ):
        found = re.search(r"open (http://\S+) in a web browser", said)
        assert found, said
        printed = URL(found.group(1))
        token = printed.query["token"]
        assert len(token) >= 40
        base = f"http://127.0.0.1:{port}"
        ws = f"ws://127.0.0.1:{port}/ws"

        assert await status_of(http, base + "/") == 403
        assert await status_of(http, base + "/?token=" + token[:-1] + "x") == 403
        assert await handshake(http, ws, Origin=base) == 403
        # The page's own files carry nothing private and need no token.
        assert await status_of(http, base + "/static/js/textual.js") == 200

        async with http.get(str(printed), allow_redirects=False) as first:
            assert first.status == 303
            assert first.headers["Location"] == "/"  # the token leaves the address bar
            cookie = first.cookies[f"circlekeeper-serve-{port}"]
            assert cookie.value == token
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
        # The session kept the cookie: the page and the websocket now open.
        assert await status_of(http, base + "/") == 200
        assert await handshake(http, ws, Origin=base) == 101
        # The token does not let another site in.
        assert await handshake(http, ws, Origin=f"http://{FOREIGN}") == 403


@pytest.mark.parametrize(
    ("host", "public_url", "url", "answers"),
    [
        ("127.0.0.1", None, "http://localhost:8000", True),
        ("127.0.0.1", None, "http://127.0.0.1:8001", False),
        ("0.0.0.0", None, "http://192.168.1.20:8000", True),
        ("0.0.0.0", None, "http://[fe80::1]:8000", True),
        ("0.0.0.0", None, f"http://{FOREIGN}:8000", False),
        ("192.168.1.20", None, "http://192.168.1.20:8000", True),
        ("192.168.1.20", None, "http://192.168.1.21:8000", False),
        ("0.0.0.0", "https://circle.example.org", "https://circle.example.org", True),
        ("0.0.0.0", "https://circle.example.org", "http://circle.example.org", False),
        ("127.0.0.1", "http://Circle.Example.org:9000/", "http://circle.example.org:9000", True),
    ],
)
def test_the_addresses_a_server_answers_to(host, public_url, url, answers) -> None:
    gate = gate_for(host, 8000, public_url, None)
    assert gate.names_this_server(URL(url)) is answers
