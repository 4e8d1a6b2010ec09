"""A report as JSON: format ``circlekeeper-report``, version 1.

Each table lists its columns and rows; an entry is a number, or the string ``<k`` or
``suppressed`` where disclosure control withheld it. Every row carries ``sessions``, its n.
Keys and the report's own words stay English whatever the language spoken: a script
reads this file, so it never changes with the locale of the machine that wrote it.
"""

from __future__ import annotations

import json
from typing import Any

from circlekeeper.sessions.reports.layout import columns, entry_text, table_rows
from circlekeeper.sessions.reports.report import Report, rating_items

FORMAT = "circlekeeper-report"
VERSION = 1


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    tables = []
    for table in report.tables:
        rows = [
            {
                "session": row.label,
                "total": row.total,
                "sessions": row.sessions,
                "values": [
                    e.value if e.value is not None else entry_text(e, report.k) for e in row.entries
                ],
            }
            for row in table_rows(table)
        ]
        tables.append(
            {"title": table.table.title, "n": table.n, "columns": columns(table), "rows": rows}
        )
    items = rating_items()
    overall = report.rating_overall
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": report.title,
        "min_count": report.k,
        "n": report.n,
        "sessions": list(report.sessions),
        "tables": tables,
        "rating_check": {
            "items": items,
            "sessions": [
                {
                    "session": r.label,
                    "answers": f"<{report.k}" if r.answers is None else r.answers,
                    "means": None if r.means is None else list(r.means),
                }
                for r in report.ratings
            ],
            "overall": None if overall is None else {"n": overall[0], "means": list(overall[1])},
        },
    }


def render_json(report: Report) -> str:
    """The report as indented JSON text, ending in a newline."""
    text = json.dumps(report_data(report), indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
