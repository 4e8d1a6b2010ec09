"""A group's history of counts: one session's figures per meeting, from its own record.

The numbers a group keeps are exactly those a coordinator's report reads from the
session's facilitator record: :func:`history_entry` builds that record as the JSON
export does (``export --format json --audience facilitator``) and keeps what
:func:`~circlekeeper.sessions.reports.figures.figures_of` takes from it, so a group report
and a report over exported records can never disagree.

:func:`history_figures` reads the entries back. Group files written before the figures
(their entries held the group's own counts) are converted where they can be; an entry
that cannot be read is ``None``, shown as "counts unavailable", never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.groups.model import Group
from circlekeeper.sessions.reports.figures import FiguresError, SessionFigures, figures_of

__all__ = ["facilitator_record", "history_entry", "history_figures", "entry_figures"]


def facilitator_record(session: Session) -> dict[str, Any]:
    """The session's facilitator record as JSON-ready data, as the JSON export writes it."""
    from circlekeeper.sessions.export.json_format import summary_data
    from circlekeeper.sessions.export.model import Audience
    from circlekeeper.sessions.export.summarise import summary_of

    return summary_data(summary_of(session, Audience.FACILITATOR))


def history_entry(session: Session) -> dict[str, Any]:
    """The history entry of an ended meeting: its id and its figures, numbers only."""
    figures = figures_of(facilitator_record(session))
    # A figure the record does not give (None) is left out, as the group's file keeps it.
    known = {key: value for key, value in figures.to_dict().items() if value is not None}
    return {"session": session.id, **known}


def entry_figures(entry: Mapping[str, Any]) -> SessionFigures | None:
    """The figures of one history entry, or ``None`` when its counts cannot be read."""
    data = dict(entry)
    # The earlier counts dated a session without a day as "", and the figures as none.
    if data.get("date") == "":
        data["date"] = None
    try:
        return SessionFigures.from_dict(data)
    except FiguresError:
        return None


def history_figures(group: Group) -> list[SessionFigures | None]:
    """The figures of each of the group's meetings, oldest first (``None``: unavailable)."""
    return [entry_figures(entry) for entry in group.history]
