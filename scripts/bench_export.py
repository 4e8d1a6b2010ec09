"""Bench section ``export``: what writing the handout and the record costs.

A session with 1,000 notes is exported in all three formats for both audiences (six
documents, from reading the session's notes to the finished text), against a target of
half a second in all. The same for 100 notes gives the growth: linear is about 10x.
Each figure is the median of several runs after one warm-up run, which builds what is
kept between exports (the HTML template, the QR codes); that first run is shown too.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource

START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)
RUNS = 7

Figure = tuple[str, float, str, "tuple[str, float] | None"]


def agenda() -> Agenda:
    """A usual agenda: six parts with prompts and guidance, and three resources."""
    parts = tuple(
        Part(
            title=f"Part {n}",
            minutes=15,
            line=n,
            round_minutes=2 if n % 3 == 1 else None,
            text=(Block("Words the facilitator may *read out*.", n),),
            prompts=(Block("What helped you this week?", n), Block("What would help next?", n)),
            guidance=(Block("Facilitator: keep the round moving.", n),),
        )
        for n in range(6)
    )
    resources = (
        Resource("Find a helpline", "https://findahelpline.com", crisis=True),
        Resource("Staff wellbeing", "mailto:wellbeing@example.org"),
        Resource("Mentoring scheme", "https://intranet.example.org/mentoring"),
    )
    return Agenda(name="bench", title="A long evening", parts=parts, resources=resources)


def session_with(notes: int) -> Session:
    """An ended session holding ``notes`` notes, opened for reading as an export does."""
    clock = FakeClock(START)
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda(), clock, session_id="bench", attendance=12)
    session.start()
    for part in range(1, 6):
        clock.advance(minutes=15)
        session.go_to_part(part)
    session.end()
    kinds = list(NoteKind)
    for n in range(notes):
        note = Note(
            id=f"n{n:05d}",
            text=f"Several people said the evenings are the hardest part <{n}> [of the week]",
            kind=kinds[n % 4],
            part=n % 6,
            at=START + timedelta(seconds=5 * n),
            elapsed=5.0 * n,
            facilitator_only=n % 5 == 0,
            source=NoteSource.DROP_BOX if n % 7 == 0 else NoteSource.FACILITATOR,
        )
        record.put_note(note.to_dict())
    return Session.resume(record, clock, read_only=True)


def export_all(session: Session) -> int:
    """Every format for both audiences; returns the characters written."""
    written = 0
    for audience in Audience:
        summary = summary_of(session, audience)
        for fmt in Format:
            written += len(render(summary, fmt))
    return written


def timed(session: Session) -> tuple[float, float]:
    """Seconds for the first export, then the median of :data:`RUNS` more."""
    started = time.perf_counter()
    export_all(session)
    first = time.perf_counter() - started
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        export_all(session)
        times.append(time.perf_counter() - started)
    return first, statistics.median(times)


def run() -> Iterator[Figure]:
    """Measure, then yield the figures."""
    big, small = session_with(1000), session_with(100)
    first, big_median = timed(big)
    _, small_median = timed(small)
    yield ("first export, 1,000 notes, 3 formats x 2 audiences", first, " s", None)
    yield ("export, 1,000 notes, 3 formats x 2 audiences (median)", big_median, " s", ("<=", 0.5))
    yield ("export, 100 notes, 3 formats x 2 audiences (median)", small_median, " s", None)
    yield (
        "1,000 notes / 100 notes (linear is about 10)",
        big_median / small_median,
        "x",
        ("<=", 12.0),
    )
    yield ("characters written for 1,000 notes", float(export_all(big)), "", None)
