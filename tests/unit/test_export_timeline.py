"""The record's timeline: a planned bar and a ran bar per part, the overrun hatched."""

from __future__ import annotations

import re

import pytest
from export_example import example_session

from circlekeeper.sessions.export import Audience, summary_of
from circlekeeper.sessions.export.timeline_svg import BAR_AREA, LABEL, timeline_svg


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
