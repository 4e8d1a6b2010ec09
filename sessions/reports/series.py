"""A report's figures over the meetings, for small charts over time.

:func:`report_charts` reads a :class:`~.report.Report` (so every count is already
disclosure-controlled, exactly as a group report publishes it) and gives one
:class:`Chart` per table: a row per figure (a table's column) with the published entry
of each meeting; and one for the rating check, its answers and each item's mean where k
or more answered. Each chart carries its n: how many meetings it covers, and for the
rating, how many answers its means rest on.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlekeeper.sessions.reports.disclosure import Mark
from circlekeeper.sessions.reports.report import Report, rating_items

__all__ = ["Chart", "ChartRow", "Point", "report_charts"]


@dataclass(frozen=True)
class Point:
    """One meeting's value of a figure, as it may be shown."""

    label: str
    """The meeting (its day)."""
    value: float | None
    """The value, or ``None`` when it is withheld."""
    text: str
    """The value as shown: the number, ``<k``, or ``–`` where it would give one away."""


@dataclass(frozen=True)
class ChartRow:
    """One figure over the meetings, oldest first."""

    label: str
    """What it counts, in the report's words."""
    points: tuple[Point, ...]
    """One point a meeting that gives the figure."""
    scale: float | None = None
    """The top of the figure's scale (10 for a rating); ``None``: the largest shown."""


@dataclass(frozen=True)
class Chart:
    """One table of the report (or the rating check) as figures over the meetings."""

    title: str
    """What the table counts."""
    rows: tuple[ChartRow, ...]
    """One row a figure."""
    n: str
    """Its n, as shown: ``3 meetings``, or for the rating ``1 meeting, 6 answers shown``."""


def report_charts(report: Report) -> list[Chart]:
    """Every table of ``report``, and its rating check, as charts over its meetings."""
    found: list[Chart] = []
    for published in report.tables:
        table = published.table
        rows = []
        for c, column in enumerate(table.columns):
            points = []
            for r, label in enumerate(table.rows):
                entry = published.cell(r, c)
                shown = entry.mark is Mark.SHOWN and entry.value is not None
                text = str(entry.value) if shown else entry.text(report.k)
                points.append(Point(label, entry.value, text))
            rows.append(ChartRow(column, tuple(points)))
        found.append(Chart(table.title, tuple(rows), _meetings(len(table.rows))))
    if report.ratings:
        found.append(_rating_chart(report))
    return found


def _rating_chart(report: Report) -> Chart:
    below = f"<{report.k}"
    answers = ChartRow(
        "Answers",
        tuple(
            Point(r.label, r.answers, below if r.answers is None else str(r.answers))
            for r in report.ratings
        ),
    )
    rows = [answers]
    for i, words in enumerate(rating_items()):
        points = tuple(
            Point(r.label, None, below)
            if r.means is None
            else Point(r.label, r.means[i], f"{r.means[i]:g}")
            for r in report.ratings
        )
        rows.append(ChartRow(words, points, scale=10.0))
    total = report.rating_overall[0] if report.rating_overall else 0
    n = f"{_meetings(len(report.ratings))}, {total} answers shown"
    return Chart("Rating check (means, 0–10)", tuple(rows), n)


def _meetings(count: int) -> str:
    return f"{count} meeting" if count == 1 else f"{count} meetings"
