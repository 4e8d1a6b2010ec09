"""A structured part's steps in the facilitator record: rows in the markdown time table,
thinner bars in the HTML record's timeline and a ``steps`` list in the JSON record, planned
against actual."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, save_export, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.export.markdown import render_markdown
from circlekeeper.sessions.export.timeline_svg import timeline_svg
from circlekeeper.sessions.reports.records import read_record
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


def test_the_json_record_keeps_the_steps_valid_and_readable(clock: FakeClock, tmp_path) -> None:
    summary = summary_of(_ran_a_short_troika(clock), Audience.FACILITATOR)
    path = save_export(summary, Format.JSON, folder=tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    welcome, troika = data["agenda"]
    assert "steps" not in welcome  # a part run without a structure reads as it always did
    steps = troika["steps"]
    assert len(steps) == 13
    assert steps[0] == {
        "name": "Think",
        "who": None,
        "planned_seconds": 60,
        "actual_seconds": 60.0,
        "overrun_seconds": 0.0,
        "overran": False,
    }
    assert steps[1] == {
        "name": "Client shares",
        "who": "Client 1 of 3",
        "planned_seconds": 60,
        "actual_seconds": 180.0,
        "overrun_seconds": 120.0,
        "overran": True,
    }
    assert [s["who"] for s in steps[-4:]] == ["Client 3 of 3"] * 4
    assert {s["actual_seconds"] for s in steps[2:]} == {0.0}
    # Steps are the record's alone, and a coordinator's reader still takes the record.
    assert read_record(path).figures.attendance == 6
    handout = save_export(
        summary_of(_ran_a_short_troika(FakeClock()), Audience.PARTICIPANTS),
        Format.JSON,
        folder=tmp_path,
    )
    assert "Client shares" not in handout.read_text(encoding="utf-8")
