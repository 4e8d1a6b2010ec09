"""Reading the timing marks at the end of a part's heading."""

from __future__ import annotations

import pytest

from circlekeeper.sessions.templates.timing_marks import read_heading


@pytest.mark.parametrize(
    ("heading", "title", "minutes", "round_minutes", "fixed"),
    [
        ("Welcome (10 min)", "Welcome", 10, None, False),
        ("Check-in round (15 min, round 2 min)", "Check-in round", 15, 2, False),
        ("Check-out (10 min, round 1 min, fixed)", "Check-out", 10, 1, True),
        ("Check-out (fixed, round 1 min, 10 min)", "Check-out", 10, 1, True),
        ("Sharing (20 MINUTES, Round 3 Mins)", "Sharing", 20, 3, False),
        ("Sharing (20min,round 3min)", "Sharing", 20, 3, False),
        ("Sharing  (  20 minute ,  round of 3 min each )", "Sharing", 20, 3, False),
        ("Quiet (5 m)", "Quiet", 5, None, False),
        ("Agreements (and why) (5 min.)", "Agreements (and why)", 5, None, False),
    ],
)
def test_marks_that_are_understood(
    heading: str, title: str, minutes: int, round_minutes: int | None, fixed: bool
) -> None:
    timing = read_heading(heading)
    assert timing.messages == []
    assert (timing.title, timing.minutes, timing.round_minutes, timing.fixed) == (
        title,
        minutes,
        round_minutes,
        fixed,
    )


@pytest.mark.parametrize(
    ("heading", "title", "words"),
    [
        ("Welcome", "Welcome", "needs its length"),
        ("Agreements (and why)", "Agreements (and why)", "needs its length"),
        ("Welcome (10 min) extra", "Welcome (10 min) extra", "needs its length"),
        ("Check-in (round 2 min)", "Check-in", "needs its length"),
        ("Check-in (10 min, round 2 min, round 3 min)", "Check-in", "given twice"),
        ("Check-in (10 min,, fixed)", "Check-in", "'an empty mark' is not a timing mark"),
        ("Check-in (10 hours)", "Check-in (10 hours)", "needs its length"),
    ],
)
def test_marks_that_are_not(heading: str, title: str, words: str) -> None:
    timing = read_heading(heading)
    assert timing.title == title
    assert any(words in message for message in timing.messages), timing.messages
