"""Count-only reports: a session's figures, disclosure control, and reports to share.

:mod:`.figures` takes one session's facilitator record (the JSON export) and keeps its
counts only, never its words; a group's history stores those figures. :mod:`.records`
reads a record file of any version of the format. :mod:`.disclosure` keeps every count of
fewer than k people from being seen or worked out. :func:`build_report` lays many
sessions' figures out as published tables, and :func:`render_report` writes them as HTML,
CSV or JSON::

    figures = [read_record(path).figures for path in paths]
    text = render_report(build_report(figures, k=5), ReportFormat.CSV)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.reports.disclosure import DEFAULT_K as DEFAULT_K
    from circlekeeper.sessions.reports.disclosure import MIN_K as MIN_K
    from circlekeeper.sessions.reports.disclosure import DisclosureError as DisclosureError
    from circlekeeper.sessions.reports.disclosure import publish as publish
    from circlekeeper.sessions.reports.figures import SessionFigures as SessionFigures
    from circlekeeper.sessions.reports.figures import figures_of as figures_of
    from circlekeeper.sessions.reports.records import NotARecord as NotARecord
    from circlekeeper.sessions.reports.records import read_record as read_record
    from circlekeeper.sessions.reports.render import ReportFormat as ReportFormat
    from circlekeeper.sessions.reports.render import group_report as group_report
    from circlekeeper.sessions.reports.render import render_report as render_report
    from circlekeeper.sessions.reports.report import build_report as build_report

__all__ = [
    "DEFAULT_K",
    "MIN_K",
    "DisclosureError",
    "NotARecord",
    "ReportFormat",
    "SessionFigures",
    "build_report",
    "figures_of",
    "group_report",
    "publish",
    "read_record",
    "render_report",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "DEFAULT_K": "disclosure",
        "MIN_K": "disclosure",
        "DisclosureError": "disclosure",
        "publish": "disclosure",
        "SessionFigures": "figures",
        "figures_of": "figures",
        "NotARecord": "records",
        "read_record": "records",
        "ReportFormat": "render",
        "group_report": "render",
        "render_report": "render",
        "build_report": "report",
    },
)
