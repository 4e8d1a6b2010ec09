"""A session's count-only figures, read from its real facilitator record."""

from __future__ import annotations

import json

import pytest
from export_example import GOLDEN, example_session
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.sessions.dropbox.queue import ScaleSummary
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.reports.figures import (
    FiguresError,
    Rating,
    SessionFigures,
    figures_of,
)
from circlekeeper.sessions.reports.records import read_record


def record_of(session) -> dict:
    return json.loads(render(summary_of(session, Audience.FACILITATOR), Format.JSON))


def with_note(record: dict, text: str, source: str) -> dict:
    """The record with one more note, as the drop-box's approve_scale saves its counts."""
    data = json.loads(json.dumps(record))
    note = dict(data["notes"][0], text=text, source=source, id="mood", kind="theme")
    data["notes"].append(note)
    return data


@pytest.fixture(scope="module")
def record() -> dict:
    return with_note(record_of(example_session()), ScaleSummary((1, 0, 2, 3, 1)).text, "drop-box")


def test_the_example_record_gives_its_counts(record) -> None:
    figures = figures_of(record)
    assert figures.date == "2026-03-04"
    assert figures.attendance == 7
    assert figures.newcomers is None  # today's records do not say
    assert (figures.minutes_planned, figures.minutes_run) == (45, 39)
    assert figures.parts_overran == 1
    assert figures.crisis_uses == 1
    # The mood note is counted as mood, not as a theme.
    assert figures.notes == (2, 2, 1, 1)
    assert figures.mood == (1, 0, 2, 3, 1)
    assert figures.mood_answers == 7
    assert figures.rating is None


def test_no_text_of_the_record_reaches_the_figures(record) -> None:
    data = figures_of(record).to_dict()
    text = json.dumps(data)
    for note in record["notes"]:
        assert note["text"] not in text
    strings = [v for v in _leaves(data) if isinstance(v, str)]
    assert strings == ["2026-03-04"]


def test_a_typed_mood_sentence_from_the_facilitator_is_a_theme_not_mood() -> None:
    text = ScaleSummary((3, 0, 0, 0, 0)).text
    figures = figures_of(with_note(record_of(example_session()), text, "facilitator"))
    assert figures.mood == (0, 0, 0, 0, 0)
    assert figures.notes_of("theme") == 3


def test_newcomers_and_a_rating_are_read_when_a_record_carries_them(record) -> None:
    data = json.loads(json.dumps(record))
    data["session"]["newcomers"] = 2
    data["rating_check"] = {"answers": 6, "heard": 8, "topics": 7.5, "way": 9, "overall": 8}
    figures = figures_of(data)
    assert figures.newcomers == 2
    assert figures.rating == Rating(6, (8.0, 7.5, 9.0, 8.0))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(audience="participants"), "handout"),
        (lambda d: d["session"].update(attendance=-1), "session.attendance"),
        (lambda d: d["session"].update(attendance="seven"), "session.attendance"),
        (lambda d: d.update(notes={}), "notes is not a list"),
        (lambda d: d.update(rating_check={"answers": 3, "heard": 11}), "rating.heard"),
    ],
)
def test_a_damaged_record_is_explained(record, change, words) -> None:
    data = json.loads(json.dumps(record))
    change(data)
    with pytest.raises(FiguresError, match=words):
        figures_of(data)


counts = st.integers(0, 500)
figures = st.builds(
    SessionFigures,
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    attendance=counts,
    newcomers=st.none() | counts,
    minutes_planned=counts,
    minutes_run=counts,
    parts_overran=counts,
    crisis_uses=counts,
    notes=st.tuples(counts, counts, counts, counts),
    mood=st.tuples(counts, counts, counts, counts, counts),
    rating=st.none()
    | st.builds(Rating, counts, st.tuples(*[st.floats(0, 10, allow_nan=False)] * 4)),
)


@given(figures)
def test_figures_round_trip_through_plain_data(original: SessionFigures) -> None:
    data = json.loads(json.dumps(original.to_dict()))
    assert SessionFigures.from_dict(data) == original


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


def test_a_version_1_record_on_disk_is_read(tmp_path) -> None:
    # The golden record is the format as version 1 wrote it; it must stay readable.
    collected = read_record(GOLDEN / "example-record.json")
    assert collected.version == 1
    assert collected.figures.attendance == 7
