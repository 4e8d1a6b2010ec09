"""The end-of-session rating check: hands counted in bands, saved as an event, exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.hands import BANDS, item_mean, rating_from_hands
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.reports import build_report
from circlekeeper.sessions.reports.figures import Rating, figures_of
from tests.unit.engine_support import agenda, file_record, new_session


def test_hands_become_means_at_the_band_midpoints() -> None:
    assert [band.midpoint for band in BANDS] == [1.5, 5.0, 7.5, 9.5]
    # 2 at 0-3, 1 at 4-6, 3 at 7-8, 2 at 9-10: (3 + 5 + 22.5 + 19) / 8 = 6.1875.
    assert item_mean((2, 1, 3, 2)) == 6.2
    assert item_mean((0, 0, 0, 0)) is None
    hands = rating_from_hands([(2, 1, 3, 2), (0, 0, 0, 7), (0, 7, 0, 0), (1, 1, 1, 1)])
    # One kept a hand down for three items: the most hands for one item is who answered.
    assert hands.answers == 8 and hands.hands == (8, 7, 7, 4)
    assert hands.means == (6.2, 9.5, 5.0, 5.9)


@pytest.mark.parametrize(
    ("counts", "says"),
    [
        ([(1, 0, 0, 0)] * 3, "each of the 4 items"),
        ([(1, 0, 0, 0)] * 3 + [(0, 0, 0, 0)], "Overall: no hands counted"),
        ([(1, 0, 0)] * 4, "Felt heard: one count"),
        ([(1, 0, 0, -1)] * 4, "Felt heard: one count"),
    ],
)
def test_hands_that_make_no_rating_are_explained(counts, says: str) -> None:
    with pytest.raises(SessionError, match=says):
        rating_from_hands(counts)


def test_a_rating_is_saved_as_an_event_and_reaches_the_facilitator_record(
    tmp_path: Path, clock: FakeClock
) -> None:
    record = file_record(tmp_path / "s.json")
    session = Session.create(record, agenda(), clock, session_id="s", attendance=8)
    assert session.timeline().rating is None
    session.start()
    clock.advance(minutes=30)
    session.end()
    session.record_rating(8, (6.2, 9.5, 5.0, 5.9))
    # Taken again, the newer check is the one kept.
    session.record_rating(7, (6, 9, 5, 6))
    reread = Session.resume(file_record(tmp_path / "s.json"), clock, read_only=True)
    assert reread.timeline().rating == (7, (6.0, 9.0, 5.0, 6.0))
    with pytest.raises(SessionError, match="reading"):
        reread.record_rating(7, (6, 9, 5, 6))

    data = json.loads(render(summary_of(reread, Audience.FACILITATOR), Format.JSON))
    Draft202012Validator(schema()).validate(data)
    check = {"answers": 7, "heard": 6.0, "topics": 9.0, "way": 5.0, "overall": 6.0}
    assert data["rating_check"] == check
    assert figures_of(data).rating == Rating(7, (6.0, 9.0, 5.0, 6.0))
    handout = json.loads(render(summary_of(reread, Audience.PARTICIPANTS), Format.JSON))
    assert "rating_check" not in handout
    # Seven answers is below a k of 8: a report shows "<k" and no means.
    (row,) = build_report([figures_of(data)], k=8).ratings
    assert (row.answers, row.means) == (None, None)


@pytest.mark.parametrize(
    ("answers", "means", "says"),
    [
        (0, (5, 5, 5, 5), "from 1"),
        (True, (5, 5, 5, 5), "whole number"),
        (6, (5, 5, 5, 11), "'overall' must be from 0 to 10"),
        (6, (5, float("nan"), 5, 5), "'the topics mattered' must be"),
        (6, (5, 5, "5", 5), "'the way we worked' is not a number"),
    ],
)
def test_a_rating_out_of_range_is_refused_and_nothing_saved(
    clock: FakeClock, answers, means, says: str
) -> None:
    session = new_session(clock)
    with pytest.raises(SessionError, match=says):
        session.record_rating(answers, means)
    assert session.timeline().rating is None
