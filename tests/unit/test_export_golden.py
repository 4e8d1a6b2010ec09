"""Golden files: the example session written in each format for each audience.

The files in ``golden/`` are read by eye when they change. To write them afresh after an
intended change, run::

    CIRCLEKEEPER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_export_golden.py

then look at the diff before committing it.
"""

from __future__ import annotations

import os

import pytest
from export_example import GOLDEN, example_session

from circlekeeper.sessions.export import Audience, Format, export_filename, render, summary_of

UPDATE = os.environ.get("CIRCLEKEEPER_UPDATE_GOLDEN") == "1"

CASES = [(audience, fmt) for audience in Audience for fmt in Format]


@pytest.fixture(scope="module")
def session():
    return example_session()


@pytest.mark.parametrize(
    ("audience", "fmt"), CASES, ids=[f"{a.document}-{f.value}" for a, f in CASES]
)
def test_each_format_for_each_audience_matches_its_golden_file(session, audience, fmt) -> None:
    summary = summary_of(session, audience)
    text = render(summary, fmt)
    golden = GOLDEN / f"example-{audience.document}.{fmt.value}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run with CIRCLEKEEPER_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_the_same_session_always_writes_the_same_bytes() -> None:
    first = [render(summary_of(example_session(), a), f) for a, f in CASES]
    second = [render(summary_of(example_session(), a), f) for a, f in CASES]
    assert first == second


@pytest.mark.parametrize(
    ("audience", "fmt", "name"),
    [
        (Audience.PARTICIPANTS, Format.HTML, "2026-03-04-example-agenda-handout.html"),
        (Audience.PARTICIPANTS, Format.MARKDOWN, "2026-03-04-example-agenda-handout.md"),
        (Audience.FACILITATOR, Format.MARKDOWN, "2026-03-04-example-agenda-record.md"),
        (Audience.FACILITATOR, Format.JSON, "2026-03-04-example-agenda-record.json"),
    ],
)
def test_a_file_is_named_by_day_template_and_audience(session, audience, fmt, name) -> None:
    assert export_filename(summary_of(session, audience), fmt) == name
