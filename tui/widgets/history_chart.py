"""One table of a group's history as small charts over its meetings, drawn in text.

Usage::

    yield HistoryChart(chart)      # a Chart from sessions.reports.series

A heading with the chart's n, then one line a figure: its label, a sparkline of one cell
a meeting (the newest last) and the values as published. A withheld value (``<k``, or
``–`` where it would give one away) is a dot in the sparkline and its mark among the
values, so a chart never shows what the group's report would not.
"""

from __future__ import annotations

from textual.widgets import Static

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.reports.series import Chart, ChartRow

CELLS = "▁▂▃▄▅▆▇█"
"""The sparkline's heights, lowest first."""
WITHHELD = "·"
"""A meeting whose value is withheld."""
MAX_MEETINGS = 12
"""The newest meetings drawn; earlier ones are counted, not drawn."""
VALUES_SHOWN = 4
"""The newest meetings whose values are written beside the sparkline (it fits 80 columns)."""
LABEL_WIDTH = 19
"""Room for a figure's label; a longer one is cut."""


def sparkline(values: list[float | None], top: float | None = None) -> str:
    """One cell a value, scaled to ``top`` (by default the largest value shown)."""
    shown = [v for v in values if v is not None]
    top = top if top is not None else max(shown, default=0.0)
    cells = []
    for value in values:
        if value is None:
            cells.append(WITHHELD)
        elif top <= 0:
            cells.append(CELLS[0])
        else:
            cells.append(CELLS[min(len(CELLS) - 1, round(value / top * (len(CELLS) - 1)))])
    return "".join(cells)


def row_text(row: ChartRow, width: int = MAX_MEETINGS) -> str:
    """One figure's line: label, sparkline of the newest meetings (``width`` cells at
    most), and the newest values."""
    points = row.points[-min(width, MAX_MEETINGS) :]
    label = row.label if len(row.label) <= LABEL_WIDTH else row.label[: LABEL_WIDTH - 1] + "…"
    line = sparkline([p.value for p in points], row.scale)
    values = " ".join(p.text for p in points[-VALUES_SHOWN:])
    earlier = "… " if len(points) > VALUES_SHOWN else ""
    return f"  {label:<{LABEL_WIDTH}} {line:<{min(width, MAX_MEETINGS)}}  {earlier}{values}"


def chart_text(chart: Chart) -> str:
    """The chart as text: its heading and n, then a line a figure."""
    longest = max((len(r.points) for r in chart.rows), default=0)
    earlier = longest - MAX_MEETINGS
    more = ", " + _("the newest {count} drawn").format(count=MAX_MEETINGS) if earlier > 0 else ""
    width = min(longest, MAX_MEETINGS)
    lines = [row_text(row, width) for row in chart.rows]
    return "\n".join([f"{chart.title} · n = {chart.n}{more}", *lines])


class HistoryChart(Static):
    """A table of figures over the meetings: heading, n, and a sparkline a figure."""

    DEFAULT_CSS = """
    HistoryChart {
        height: auto;
        margin-bottom: 1;
    }
    """

    def __init__(self, chart: Chart, *, id: str | None = None) -> None:
        """Draw ``chart``."""
        super().__init__(chart_text(chart), id=id, markup=False)
        self.chart = chart
