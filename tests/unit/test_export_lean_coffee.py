"""A Lean Coffee in the exports: the facilitator record keeps each topic with its votes and
extensions (valid against the shipped schema), the timeline shows each topic taken planned
against actual, and the handout carries no votes."""

from __future__ import annotations

import json
from pathlib import Path

from engine_support import agenda, file_record, part
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


def test_the_handout_lists_the_topics_reached_never_the_facilitators_own(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "s.json"
    lean = part("Lean coffee", 30, structure=StructureMark("lean coffee", boxes=(5,)))
    session = Session.create(
        file_record(path), agenda(part("Welcome", 5), lean), clock, session_id="s",
        attendance=6, watch_list=["Priya"],
    )  # fmt: skip
    session.start()
    session.next_part()
    session.topics.add("Saying no <b>kindly</b> *stars*")
    session.topics.add("What Priya said about rotas", keep=True)  # kept: the record's only
    session.topics.add("Quiet rooms")  # never reached: the parking lot's, not the handout's
    session.add_note("Breaks we take", "parked", source="drop-box", facilitator_only=True)
    session.topics.from_cards()
    session.topics.set_votes({"1": 5, "2": 4, "3": 0, "4": 6})
    for _topic in range(3):
        session.topics.take_next()
        clock.advance(minutes=5)
    session.end()
    added = [e for e in file_record(path).events() if e.get("action") == "add"]
    # Only the kept topic's event carries the new field: every other reads as before.
    assert [e.get("kept") for e in added] == [None, ["name"], None, None]

    reopened = Session.resume(file_record(path), clock, read_only=True)
    for readable in (session, reopened):
        handout = summary_of(readable, Audience.PARTICIPANTS)
        assert handout.parts[1].topics == ("Saying no <b>kindly</b> *stars*",)
    markdown = render_markdown(handout)
    assert "   Topics discussed:\n\n   - Saying no \\<b>kindly\\</b> \\*stars\\*\n" in markdown
    html = render(handout, Format.HTML)
    escaped = "<li>Saying no &lt;b&gt;kindly&lt;/b&gt; *stars*</li>"
    assert f'<ul class="topics">\n{escaped}\n</ul>' in html
    for text in (markdown, html, render(handout, Format.CSV)):
        assert not any(w in text for w in ("Priya", "Breaks", "Quiet", "votes"))

    record = json.loads(render(summary_of(reopened, Audience.FACILITATOR), Format.JSON))
    Draft202012Validator(schema()).validate(record)
    topics = record["agenda"][1]["topics"]
    assert [(t["words"], t["reached"]) for t in topics] == [
        ("Breaks we take", True),
        ("Saying no <b>kindly</b> *stars*", True),
        ("What Priya said about rotas", True),
        ("Quiet rooms", False),
    ]
