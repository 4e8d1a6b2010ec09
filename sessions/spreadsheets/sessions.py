"""The saved sessions as rows: what a coordinator counts in a spreadsheet.

Each row is read from the session's own file (the index does not hold times or
attendance), read-only and without its lock, so a session open in the app is listed too.
A session that cannot be read gives a row with what the index knows, never a failure of
the whole list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.errors import SessionError, StorageError
from circlekeeper.sessions.storage.index import SessionSummary
from circlekeeper.sessions.storage.session_store import SessionStore


@dataclass(frozen=True)
class SessionRow:
    """One session in a spreadsheet's words."""

    id: str
    """The store's id, for ``circlekeeper export``."""
    date: str
    """The day it started (else was created), ``YYYY-MM-DD`` in local time."""
    agenda: str
    """The agenda's title."""
    group: str
    """The group it was run for, when the session names one."""
    attendance: int | None
    """People present; ``None`` when the file could not be read."""
    planned_minutes: int | None
    """The agenda's planned length."""
    actual_minutes: float | None
    """Running time, pauses left out, to a tenth of a minute."""
    state: str
    """ready, running, paused or ended."""

    def as_dict(self) -> dict[str, object]:
        """The row as a JSON object."""
        return asdict(self)


COLUMNS = tuple(SessionRow.__dataclass_fields__)
"""The columns, in order."""


def session_rows(
    store: SessionStore, summaries: list[SessionSummary], clock: Clock
) -> list[SessionRow]:
    """A row for each of ``summaries``, in their order."""
    return [_row(store, summary, clock) for summary in summaries]


def _row(store: SessionStore, summary: SessionSummary, clock: Clock) -> SessionRow:
    from circlekeeper.sessions.engine.session import Session

    day = summary.created.astimezone().date().isoformat()
    try:
        record = store.read(summary.id)
        group = record.read_meta().get("group")
        timeline = Session.resume(record, clock, read_only=True).timeline()
    except (StorageError, SessionError):
        return SessionRow(summary.id, day, summary.title, "", None, None, None, summary.state)
    if timeline.started_at is not None:
        day = timeline.started_at.astimezone().date().isoformat()
    return SessionRow(
        id=summary.id,
        date=day,
        agenda=summary.title,
        group=group if isinstance(group, str) else "",
        attendance=timeline.attendance,
        planned_minutes=round(timeline.planned_seconds / 60),
        actual_minutes=round(timeline.running_seconds / 60, 1),
        state=summary.state,
    )
