"""A group's history as charts: the report's published entries over the meetings, each with n."""

from __future__ import annotations

from circlekeeper.sessions.reports import build_report
from circlekeeper.sessions.reports.figures import Rating, SessionFigures
from circlekeeper.sessions.reports.series import report_charts
from circlekeeper.tui.widgets.history_chart import chart_text, sparkline


def meeting(day: str, attendance: int, rating: Rating | None = None) -> SessionFigures:
    return SessionFigures(
        date=day,
        attendance=attendance,
        newcomers=None,
        minutes_planned=60,
        minutes_run=62,
        parts_overran=1,
        crisis_uses=0,
        notes=(2, 1, 0, 0),
        mood=(0, 0, 0, 0, 0),
        rating=rating,
    )


def test_charts_show_what_the_report_publishes_and_each_has_its_n() -> None:
    figures = [
        meeting("2026-03-03", 8, Rating(7, (8.0, 7.5, 6.0, 8.5))),
        meeting("2026-03-10", 3, Rating(3, (9.0, 9.0, 9.0, 9.0))),
        meeting("2026-03-17", 9),
    ]
    charts = {chart.title: chart for chart in report_charts(build_report(figures, k=5))}
    (people,) = charts["Attendance"].rows
    # 3 people is below k; with the total shown, one more count is withheld so it cannot
    # be worked out from it.
    assert [p.text for p in people.points] == ["–", "<5", "9"]
    assert [p.value for p in people.points] == [None, None, 9]
    assert charts["Attendance"].n == "3 meetings"
    # Minutes are not people: shown as they are.
    assert [p.text for p in charts["Time"].rows[1].points] == ["62", "62", "62"]
    rating = charts["Rating check (means, 0–10)"]
    assert rating.n == "2 meetings, 7 answers shown"
    answers, heard, *_ = rating.rows
    assert [p.text for p in answers.points] == ["7", "<5"]
    assert [p.text for p in heard.points] == ["8", "<5"]
    text = chart_text(rating)
    assert text.startswith("Rating check (means, 0–10) · n = 2 meetings, 7 answers shown\n")
    assert "9" not in text  # the means of three answers are nowhere


def test_a_sparkline_draws_a_cell_a_meeting_and_a_dot_for_a_withheld_one() -> None:
    assert sparkline([0, 4, 8, None]) == "▁▅█·"
    assert sparkline([5.0, 10.0], top=10) == "▅█"
    assert sparkline([None, None]) == "··"
    assert sparkline([0, 0]) == "▁▁"
