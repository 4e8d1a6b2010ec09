"""The crisis follow-through is in the facilitator record, in every format, never in a handout."""

from __future__ import annotations

import json
from datetime import date

import pytest
from export_example import example_agenda
from jsonschema import Draft202012Validator
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.formats import DOCUMENT_FORMATS
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.storage.record import SessionRecord

WORDS = "Rang the next morning <b>as agreed</b>"


@pytest.fixture(scope="module")
def session() -> Session:
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    clock = FakeClock()
    session = Session.create(record, example_agenda(), clock, session_id="s", attendance=6)
    session.start()
    clock.advance(minutes=4)
    session.crisis()
    session.save_follow_through(
        "room", ["stayed", "emergency"], date(2026, 3, 5), debrief=True, words=WORDS
    )
    session.end()
    return session


@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
def test_the_record_carries_it_and_the_handout_does_not(session, fmt) -> None:
    record = render(summary_of(session, Audience.FACILITATOR), fmt)
    handout = render(summary_of(session, Audience.PARTICIPANTS), fmt)
    if fmt is Format.JSON:
        (shown,) = json.loads(record)["follow_throughs"]
        assert shown["steps"] == ["stayed", "emergency"] and shown["due"] == "2026-03-05"
        assert shown["words"] == WORDS and shown["done_at"] is None
    else:
        assert "emergency services called" in record and "not yet done" in record
        assert "Rang the next morning" in record
    if fmt is Format.HTML:
        assert "<b>as agreed" not in record  # the words are data, never markup
    for text in ("Rang the next morning", "emergency", "follow_through", "Follow-up due"):
        assert text not in handout


def test_the_record_keeps_the_schema(session) -> None:
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    data = json.loads(render(summary_of(session, Audience.FACILITATOR), Format.JSON))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_the_record_counts_crisis_uses_with_no_words_beside_the_count(session) -> None:
    data = json.loads(render(summary_of(session, Audience.FACILITATOR), Format.JSON))
    assert data["session"]["crisis_uses"] == 1
    handout = json.loads(render(summary_of(session, Audience.PARTICIPANTS), Format.JSON))
    assert "session" not in handout
