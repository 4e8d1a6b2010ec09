"""A structured part's steps in the facilitator record: rows in the markdown time table
and thinner bars in the HTML record's timeline, planned against actual."""

from __future__ import annotations

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, summary_of
from circlekeeper.sessions.export.markdown import render_markdown
from circlekeeper.sessions.export.timeline_svg import timeline_svg
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.structures.marks import StructureMark
from circlekeeper.sessions.templates.agenda import Agenda, Part


def _ran_a_short_troika(clock: FakeClock) -> Session:
    parts = (
        Part("Welcome", 5, 1),
        Part("Troika", 13, 2, structure=StructureMark("troika")),  # a minute a step
    )
    agenda = Agenda(name="t", title="T", parts=parts)
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    session = Session.create(record, agenda, clock, session_id="s", attendance=6)
    session.start()
    clock.advance(minutes=5)
    session.next_part()
    clock.advance(minutes=1)
    session.next_step()
    clock.advance(minutes=3)  # the first client shares for 3 minutes of 1
    session.next_step()
    session.end()
    return session


def test_the_steps_are_in_the_record_planned_and_actual(clock: FakeClock) -> None:
    summary = summary_of(_ran_a_short_troika(clock), Audience.FACILITATOR)
    markdown = render_markdown(summary)
    assert "| ↳ Think | 1 min | 1 min |  |" in markdown
    assert "| ↳ Client 1 of 3 · Client shares | 1 min | 3 min | +2 min |" in markdown
    assert "| ↳ Client 3 of 3 · What was valuable | 1 min | 0 s |  |" in markdown
    svg = timeline_svg(summary)
    assert svg.count('font-size="10"') == 2 * 13  # a label and its figures a step
    assert "Client 1 of 3 · Client shares" in svg
    assert "3 min of 1 min (+2 min)" in svg
    handout = render_markdown(summary_of(_ran_a_short_troika(FakeClock()), Audience.PARTICIPANTS))
    assert "Client shares" not in handout
