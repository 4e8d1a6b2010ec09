"""A Lean Coffee in the exports: the facilitator record keeps each topic with its votes and
extensions (valid against the shipped schema), the timeline shows each topic taken planned
against actual, and the handout carries no votes."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.export.markdown import render_markdown
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.structures.marks import StructureMark
from circlekeeper.sessions.templates.agenda import Agenda, Part


def test_the_record_keeps_the_topics_votes_and_extensions(clock: FakeClock) -> None:
    lean = Part("Lean coffee", 20, 2, structure=StructureMark("lean coffee", boxes=(5,)))
    agenda = Agenda(name="l", title="L", parts=(Part("Welcome", 5, 1), lean))
    session = Session.create(
        SessionRecord(TinyDB(storage=MemoryStorage)), agenda, clock, session_id="s",
        attendance=6,
    )  # fmt: skip
    session.start()
    session.next_part()
    session.topics.add("Saying no <b>kindly</b>")
    session.topics.add("Quiet rooms")
    session.topics.set_votes({"1": 4, "2": 1})
    session.topics.take_next()
    clock.advance(minutes=5)
    session.topics.thumbs(5, 1, 0)
    clock.advance(minutes=6)
    session.end()

    record = json.loads(render(summary_of(session, Audience.FACILITATOR), Format.JSON))
    Draft202012Validator(schema()).validate(record)
    assert "topics" not in record["agenda"][0]
    first, second = record["agenda"][1]["topics"]
    assert (first["words"], first["votes"], first["extension_minutes"]) == (
        "Saying no <b>kindly</b>", 4, [4],
    )  # fmt: skip
    assert (first["planned_seconds"], first["actual_seconds"]) == (540, 660)
    assert first["thumbs"] == [{"up": 5, "sideways": 1, "down": 0}]
    assert (second["reached"], second["parked"], second["planned_seconds"]) == (False, True, 0)

    markdown = render_markdown(summary_of(session, Audience.FACILITATOR))
    assert "| ↳ Topic 1 of 1 · Topic: Saying no" in markdown
    assert "| 9 min | 11 min | +2 min |" in markdown
    assert "Saying no \\<b>kindly\\</b>" in markdown  # the topic's words are never markup
    handout = render(summary_of(session, Audience.PARTICIPANTS), Format.JSON)
    assert '"votes"' not in handout
