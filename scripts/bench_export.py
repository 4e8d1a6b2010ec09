"""Bench section ``export``: what writing the handout and the record costs, as ratios.

Sessions of 1,000 and 10,000 notes are exported in each format for both audiences (two
documents, from reading the session's notes to the finished text). Every format's time
for 10,000 notes is set against the Markdown time (target <= 2x: no format is much
dearer than the plainest), and each format's 10,000-note time against its 1,000-note time
(linear is about 10x; target <= 12x). The runs alternate between sizes and formats so all
meet the same machine, after one warm-up run that builds what is kept between exports
(the HTML template, the QR codes); figures are medians.
"""

from __future__ import annotations

import gc
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
from circlekeeper.sessions.storage.record import NOTES_TABLE, SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource

START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)
RUNS = 5
SMALL, BIG = 1000, 10000

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


def session_with(count: int) -> Session:
    """An ended session holding ``count`` notes, opened for reading as an export does."""
    clock = FakeClock(START)
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda(), clock, session_id="bench", attendance=12)
    session.start()
    for part in range(1, 6):
        clock.advance(minutes=15)
        session.go_to_part(part)
    session.end()
    kinds = list(NoteKind)
    notes = [
        Note(
            id=f"n{n:05d}",
            text=f"Several people said the evenings are the hardest part <{n}> [of the week]",
            kind=kinds[n % 4],
            part=n % 6,
            at=START + timedelta(seconds=5 * n),
            elapsed=5.0 * n,
            facilitator_only=n % 5 == 0,
            source=NoteSource.DROP_BOX if n % 7 == 0 else NoteSource.FACILITATOR,
        ).to_dict()
        for n in range(count)
    ]
    # In one go, into the stored tables a record reads when it is opened: saving them one
    # by one looks each up among the others, which is not what is measured here.
    stored = record.db.storage.read() or {}
    stored[NOTES_TABLE] = {str(n + 1): note for n, note in enumerate(notes)}
    record.db.storage.write(stored)
    session = Session.resume(SessionRecord(record.db), clock, read_only=True)
    assert len(session.notes()) == count, "the notes never reached the session"
    return session


def export_one(session: Session, fmt: Format) -> int:
    """One format for both audiences; returns the characters written."""
    return sum(len(render(summary_of(session, audience), fmt)) for audience in Audience)


def _seconds(session: Session, fmt: Format) -> float:
    # As timeit does: with the collector paused, a full collection of everything the bench
    # holds (two large sessions) does not land in whichever format happens to be running.
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        export_one(session, fmt)
        return time.perf_counter() - started
    finally:
        gc.enable()


def run() -> Iterator[Figure]:
    """Measure, then yield the figures."""
    sizes = {SMALL: session_with(SMALL), BIG: session_with(BIG)}
    times: dict[tuple[int, Format], list[float]] = {(n, f): [] for n in sizes for f in Format}
    for session in sizes.values():
        for fmt in Format:
            export_one(session, fmt)  # the warm-up
    for _ in range(RUNS):
        for size, session in sizes.items():
            for fmt in Format:
                times[size, fmt].append(_seconds(session, fmt))
    median = {key: statistics.median(values) for key, values in times.items()}
    markdown = median[BIG, Format.MARKDOWN]
    yield (f"export, {BIG:,} notes, Markdown, both audiences (median)", markdown, " s", None)
    for fmt in Format:
        if fmt is not Format.MARKDOWN:
            yield (
                f"export, {BIG:,} notes, {fmt.label} against Markdown",
                median[BIG, fmt] / markdown,
                "x",
                ("<=", 2.0),
            )
    for fmt in Format:
        yield (
            f"export, {fmt.label}, {BIG:,} notes / {SMALL:,} notes (linear is about 10)",
            median[BIG, fmt] / median[SMALL, fmt],
            "x",
            ("<=", 12.0),
        )
    written = sum(export_one(sizes[BIG], fmt) for fmt in Format)
    yield (f"characters written for {BIG:,} notes, all formats", float(written), "", None)
