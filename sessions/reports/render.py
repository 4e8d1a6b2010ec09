"""A report in one of its formats, and saved to a file.

Usage::

    report = build_report(figures, k=5, title=COORDINATOR_REPORT)
    text = render_report(report, ReportFormat.CSV)
    path = save_report(report, ReportFormat.HTML, Path("report.html"))

:func:`group_report` is the same report over a group's history of figures, with the
group's own k; it never carries the group's name, which is the facilitator's free text.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from circlekeeper.sessions.export.write import write_text
from circlekeeper.sessions.languages.speaking import N_
from circlekeeper.sessions.reports.disclosure import DEFAULT_K
from circlekeeper.sessions.reports.figures import SessionFigures
from circlekeeper.sessions.reports.report import Report, build_report

GROUP_REPORT = N_("Group report")
"""A group's report's title (the HTML page says it in the language spoken)."""
COORDINATOR_REPORT = N_("Coordinator report")
"""The title of a report over facilitators' records."""


class ReportFormat(str, Enum):
    """The formats a report is written in."""

    HTML = "html"
    CSV = "csv"
    JSON = "json"


def render_report(report: Report, fmt: ReportFormat) -> str:
    """The report as text in ``fmt``."""
    if fmt is ReportFormat.CSV:
        from circlekeeper.sessions.reports.report_csv import render_csv

        return render_csv(report)
    if fmt is ReportFormat.JSON:
        from circlekeeper.sessions.reports.report_json import render_json

        return render_json(report)
    from circlekeeper.sessions.reports.report_html import render_html

    return render_html(report)


def save_report(report: Report, fmt: ReportFormat, path: Path, *, overwrite: bool = False) -> Path:
    """Write the report to ``path`` atomically; refuses to overwrite unless told to.

    Raises:
        ExportExists: the file exists and ``overwrite`` is false.
        ExportError: the file or its folder cannot be written.
    """
    # Counts only, disclosure-controlled: meant to be shared, so not owner-only.
    return write_text(path, render_report(report, fmt), private=False, overwrite=overwrite)


def group_report(
    history: Sequence[SessionFigures], k: int = DEFAULT_K, fmt: ReportFormat = ReportFormat.HTML
) -> str:
    """A group's history of counts as a report in ``fmt``.

    Raises:
        DisclosureError: ``k`` is below 3.
    """
    return render_report(build_report(history, k, title=GROUP_REPORT), fmt)
