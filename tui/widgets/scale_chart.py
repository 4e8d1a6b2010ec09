"""The how-I-am answers as a small bar chart: counts per value, never an answer alone.

Usage::

    yield ScaleChart(id="scale")
    ...
    chart.show(box.scale_summary())     # None below 3 answers: the chart says so

Below :data:`~circlekeeper.sessions.dropbox.MIN_SCALE_ANSWERS` answers the drop-box
gives no summary at all, and the chart says only that it will be shown from then on.
"""

from __future__ import annotations

from textual.widgets import Static

from circlekeeper.sessions.dropbox import MIN_SCALE_ANSWERS, SCALE_LABELS, ScaleSummary

BAR_WIDTH = 20
"""Cells of the longest bar."""

WAITING_WORDS = f"How I am: shown once {MIN_SCALE_ANSWERS} people have answered."


def chart_lines(summary: ScaleSummary | None) -> str:
    """The chart as text, from the best value down, bars scaled to the largest count."""
    if summary is None:
        return WAITING_WORDS
    largest = max(summary.counts)
    width = max(len(label) for label in SCALE_LABELS.values())
    lines = [f"How I am, {summary.answers} answers:"]
    for value in sorted(SCALE_LABELS, reverse=True):
        count = summary.count(value)
        bar = "█" * round(BAR_WIDTH * count / largest) if largest else ""
        lines.append(f"{value} {SCALE_LABELS[value]:<{width}} {bar} {count}".rstrip())
    return "\n".join(lines)


class ScaleChart(Static):
    """Counts of the how-I-am answers, or a sentence saying when they will show."""

    DEFAULT_CSS = """
    ScaleChart {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        summary: ScaleSummary | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Make a chart of ``summary``.

        Args:
            summary: The counts, or ``None`` while fewer than 3 people answered.
            name: The widget's name.
            id: The widget's id in the DOM.
            classes: Space-separated CSS classes.
        """
        super().__init__(chart_lines(summary), name=name, id=id, classes=classes, markup=False)
        self.summary = summary
        """The counts shown, if any."""

    def show(self, summary: ScaleSummary | None) -> None:
        """Chart ``summary`` instead."""
        self.summary = summary
        self.update(chart_lines(summary))
