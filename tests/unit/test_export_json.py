"""The JSON export keeps its published schema, ``summary-v1.schema.json``."""

from __future__ import annotations

import copy
import json

import pytest
from export_example import example_agenda, example_session
from jsonschema import Draft202012Validator
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import FORMAT, VERSION, schema
from circlekeeper.sessions.storage.record import SessionRecord


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def not_started() -> Session:
    record = SessionRecord(TinyDB(storage=MemoryStorage))
    return Session.create(record, example_agenda(), FakeClock(), session_id="s", attendance=3)


def exported(session: Session, audience: Audience) -> dict:
    return json.loads(render(summary_of(session, audience), Format.JSON))


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("make", [example_session, not_started], ids=["ended", "not-started"])
def test_every_export_is_valid_against_the_schema(validator, make, audience) -> None:
    data = exported(make(), audience)
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []
    assert (data["format"], data["version"], data["audience"]) == (FORMAT, VERSION, audience.value)


def test_the_schema_refuses_a_handout_that_carries_record_fields(validator) -> None:
    session = example_session()
    handout = exported(session, Audience.PARTICIPANTS)
    record = exported(session, Audience.FACILITATOR)
    leaky = dict(handout, debrief=record["debrief"])
    assert not validator.is_valid(leaky)
    leaky = copy.deepcopy(handout)
    leaky["notes"].append(record["notes"][-1])  # a facilitator-only note, with its marks
    assert not validator.is_valid(leaky)
    leaky = copy.deepcopy(handout)
    leaky["agenda"][0]["guidance"] = ["Facilitator: a word"]
    assert not validator.is_valid(leaky)


def test_the_schema_refuses_another_version_or_a_record_without_its_session(validator) -> None:
    record = exported(example_session(), Audience.FACILITATOR)
    assert not validator.is_valid(dict(record, version=2))
    assert not validator.is_valid({k: v for k, v in record.items() if k != "session"})
    assert not validator.is_valid(dict(record, audience="participants"))


def test_a_not_started_session_is_dated_by_its_creation_and_has_no_start() -> None:
    data = exported(not_started(), Audience.FACILITATOR)
    assert data["date"] == "2026-03-04"
    assert data["session"]["started_at"] is None and data["session"]["state"] == "ready"
