"""A report as CSV for a spreadsheet: one row per session per figure.

Columns: ``table``, ``session``, ``figure``, ``value``, ``sessions``. A suppressed value is
``<k`` (fewer than k) or ``suppressed`` (hidden so that a ``<k`` cannot be worked out);
``sessions`` is the row's n, 1 for a session and the count of sessions for a total. The
rating check follows, its means left empty where fewer than k answered. Every field is the
report's own words, a day or a number: none begins with ``=``, ``+``, ``-`` or ``@``, so
a spreadsheet never reads one as a formula.

The header row and every word in the cells (tables, figures, ``All sessions``, the marks)
stay English whatever the language spoken, as the notes' CSV does: the file is data, and
a pivot table, a formula or a script that picks rows by ``Attendance`` or finds
``suppressed`` cells keeps working on every coordinator's machine and across a year of
reports. The HTML page is the one that speaks the reader's language.
"""

from __future__ import annotations

import csv
import io

from circlekeeper.sessions.reports.layout import columns, entry_text, table_rows
from circlekeeper.sessions.reports.report import Report, rating_items

HEADER = ("table", "session", "figure", "value", "sessions")


def render_csv(report: Report) -> str:
    """The report as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for table in report.tables:
        names = columns(table)
        for row in table_rows(table):
            for name, entry in zip(names, row.entries, strict=True):
                writer.writerow(
                    (table.table.title, row.label, name, entry_text(entry, report.k), row.sessions)
                )
    items = rating_items()
    for rating in report.ratings:
        answers = f"<{report.k}" if rating.answers is None else rating.answers
        writer.writerow(("Rating check", rating.label, "Answers", answers, 1))
        for i, item in enumerate(items):
            mean = "" if rating.means is None else f"{rating.means[i]:.1f}"
            writer.writerow(("Rating check", rating.label, item, mean, 1))
    if report.rating_overall is not None:
        n, means = report.rating_overall
        shown = sum(1 for r in report.ratings if r.means is not None)
        writer.writerow(("Rating check", "All sessions", "Answers", n, shown))
        for item, overall in zip(items, means, strict=True):
            writer.writerow(("Rating check", "All sessions", item, f"{overall:.1f}", shown))
    return out.getvalue()
