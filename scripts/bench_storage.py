"""Bench section ``storage``: what saving a note or an event costs, and listing.

Medians over many saves through an open session's record, interleaved; a save with the
history is compared with the one made just before or after it without:

- with 500 past sessions of 50 notes each in the folder, against an empty folder: a note
  or an event (written with its meta, the index told as the engine tells it) must cost
  the same whatever the history (target <= 1.1x);
- against the physical floor: the same session data serialised with :mod:`json` and put
  in place by hand with the same durable steps (temporary file, write, fsync, rename,
  folder fsync), so what the storage adds on top of the disk shows (target <= 1.5x);
- ``circlekeeper sessions list`` on 1,000 sessions against an empty folder, each run of
  the installed command (target <= 1.3x);
- one action of the engine's in sessions of 2,000 and 20,000 events against one of 200,
  interleaved (targets <= 2x and <= 5x): an action must not cost more the longer the
  session runs, which the session's journal (one line appended per action) makes so.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench_engine import AGENDA, act
from past_sessions import write_past_sessions

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.handle import SessionHandle
from circlekeeper.sessions.storage.record import SCHEMA_VERSION
from circlekeeper.sessions.storage.session_store import SessionStore

PAST_SESSIONS = 500
LISTED_SESSIONS = 1000
LIST_RUNS = 7
NOTES_PER_SESSION = 50
ROUNDS = 4
SAVES_PER_ROUND = 50
START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)

Figure = tuple[str, float, str, "tuple[str, float] | None"]


def note(n: int) -> dict[str, object]:
    """A note like a facilitator's: a short text, a kind, the part and the time."""
    return {
        "id": f"note-{n:04d}",
        "kind": ("theme", "action", "question", "support need")[n % 4],
        "text": f"Several people said the evenings are the hardest part ({n})",
        "part": n % 6,
        "at": (START + timedelta(minutes=n)).isoformat(),
        "facilitator_only": n % 5 == 0,
    }


def fill_history(root: Path, count: int = PAST_SESSIONS) -> None:
    """Write the past sessions straight to disk, with an index that is up to date."""
    write_past_sessions(root, count, START, events=20, notes=NOTES_PER_SESSION, note=note)


