"""Bench section ``dropbox``: a room of phones sending cards, and the app staying responsive.

15 simulated phones (one separate process, each phone its own HTTP connection) each
load the page and send 5 cards over loopback, following the redirect to the thanks as
a browser does. The cards go out at random moments within :data:`SPREAD_SECONDS`
(75 cards in 3 seconds: far busier than any room, where a card takes a minute to
write), so the loop is probed over a few hundred ticks rather than a fraction of a
second. The drop-box runs in this process's event
loop, as it does inside the app. Figures:

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
  counter updating as cards arrive (target: p95 within 2x of idle).

The room limit is raised to 1000 a minute for the first burst and for the app's, which
measures how much the server can take; the room-limit figures show the limit the app
really uses.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part

PHONES = 15
CARDS_EACH = 5
TICK_SECONDS = 0.010
TICK_WORK_SECONDS = 0.0005
IDLE_SECONDS = 2.0
SPREAD_SECONDS = 3.0

Figure = tuple[str, float, str, "tuple[str, float] | None"]

# Runs in its own process: waits for "go" on stdin, then sends, then prints what happened.
PHONES_SCRIPT = """
import asyncio, json, random, sys, time
import aiohttp

async def phone(url, number, cards, spread):
    timings, statuses = [], []
    pauses = random.Random(number).sample(range(1000), cards)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        begun = time.perf_counter()
        for n, moment in enumerate(sorted(pauses)):
            await asyncio.sleep(max(0, begun + spread * moment / 1000 - time.perf_counter()))
            started = time.perf_counter()
            async with http.get(url) as page:
                await page.read()
            text = f"Phone {number} card {n}: how do others keep going on hard days?"
            async with http.post(url, data={"kind": "question", "text": text}) as sent:
                await sent.read()
                statuses.append(sent.status)
            timings.append(time.perf_counter() - started)
    return timings, statuses

async def main(url, phones, cards, spread):
    results = await asyncio.gather(*(phone(url, p, cards, spread) for p in range(phones)))
    return {
        "timings": [t for timings, _ in results for t in timings],
        "statuses": [s for _, statuses in results for s in statuses],
    }

url, phones, cards, spread = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
result = asyncio.run(main(url, phones, cards, spread))
result["seconds"] = time.perf_counter() - started
print(json.dumps(result), flush=True)
"""


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
    phones = await asyncio.create_subprocess_exec(
        sys.executable, "-c", PHONES_SCRIPT, url, str(PHONES), str(CARDS_EACH), str(SPREAD_SECONDS),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert phones.stdin is not None and phones.stdout is not None
    try:
        ready = await asyncio.wait_for(phones.stdout.readline(), 30)
        assert ready.strip() == b"ready", ready
        idle = await probed(IDLE_SECONDS)
        busy = Probe()
        task = asyncio.create_task(busy.run())
        phones.stdin.write(b"go\n")
        await phones.stdin.drain()
        line = await asyncio.wait_for(phones.stdout.readline(), 60)
        busy.stop()
        await task
        await asyncio.wait_for(phones.wait(), 10)
    finally:
        if phones.returncode is None:
            phones.kill()
            await phones.wait()
        await box.close()
    return json.loads(line), idle, busy, box


KEY_SAMPLES_IDLE = 40
APP_SIZE = (110, 36)


@contextmanager
def own_folders() -> Iterator[None]:
    """Point the app's data, config and template folders at a temporary folder."""
    from circlekeeper.sessions import paths

    names = (paths.DATA_DIR_ENV, paths.CONFIG_DIR_ENV, paths.TEMPLATES_DIR_ENV)
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            os.environ[name] = os.path.join(folder, name.lower())
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


KEY_GAP_SECONDS = 0.02
"""A breath between two key presses, as even a quick facilitator leaves."""


class Frames:
    """Notes when the app hands a frame to the terminal, and what screen it showed.

    Headless, the app composes every frame but writes none; the frame is turned into
    the terminal's bytes here, so the cost of drawing is counted as on a real terminal.
    """

    def __init__(self, app) -> None:
        self._app = app
        self._display = app._display
        self._wanted: tuple[type, asyncio.Future[float]] | None = None
        app._display = self._show

    def _show(self, screen, renderable) -> None:
        self._display(screen, renderable)
        if renderable is not None and hasattr(renderable, "render_segments"):
            renderable.render_segments(self._app.console)
        wanted = self._wanted
        if wanted is not None and isinstance(screen, wanted[0]) and not wanted[1].done():
            wanted[1].set_result(time.perf_counter())
            self._wanted = None

    async def key_to_screen(self, key: str, shows: type) -> float:
        """Seconds from pressing ``key`` until a frame of the screen ``shows`` is drawn."""
        from textual import events

        drawn = asyncio.get_running_loop().create_future()
        self._wanted = (shows, drawn)
        started = time.perf_counter()
        self._app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        seconds = await asyncio.wait_for(drawn, 30) - started
        await asyncio.sleep(KEY_GAP_SECONDS)
        return seconds


async def app_burst() -> tuple[list[float], list[float], int, str]:
    """The app with a session and an open drop-box: key presses idle, then in a burst.

    Returns the idle and the busy key-to-screen times, the cards waiting at the end,
    and the new-cards counter's words at the end.
    """
    from circlekeeper.sessions.config import Settings
    from circlekeeper.tui.app import make_app
    from circlekeeper.tui.dialogs.note_editor import NoteEditor
    from circlekeeper.tui.screens.home import HomeScreen
    from circlekeeper.tui.screens.run_session import RunScreen
    from circlekeeper.tui.widgets.card_counter import CardCounter

    with own_folders():
        app = make_app(Settings.load(os.environ), clock=SystemClock())
        async with app.run_test(size=APP_SIZE) as pilot:
            await pilot.pause()
            app.screen.post_message(
                HomeScreen.StartRequested(app.library.find("colleague-relationships"))
            )
            await pilot.pause()
            await pilot.press("1", "5", "enter", "enter", "space")
            await pilot.pause()
            assert isinstance(app.screen, RunScreen), app.screen
            # Opened as the run screen's d key would, with the bench's room limit.
            box = DropBox(app.session, rate_per_minute=1000, on_card=app.dropbox_changed)
            app.dropbox = box
            url = await box.open()
            app.dropbox_changed()
            frames = Frames(app)
            # The note editor opened and closed: what a facilitator does as cards come in.
            keys = (("n", NoteEditor), ("escape", RunScreen))
            idle = [await frames.key_to_screen(*keys[n % 2]) for n in range(KEY_SAMPLES_IDLE)]
            phones = await asyncio.create_subprocess_exec(
                sys.executable, "-c", PHONES_SCRIPT, url, str(PHONES), str(CARDS_EACH),
                str(SPREAD_SECONDS),
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            assert phones.stdin is not None and phones.stdout is not None
            busy: list[float] = []
            try:
                ready = await asyncio.wait_for(phones.stdout.readline(), 30)
                assert ready.strip() == b"ready", ready
                phones.stdin.write(b"go\n")
                await phones.stdin.drain()
                done = asyncio.ensure_future(phones.stdout.readline())
                while not done.done() or len(busy) % 2:
                    busy.append(await frames.key_to_screen(*keys[len(busy) % 2]))
                await asyncio.wait_for(done, 60)
                await asyncio.wait_for(phones.wait(), 10)
            finally:
                if phones.returncode is None:
                    phones.kill()
                    await phones.wait()
            await pilot.pause()
            counter = str(app.screen.query_one(CardCounter).render())
            waiting = box.waiting_count()
            await pilot.press("ctrl+q")
    return idle, busy, waiting, counter


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
