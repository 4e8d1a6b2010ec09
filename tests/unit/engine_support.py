"""Agendas, records and clocks shared by the session engine's tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import JSONStorage, MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part, Resource

SESSION_ID = "2026-03-04-test"


def part(title: str, minutes: int, **extra: Any) -> Part:
    """A part with no text, on a made-up line."""
    return Part(title=title, minutes=minutes, line=1, **extra)


def agenda(*parts: Part, resources: tuple[Resource, ...] = ()) -> Agenda:
    """An agenda of ``parts``; by default a 60-minute one with a round and a fixed part.

    The default: Welcome 10, Check-in 15 (round 2 min), Sharing 25, Check-out 10 (fixed).
    """
    if not parts:
        parts = (
            part("Welcome", 10),
            part("Check-in", 15, round_minutes=2),
            part("Sharing", 25),
            part("Check-out", 10, fixed=True),
        )
    return Agenda(name="test-agenda", title="A test agenda", parts=parts, resources=resources)


def memory_record() -> SessionRecord:
    """A record held in memory."""
    return SessionRecord(TinyDB(storage=MemoryStorage))


def file_record(path: Path) -> SessionRecord:
    """A record in a real JSON file, reopened from disk each time this is called."""
    return SessionRecord(TinyDB(path, storage=JSONStorage))


def new_session(clock: FakeClock, the_agenda: Agenda | None = None, **options: Any) -> Session:
    """A ready session over an in-memory record, for 8 people unless told otherwise."""
    options.setdefault("attendance", 8)
    options.setdefault("session_id", SESSION_ID)
    return Session.create(memory_record(), the_agenda or agenda(), clock, **options)


class JumpyClock(FakeClock):
    """A fake clock whose wall time can jump on its own, as when the system clock is set."""

    def __init__(self) -> None:
        super().__init__()
        self._jump = timedelta()

    def now(self) -> datetime:
        return super().now() + self._jump

    def jump(self, *, minutes: float) -> None:
        """Move the wall clock (only) by ``minutes``, forwards or backwards."""
        self._jump += timedelta(minutes=minutes)