class FloorSession:
    """The same session data, saved by hand with the bare durable steps."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "floor.json"
        moment = START.isoformat()
        meta = {"schema": SCHEMA_VERSION, "id": "floor", "created": moment, "updated": moment}
        self.data: dict[str, dict] = {"meta": {"1": meta}, "notes": {}}

    def put_note(self, a_note: dict[str, object]) -> None:
        self.data["notes"][str(len(self.data["notes"]) + 1)] = a_note
        text = json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode()
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".floor.", suffix=".tmp")
        os.write(fd, text)
        os.fsync(fd)
        os.close(fd)
        os.replace(tmp, self.path)
        dir_fd = os.open(self.folder, os.O_RDONLY)
        os.fsync(dir_fd)
        os.close(dir_fd)


def event_saver(store: SessionStore, handle: SessionHandle) -> Callable[[int], None]:
    """Save an event as the engine does: with its meta in one write, then tell the index."""

    def save(n: int) -> None:
        moment = (START + timedelta(seconds=n)).isoformat()
        event = {"type": "speaker", "at": moment, "ms": 1000, "speaker": n % 8}
        handle.record.append_event(event, meta={"state": "running", "updated": moment})
        store.update_index(handle.record.read_meta())

    return save


def timed_events(full: Path, empty: Path) -> dict[str, list[float]]:
    """Seconds per event saved, with the history and without, interleaved."""
    times: dict[str, list[float]] = {"full": [], "empty": []}
    for _ in range(ROUNDS):
        stores = {"full": SessionStore(full), "empty": SessionStore(empty)}
        with stores["full"].create(START) as a, stores["empty"].create(START) as b:
            savers = {"full": event_saver(stores["full"], a)}
            savers["empty"] = event_saver(stores["empty"], b)
            for n in range(SAVES_PER_ROUND):
                for kind in sorted(savers, reverse=n % 2 == 1):
                    started = time.perf_counter()
                    savers[kind](n)
                    times[kind].append(time.perf_counter() - started)
    return times


def timed_listing(full: Path, empty: Path) -> dict[str, list[float]]:
    """Seconds per run of ``circlekeeper sessions list``, on each folder in turn."""
    times: dict[str, list[float]] = {"full": [], "empty": []}
    program = str(Path(sys.executable).with_name("circlekeeper"))
    for n in range(2 * LIST_RUNS):
        kind = ("full", "empty")[n % 2]
        data = (full if kind == "full" else empty).parent / f"{kind}-data"
        started = time.perf_counter()
        command = [program, "--data-dir", str(data), "sessions", "list"]
        subprocess.run(command, check=True, capture_output=True)
        times[kind].append(time.perf_counter() - started)
    return times


def timed_saves(full: Path, empty: Path, floor: Path) -> dict[str, list[float]]:
    """Seconds per note save, for each kind of save, over every round.

    Each round opens a new session in both folders and saves the same notes in turn, one
    note to each kind before the next, so a slow spell of the disk falls on all alike.
    """
    times: dict[str, list[float]] = {"full": [], "empty": [], "floor": []}
    for r in range(ROUNDS):
        with SessionStore(full).create(START) as a, SessionStore(empty).create(START) as b:
            savers = {"full": a.record, "empty": b.record, "floor": FloorSession(floor)}
            for n in range(SAVES_PER_ROUND):
                order = list(savers)
                order = order[n % 3 :] + order[: n % 3]
                for kind in order:
                    started = time.perf_counter()
                    savers[kind].put_note(note(r * SAVES_PER_ROUND + n))
                    times[kind].append(time.perf_counter() - started)
    return times


SIZES = (200, 2000, 20000)
SIZE_ACTIONS = 60


def grown(store: SessionStore, clock: FakeClock, events: int) -> Session:
    """A running session of ``events`` events, its log filled in on disk, then reopened."""
    with store.create(clock.now()) as handle:
        session = Session.create(handle.record, AGENDA, clock, session_id=handle.id, attendance=8)
        session.start()
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    log = data["events"]
    at = clock.now().isoformat()
    for n in range(len(log) + 1, events + 1):
        # Attendance changes: they replay without moving the session on.
        log[str(n)] = {"type": "attendance", "at": at, "ms": 0, "n": 8 + n % 2}
    handle.path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return Session.resume(store.open(handle.id).record, clock)


def timed_sizes(folder: Path) -> dict[int, float]:
    """Median seconds per action at each session size, the sizes taking turns."""
    store, clock = SessionStore(folder / "sizes"), FakeClock()
    sessions = {size: grown(store, clock, size) for size in SIZES}
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    for n in range(SIZE_ACTIONS):
        for size in SIZES[n % 3 :] + SIZES[: n % 3]:
            started = time.perf_counter()
            act(sessions[size], clock, n)
            times[size].append(time.perf_counter() - started)
    return {size: statistics.median(values) for size, values in times.items()}


def paired(with_history: list[float], without: list[float]) -> float:
    """The median of the ratios of saves made one just after the other, with the history
    and without.

    A disk's fsync takes longer for a while and then less: two saves moments apart meet
    the same spell, where over five runs the ratio of the two medians read 1.09x to 1.20x
    and the median of the pairs' ratios 1.04x to 1.06x.
    """
    return statistics.median(a / b for a, b in zip(with_history, without, strict=True))


def run() -> Iterator[Figure]:
    """Measure, then yield the figures."""
    with tempfile.TemporaryDirectory(prefix="ck-bench-") as scratch:
        base = Path(scratch)
        full, empty, floor = base / "full", base / "empty", base / "floor"
        for folder in (full, empty, floor):
            folder.mkdir()
        started = time.perf_counter()
        fill_history(full)
        yield (
            f"write {PAST_SESSIONS} past sessions of {NOTES_PER_SESSION} notes",
            time.perf_counter() - started, " s", None,
        )  # fmt: skip

        times = timed_saves(full, empty, floor)
        median_full = statistics.median(times["full"])
        median_empty = statistics.median(times["empty"])
        median_floor = statistics.median(times["floor"])
        yield ("note save, empty data folder (median)", median_empty * 1000, " ms", None)
        yield (
            f"note save, {PAST_SESSIONS} past sessions (median)", median_full * 1000, " ms", None
        )  # fmt: skip
        yield (
            "note save with history / without, median of each pair's",
            paired(times["full"], times["empty"]), "x", ("<=", 1.1),
        )  # fmt: skip
        by_hand = "floor: json, temp write, fsync, rename, folder fsync (median)"
        yield (by_hand, median_floor * 1000, " ms", None)
        yield ("note save / floor", median_full / median_floor, "x", ("<=", 1.5))

        event_times = timed_events(full, empty)
        empty_event = statistics.median(event_times["empty"])
        yield ("event save, empty data folder (median)", empty_event * 1000, " ms", None)
        yield (
            f"event save with {PAST_SESSIONS} past sessions / without, median of each pair's",
            paired(event_times["full"], event_times["empty"]), "x", ("<=", 1.1),
        )  # fmt: skip

        store = SessionStore(full)
        store.list()
        started = time.perf_counter()
        listed = len(store.list().sessions)
        elapsed = time.perf_counter() - started
        yield (f"list the folder ({listed} sessions, index up to date)", elapsed, " s", None)

        many, none = base / "full-data" / "sessions", base / "empty-data" / "sessions"
        many.mkdir(parents=True)
        none.mkdir(parents=True)
        fill_history(many, LISTED_SESSIONS)
        SessionStore(many).list()
        runs = {k: statistics.median(v) for k, v in timed_listing(many, none).items()}
        yield ("sessions list, empty folder (median)", runs["empty"], " s", None)
        yield (
            f"sessions list, {LISTED_SESSIONS} sessions / empty folder",
            runs["full"] / runs["empty"], "x", ("<=", 1.3),
        )  # fmt: skip

        sizes = timed_sizes(base)
        yield (f"one action at {SIZES[0]} events, median", sizes[SIZES[0]] * 1000, " ms", None)
        for size, limit in ((SIZES[1], 2), (SIZES[2], 5)):
            ratio = sizes[size] / sizes[SIZES[0]]
            yield (f"one action at {size} events / at {SIZES[0]}", ratio, "x", ("<=", limit))
