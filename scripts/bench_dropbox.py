"""Bench section ``dropbox``: a room of phones sending cards, and the app staying responsive.

15 simulated phones (one separate process, each phone its own HTTP connection) each
load the page and send 5 cards over loopback, following the redirect to the thanks as
a browser does (``dropbox_phones.py``). The cards go out at random moments within
three seconds (75 cards in 3 seconds: far busier than any room, where a card takes a
minute to write), so the loop is probed over a few hundred ticks rather than a fraction
of a second. The drop-box runs in this process's event loop, as it does inside the app.
Figures:

- every valid card is in the queue, and the burst takes under 10 seconds;
- the event loop's responsiveness during the burst against idle: a small coroutine
  that wakes every 10 ms and does a little work, as a screen's refresh timer does,
  timed from when it was due to when its work is done (target: p95 within 2x of idle),
  and the bare ``call_soon`` round trip for information;
- the same burst against the real room limit of 20 cards a minute: 20 accepted, the
  rest refused politely (HTTP 429);
- the facilitator's key-to-screen time in the full app (headless, in this same process
  and loop, set up with Textual's Pilot) while the same burst comes in, against idle:
  opening and closing the note editor on the run screen, from each key press until the
  frame showing the editor (or the run screen again) is drawn, with the new-cards
  counter updating as cards arrive (target: p95 within 2x of idle). That part is
  ``dropbox_app.py``.

The room limit is raised to 1000 a minute for the first burst and for the app's, which
measures how much the server can take; the room-limit figures show the limit the app
really uses.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Iterator

from dropbox_app import app_burst
from dropbox_phones import CARDS_EACH, PHONES, go, phones_ready
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part

TICK_SECONDS = 0.010
TICK_WORK_SECONDS = 0.0005
IDLE_SECONDS = 2.0

Figure = tuple[str, float, str, "tuple[str, float] | None"]


def new_session() -> Session:
    agenda = Agenda(name="bench", title="Bench", parts=(Part("Sharing", 30, line=1),))
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda, SystemClock(), session_id="bench", attendance=15)
    session.start()
    return session


class Probe:
    """A refresh-like coroutine: wakes every 10 ms, works briefly, notes how long it took."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.hops: list[float] = []
        self._running = False

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        self._running = True
        due = time.perf_counter() + TICK_SECONDS
        while self._running:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            finish = time.perf_counter() + TICK_WORK_SECONDS
            while time.perf_counter() < finish:
                pass
            self.ticks.append(time.perf_counter() - due)
            started = time.perf_counter()
            hop = loop.create_future()
            loop.call_soon(hop.set_result, None)
            await hop
            self.hops.append(time.perf_counter() - started)
            due += TICK_SECONDS
            due = max(due, time.perf_counter())

    def stop(self) -> None:
        self._running = False


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


async def probed(seconds: float) -> Probe:
    probe = Probe()
    task = asyncio.create_task(probe.run())
    await asyncio.sleep(seconds)
    probe.stop()
    await task
    return probe


async def burst(rate_per_minute: int) -> tuple[dict, Probe, Probe, DropBox]:
    """Open a drop-box, probe it idle, then during the phones' burst."""
    box = DropBox(new_session(), rate_per_minute=rate_per_minute)
    url = await box.open()
    try:
        async with phones_ready(url) as phones:
            assert phones.stdout is not None
            idle = await probed(IDLE_SECONDS)
            busy = Probe()
            task = asyncio.create_task(busy.run())
            await go(phones)
            line = await asyncio.wait_for(phones.stdout.readline(), 60)
            busy.stop()
            await task
            await asyncio.wait_for(phones.wait(), 10)
    finally:
        await box.close()
    return json.loads(line), idle, busy, box


async def measure() -> list[Figure]:
    result, idle, busy, box = await burst(rate_per_minute=1000)
    total = PHONES * CARDS_EACH
    accepted = sum(1 for status in result["statuses"] if status == 200)
    figures: list[Figure] = [
        (f"cards in the queue, of {total} sent", box.waiting_count(), "", (">=", total)),
        (f"cards accepted (thanks page), of {total}", accepted, "", (">=", total)),
        (f"{PHONES} phones x {CARDS_EACH} cards, whole burst", result["seconds"], " s", ("<=", 10)),
        ("page + card + thanks, median", statistics.median(result["timings"]) * 1000, " ms", None),
        ("page + card + thanks, p95", p95(result["timings"]) * 1000, " ms", None),
        ("refresh-like tick, idle p95", p95(idle.ticks) * 1000, " ms", None),
        ("refresh-like tick, during the burst p95", p95(busy.ticks) * 1000, " ms", None),
        ("refresh-like tick p95, burst / idle", p95(busy.ticks) / p95(idle.ticks), "x", ("<=", 2)),
        ("call_soon round trip, idle median", statistics.median(idle.hops) * 1e6, " us", None),
        ("call_soon round trip, burst median", statistics.median(busy.hops) * 1e6, " us", None),
    ]
    limited, _, _, limited_box = await burst(rate_per_minute=20)
    refused = sum(1 for status in limited["statuses"] if status == 429)
    figures += [
        ("with the room limit of 20/min: accepted", limited_box.waiting_count(), "", None),
        (f"with the room limit of 20/min: refused with 429, of {total}", refused, "", None),
    ]
    idle_keys, busy_keys, waiting, counter = await app_burst()
    counted = int(counter.split(" waiting")[0].rsplit(" ", 1)[-1]) if "waiting" in counter else 0
    figures += [
        ("app: cards counted on the facilitator's screen", counted, "", (">=", total)),
        ("app: cards waiting in the queue", waiting, "", (">=", total)),
        ("app: key-to-screen, idle median", statistics.median(idle_keys) * 1000, " ms", None),
        ("app: key-to-screen, idle p95", p95(idle_keys) * 1000, " ms", None),
        (
            "app: key-to-screen during the burst, median",
            statistics.median(busy_keys) * 1000,
            " ms",
            None,
        ),
        (
            f"app: key-to-screen during the burst p95 ({len(busy_keys)} keys)",
            p95(busy_keys) * 1000,
            " ms",
            None,
        ),
        ("app: key-to-screen p95, burst / idle", p95(busy_keys) / p95(idle_keys), "x", ("<=", 2)),
    ]
    return figures


def run() -> Iterator[Figure]:
    """Measure, then yield the figures."""
    yield from asyncio.run(measure())
