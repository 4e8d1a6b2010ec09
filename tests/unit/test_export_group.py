"""A group's meeting exported: its group only in the facilitator record, never a handout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.groups import GroupStore, meeting_agenda, start_meeting
from tests.unit.engine_support import agenda, file_record


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """An ended meeting of the group "Harbour set", with two newcomers of six."""
    folder: Path = tmp_path_factory.mktemp("group-export")
    clock = FakeClock()
    store = GroupStore(folder / "groups")
    group = store.create("Harbour set", clock.now())
    session = Session.create(
        file_record(folder / "s.json"),
        meeting_agenda(agenda(), group, newcomers=2),
        clock,
        session_id="2026-03-04-harbour",
        attendance=6,
    )
    start_meeting(store, group, session, newcomers=2, now=clock.now())
    session.start()
    session.add_note("Sleep matters", NoteKind.THEME)
    clock.advance(minutes=5)
    session.end()
    return session


def test_the_record_names_the_group_in_every_format(meeting: Session) -> None:
    summary = summary_of(meeting, Audience.FACILITATOR)
    markdown = render(summary, Format.MARKDOWN)
    assert "- Group: Harbour set\n- Newcomers: 2\n" in markdown
    page = render(summary, Format.HTML)
    assert "<dt>Group</dt><dd>Harbour set</dd>" in page
    assert "<dt>Newcomers</dt><dd>2</dd>" in page
    record = json.loads(render(summary, Format.JSON))
    assert (record["session"]["group"], record["session"]["newcomers"]) == ("Harbour set", 2)
    Draft202012Validator(schema()).validate(record)


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML, Format.JSON, Format.CSV])
def test_a_handout_never_carries_the_group(meeting: Session, fmt: Format) -> None:
    text = render(summary_of(meeting, Audience.PARTICIPANTS), fmt)
    assert "Sleep matters" in text  # the handout itself is whole
    assert "Harbour" not in text and "Newcomers" not in text
