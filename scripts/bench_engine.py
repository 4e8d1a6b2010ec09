"""Bench section ``engine``: what running a long session costs.

A session of 3 hours with 1,000 actions (parts, round turns, pauses) and 200 notes,
stored through the store's atomic storage in a temporary folder:

- the status snapshot the run screen asks for every second (target <= 2 ms);
- one action (an event appended, the meta brought up to date), median (for information:
  it is bound by the disk's fsync);
- reopening the session after a crash: reading the file and replaying every event
  (target <= 500 ms).

How an action's cost grows with the session's length is in the ``storage`` section.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Part

ACTIONS = 1000
NOTES = 200

Figure = tuple[str, float, str, "tuple[str, float] | None"]

AGENDA = Agenda(
    name="bench",
    title="A long session",
    parts=tuple(
        Part(f"Part {i}", 20, line=i, round_minutes=2 if i % 2 else None, fixed=i == 8)
        for i in range(9)
    ),
)


def act(session: Session, clock: FakeClock, n: int) -> None:
    """One of the facilitator's everyday actions, chosen by ``n``."""
    clock.advance(10)
    if n % 50 == 49:
        session.go_to_part((session.part_index + 1) % len(AGENDA.parts))
    elif n % 10 == 9:
        session.toggle()
    elif session.part.is_round and not session.status().round.done:  # type: ignore[union-attr]
        if n % 7 == 0:
            session.pass_speaker()
        else:
            session.next_speaker()
    else:
        session.set_attendance(8 + n % 2)


def run() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "sessions")
        clock = FakeClock()
        handle = store.create(clock.now())
        session = Session.create(handle.record, AGENDA, clock, session_id=handle.id, attendance=8)
        session.start()
        timings = []
        for n in range(ACTIONS):
            started = time.perf_counter()
            act(session, clock, n)
            timings.append(time.perf_counter() - started)
            if n % (ACTIONS // NOTES) == 0:
                session.add_note(f"Evenings are the hardest part ({n})", "theme")

        started = time.perf_counter()
        for _ in range(200):
            session.status()
        yield ("status snapshot", (time.perf_counter() - started) / 200 * 1000, " ms", ("<=", 2))
        yield ("one action, median", statistics.median(timings) * 1000, " ms", None)
        events = len(session.record.events())
        handle.close()

        started = time.perf_counter()
        with store.open(handle.id) as again:
            Session.resume(again.record, clock)
            elapsed = (time.perf_counter() - started) * 1000
        yield (f"reopen after a crash ({events} events)", elapsed, " ms", ("<=", 500))
