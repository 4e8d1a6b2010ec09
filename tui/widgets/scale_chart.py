"""The how-I-am answers as a small bar chart: counts per value, never an answer alone.

Usage::

    yield ScaleChart(id="scale", min_count=5)
    ...
    chart.show(box.scale_summary())     # None below 3 answers: the chart says so

Below :data:`~circlekeeper.sessions.dropbox.MIN_SCALE_ANSWERS` answers the drop-box
gives no summary at all; below k answers (the group's minimum count, 5 unless set) the
chart says only that it will be shown from then on. From k answers it follows the
reports' disclosure control: a value chosen by fewer than k people is ``<k`` with no bar,
one that would let such a count be worked out from the total is ``–``, and the number of
answers (n) heads the chart.
"""

from __future__ import annotations

from textual.widgets import Static

from circlekeeper.sessions.dropbox import MIN_SCALE_ANSWERS, SCALE_LABELS, ScaleSummary
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.reports.disclosure import DEFAULT_K, publish_counts

BAR_WIDTH = 20
"""Cells of the longest bar."""


def waiting_words(k: int = DEFAULT_K) -> str:
    """What the chart says before enough people have answered."""
    return _("How I am: shown once {count} people have answered.").format(
        count=max(k, MIN_SCALE_ANSWERS)
    )


def chart_lines(summary: ScaleSummary | None, k: int = DEFAULT_K) -> str:
    """The chart as text, from the best value down, bars scaled to the largest count shown."""
    if summary is None or summary.answers < k:
        return waiting_words(k)
    entries, n = publish_counts(summary.counts, k)
    largest = max((e.value for e in entries if e.value is not None), default=0)
    width = max(len(label) for label in SCALE_LABELS.values())
    lines = [_("How I am, {count} answers:").format(count=n.text(k))]
    for value in sorted(SCALE_LABELS, reverse=True):
        entry = entries[value - 1]
        count = entry.value or 0
        bar = "█" * round(BAR_WIDTH * count / largest) if largest else ""
        lines.append(f"{value} {SCALE_LABELS[value]:<{width}} {bar} {entry.text(k)}".rstrip())
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
        min_count: int = DEFAULT_K,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Make a chart of ``summary``.

        Args:
            summary: The counts, or ``None`` while fewer than 3 people answered.
            min_count: k: a count below it is never shown (the group's, else 5).
            name: The widget's name.
            id: The widget's id in the DOM.
            classes: Space-separated CSS classes.
        """
        super().__init__(
            chart_lines(summary, min_count), name=name, id=id, classes=classes, markup=False
        )
        self.summary = summary
        """The counts shown, if any."""
        self.min_count = min_count
        """k: counts below it are shown as ``<k``."""

    def show(self, summary: ScaleSummary | None) -> None:
        """Chart ``summary`` instead."""
        self.summary = summary
        self.update(chart_lines(summary, self.min_count))
