"""The record's timeline: a planned bar and a ran bar per part, the overrun hatched."""

from __future__ import annotations

import re

import pytest
from export_example import example_session
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.timeline_svg import BAR_AREA, LABEL, timeline_svg
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.parse import parse_template


def bars(svg: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'(\w[\w-]*)="([^"]*)"', rect)) for rect in re.findall(r"<rect [^>]*>", svg)
    ]


def test_only_the_part_that_ran_over_gets_a_hatched_bar_of_its_overrun() -> None:
    summary = summary_of(example_session(), Audience.FACILITATOR)
    svg = timeline_svg(summary)
    # The legend sits left of the bars; every bar starts at LABEL or beyond.
    rects = [r for r in bars(svg) if float(r.get("x", 0)) >= LABEL]
    hatched = [r for r in rects if r.get("fill") == "url(#overrun-hatch)"]
    # Welcome ran 12 of 10 minutes; the longest bar (Check-in's 15 planned minutes)
    # spans the whole bar area.
    (over,) = hatched
    assert float(over["x"]) == pytest.approx(LABEL + BAR_AREA * 10 / 15, abs=0.1)
    assert float(over["width"]) == pytest.approx(BAR_AREA * 2 / 15, abs=0.1)
    assert "12 min of 10 min (+2 min)" in svg
    assert "8 min of 8 min" in svg


def test_a_handout_has_no_timeline() -> None:
    assert timeline_svg(summary_of(example_session(), Audience.PARTICIPANTS)) == ""


def test_the_timeline_says_what_happened_to_the_second_as_the_summary_screen_does() -> None:
    # A one-minute part that ran 2:33 read "3 min (+2 min)" in the files while the
    # summary screen said "2 min 33 s": the two must agree.
    agenda = parse_template(
        "# Short\n\n## Welcome (1 min)\n\nHello.\n\n## Close (2 min)\n\nBye.\n", "short.md"
    )
    clock = FakeClock()
    session = Session.create(
        SessionRecord(TinyDB(storage=MemoryStorage)), agenda, clock, session_id="s-1", attendance=4
    )
    session.start()
    clock.advance(153)
    session.next_part()
    clock.advance(40)
    session.end()
    summary = summary_of(session, Audience.FACILITATOR)
    markdown = render(summary, Format.MARKDOWN)
    assert "| 1. Welcome | 1 min | 2 min 33 s | +1 min 33 s |" in markdown
    assert "ran 3 min 13 s (+13 s over)" in markdown
    page = render(summary, Format.HTML)
    assert "2 min 33 s of 1 min (+1 min 33 s)" in page
    assert '<td class="n">2 min 33 s</td><td class="n">+1 min 33 s</td>' in page
    assert "3 min" not in markdown.split("| 1. Welcome |")[1].splitlines()[0]
