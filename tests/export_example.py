"""The example session the export tests write out, built through the real engine.

:func:`example_session` runs a whole session on a fake clock from the template in
``unit/golden/example-agenda.md``: notes of every kind (one facilitator-only, one drop-box
card, one on two lines), an overrun, a rebalance, a speaking round with passes, a pause,
a resource shown, the crisis key, and a debrief. ``unit/test_export_session.py`` checks
the example holds all of that, so the golden files cannot quietly lose a case.

The unit tests and the browser test both use it, so it sits beside the root
``conftest.py``, whose folder pytest puts on ``sys.path``: ``from export_example import ...``.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timezone
from pathlib import Path
from unittest import mock

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.parse import parse_template

GOLDEN = Path(__file__).parent / "unit" / "golden"
SESSION_ID = "2026-03-04-k7q2"
START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)

FACILITATOR_ONLY_TEXT = "Check in quietly with the colleague who left early"
DEBRIEF_TEXT = "The round ran long but people opened up"


def example_agenda():
    """The agenda of ``golden/example-agenda.md``, read by the real template reader."""
    path = GOLDEN / "example-agenda.md"
    return parse_template(path.read_text(encoding="utf-8"), path)


def example_session(
    clock: FakeClock | None = None,
    record: SessionRecord | None = None,
    *,
    agenda=None,
    session_id: str = SESSION_ID,
) -> Session:
    """Run the example session to its end and save its debrief.

    Note ids are random in the app; here they count up, so golden files stay put.
    """
    counter = itertools.count(1)
    with mock.patch.object(uuid, "uuid4", lambda: uuid.UUID(int=next(counter) << 80)):
        return _run(clock, record, agenda, session_id)


def _run(clock, record, agenda, session_id) -> Session:
    clock = clock or FakeClock(START)
    record = record or SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(
        record, agenda or example_agenda(), clock, session_id=session_id, attendance=7
    )
    clock.advance(minutes=2)
    session.start()
    # Welcome: 12 minutes of a planned 10.
    clock.advance(minutes=3)
    session.add_note("Evenings are the hardest part of the week", NoteKind.THEME)
    clock.advance(minutes=2)
    session.add_note("Share the staff wellbeing link\nby Friday", NoteKind.ACTION)
    clock.advance(minutes=7)
    session.next_part()
    # Check-in round, shortened by the rebalance; five speak, two pass, one of them
    # speaks when offered again.
    session.rebalance()
    for _ in range(5):
        clock.advance(minutes=2)
        session.next_speaker()
    session.pass_speaker()
    session.pass_speaker()
    clock.advance(minutes=2)
    session.next_speaker()
    session.pass_speaker()
    session.add_note(
        "How do we ask for a mentor without it seeming odd?",
        NoteKind.QUESTION,
        source=NoteSource.DROP_BOX,
    )
    session.pause()
    clock.advance(minutes=4)
    session.resume_timer()
    session.next_part()
    # Sharing.
    clock.advance(minutes=4)
    session.resource_shown(session.agenda.resources[1])
    session.add_note("Feeling unheard in team meetings", NoteKind.THEME, source="drop-box")
    clock.advance(minutes=3)
    session.add_note("Workload in the busy season", NoteKind.PARKED)
    session.add_note(FACILITATOR_ONLY_TEXT, NoteKind.SUPPORT_NEED, facilitator_only=True)
    session.add_note("Ask HR about a mentoring scheme", NoteKind.ACTION, facilitator_only=True)
    clock.advance(minutes=1)
    session.crisis()
    clock.advance(minutes=2)
    session.resume_timer()
    session.next_part()
    # Check-out: everyone speaks.
    for _ in range(7):
        clock.advance(minutes=1)
        session.next_speaker()
    session.end()
    session.save_debrief(DEBRIEF_TEXT, "Send the mentoring page link", "A walk after work")
    return session


def saved_session(folders: Folders, *, keep_open: bool = False):
    """The example session, saved in the data folder; its id (and its open handle)."""
    store = SessionStore.in_folders(folders)
    handle = store.create(START)
    example_session(FakeClock(START), handle.record, session_id=handle.id)
    if keep_open:
        return handle.id, handle
    handle.close()
    return handle.id


def run_session(agenda: Agenda, notes: list[str]) -> Session:
    """A session of ``agenda`` in memory, ended, with ``notes`` kept as they are (and the
    first three as its debrief)."""
    clock = FakeClock()
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda, clock, session_id="s-1", attendance=5)
    session.start()
    for n, text in enumerate(notes):
        clock.advance(30)
        session.add_note(text, NoteKind.THEME if n % 2 else NoteKind.ACTION, keep=True)
    session.end()
    if notes:
        session.save_debrief(notes[0], notes[1], notes[2], keep=True)
    return session
