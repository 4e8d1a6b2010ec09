"""A group's history of counts as a report, under the group's own k."""

from __future__ import annotations

import csv
import io
import json

import pytest

from circlekeeper.sessions.reports import DisclosureError, ReportFormat, group_report
from circlekeeper.sessions.reports.figures import Rating, SessionFigures


def meeting(day: str, attendance: int, mood, rating: Rating | None = None) -> SessionFigures:
    return SessionFigures(
        date=day,
        attendance=attendance,
        newcomers=1,
        minutes_planned=90,
        minutes_run=95,
        parts_overran=1,
        crisis_uses=0,
        notes=(3, 2, 1, 0),
        mood=mood,
        rating=rating,
    )


HISTORY = [
    meeting("2026-04-01", 8, (0, 1, 3, 3, 1), Rating(8, (8.0, 7.0, 9.0, 8.0))),
    meeting("2026-03-04", 6, (1, 1, 2, 1, 1), Rating(2, (3.0, 3.0, 3.0, 3.0))),
    meeting("2026-05-06", 9, (0, 2, 3, 3, 1)),
]


def test_a_group_report_is_in_date_order_with_small_counts_withheld() -> None:
    rows = list(csv.DictReader(io.StringIO(group_report(HISTORY, 3, ReportFormat.CSV))))
    attendance = [(r["session"], r["value"]) for r in rows if r["table"] == "Attendance"]
    assert attendance == [
        ("2026-03-04", "6"),
        ("2026-04-01", "8"),
        ("2026-05-06", "9"),
        ("All sessions", "23"),
    ]
    # One newcomer each time: each "<3"; three in all cannot pin any one of them.
    newcomers = [r["value"] for r in rows if r["table"] == "Newcomers"]
    assert newcomers == ["<3", "<3", "<3", "3"]
    rating = {(r["session"], r["figure"]): r["value"] for r in rows if r["table"] == "Rating check"}
    # Two answers are fewer than k: their means are never shown, nor folded into a total.
    assert rating["2026-03-04", "Answers"] == "<3"
    assert rating["2026-03-04", "Felt heard"] == ""
    assert rating["All sessions", "Answers"] == "8"
    assert rating["All sessions", "Felt heard"] == "8.0"


def test_the_json_report_says_its_k_and_every_table_its_n() -> None:
    data = json.loads(group_report(HISTORY, 4, ReportFormat.JSON))
    assert data["min_count"] == 4 and data["n"] == 3
    assert all(table["n"] == 3 for table in data["tables"])
    assert all("sessions" in row for table in data["tables"] for row in table["rows"])


def test_a_group_k_below_three_is_refused() -> None:
    with pytest.raises(DisclosureError):
        group_report(HISTORY, 2, ReportFormat.HTML)
