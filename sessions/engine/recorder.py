"""The recorder of a session: each event written with its meta in one write, then the index.

A :class:`Recorder` holds a session's replayed :class:`~.events.Progress` and is the only
thing that writes events. Each event reaches the record, with the meta brought up to date
in the same write, before the action that made it returns; only then is the store's index
told (it writes only when what it lists changes). It also keeps the running time not yet
written (counted on the monotonic clock), the heartbeat that saves it, and the refusals
that depend on the session's state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.events import EventType, Progress, SessionState, make_event
from circlekeeper.sessions.engine.follow_through import open_due
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda

INDEX_FIELDS = (
    "id", "schema", "created", "title", "template", "state", "updated", "ended", "attendance",
    "follow_up_due",
)  # fmt: skip
"""Meta fields the store's index reads: what the ``index`` callback is given."""

IndexCallback = Callable[[dict[str, Any]], None]
"""Called with the index fields of the meta after each state change."""


def write_new_meta(
    record: SessionRecord, agenda: Agenda, clock: Clock, *, session_id: str, attendance: int
) -> dict[str, Any]:
    """Write the meta of a new session, with its own copy of ``agenda``.

    Returns:
        The index fields of the meta as written.

    Raises:
        SessionError: the record already holds a session.
    """
    existing = record.read_meta()
    if "agenda" in existing or record.events():
        raise SessionError(_("this record already holds a session; resume it instead"))
    now = clock.now().isoformat()
    record.write_meta(
        id=session_id,
        created=existing.get("created", now),
        title=agenda.title,
        template=agenda.name,
        state=SessionState.READY.value,
        updated=now,
        ended=None,
        attendance=attendance,
        planned_minutes=agenda.minutes,
        agenda=agenda.to_dict(),
    )
    return index_fields(record.read_meta())


def agenda_of(meta: dict[str, Any]) -> Agenda:
    """The session's own copy of its agenda, read from its meta.

    Raises:
        SessionError: the meta holds no agenda, or a damaged one.
    """
    if "agenda" not in meta:
        raise SessionError(_("the session record holds no agenda copy, so it cannot be run"))
    try:
        return Agenda.from_dict(meta["agenda"])
    except (KeyError, TypeError, ValueError) as error:
        message = _("the session's copy of its agenda is damaged ({error})")
        raise SessionError(message.format(error=repr(error))) from None


def index_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``meta`` that the store's index reads."""
    return {k: v for k, v in meta.items() if k in INDEX_FIELDS}


class Recorder:
    """Writes a session's events and keeps the state they replay to.

    Args:
        record: the session's record.
        clock: where time comes from.
        progress: the state replayed from the record's events.
        meta: the index fields of the meta, as last written.
        index: called with those fields after each state change.
        read_only: refuse every write (a session opened for a summary or an export).
    """

    def __init__(
        self,
        record: SessionRecord,
        clock: Clock,
        progress: Progress,
        meta: dict[str, Any],
        *,
        index: IndexCallback | None,
        read_only: bool,
    ) -> None:
        self.record = record
        """The session's record."""
        self.clock = clock
        """Where time comes from."""
        self.progress = progress
        """The session's state, the event log replayed; changed only by :meth:`append`."""
        self.meta = meta
        """The index fields of the meta, as last written."""
        self.read_only = read_only
        """Every write is refused."""
        self._index = index
        self._mono = clock.monotonic()
        """The monotonic mark time is counted from."""
        self._written_ms = 0
        """Milliseconds since the mark already written in events."""

    @classmethod
    def for_new_session(
        cls,
        record: SessionRecord,
        agenda: Agenda,
        clock: Clock,
        *,
        session_id: str,
        attendance: int,
        index: IndexCallback | None,
    ) -> Recorder:
        """Write the meta of a new session (see :func:`write_new_meta`) and record from there."""
        meta = write_new_meta(record, agenda, clock, session_id=session_id, attendance=attendance)
        return cls(record, clock, Progress(agenda), meta, index=index, read_only=False)

    @classmethod
    def replayed(
        cls,
        record: SessionRecord,
        clock: Clock,
        agenda: Agenda,
        meta: dict[str, Any],
        *,
        index: IndexCallback | None,
        read_only: bool,
    ) -> Recorder:
        """Record on from the state the record's events replay to.

        A session under way when the app closed is paused: see :meth:`closed`.
        """
        progress = Progress.replay(agenda, record.events())
        recorder = cls(
            record, clock, progress, index_fields(meta), index=index, read_only=read_only
        )
        if progress.state in (SessionState.RUNNING, SessionState.PAUSED) and not read_only:
            recorder.closed(meta.get("pending") or {})
        return recorder

    # Time not yet written -------------------------------------------------------------

    def live_ms(self) -> int:
        """Monotonic milliseconds since the last event, not yet written."""
        # A session only read is not running here, whatever its last state says.
        if self.read_only or self.progress.state not in (
            SessionState.RUNNING,
            SessionState.PAUSED,
        ):
            return 0
        return self._unwritten_ms()

    def _unwritten_ms(self) -> int:
        # Milliseconds are counted from one fixed mark, less those already written, so
        # the same instant always gives the same figure and rounding never drifts.
        return max(0, round((self.clock.monotonic() - self._mono) * 1000) - self._written_ms)

    # Writing --------------------------------------------------------------------------

    def append(self, kind: EventType, *, ms: int | None = None, **data: Any) -> None:
        """Write one event, apply it, then bring the meta and the index up to date.

        Args:
            kind: the event's type.
            ms: the milliseconds the event counts since the previous one; by default
                the monotonic time not yet written.
            data: the event's own fields.
        """
        self.require_writable()
        if ms is None:
            ms = self._unwritten_ms()
            mark, written = self._mono, self._written_ms + ms
        else:
            mark, written = self.clock.monotonic(), 0
        now = self.clock.now()
        event = make_event(kind, now, ms, **data)
        # The meta is written with the event, in one write, so it is read off the state
        # the event leads to; if the write fails, the state goes back to the log's.
        try:
            self.progress.apply(event)
            ended = self.progress.ended_at
            fields = {
                "state": self.progress.state.value,
                "updated": now.isoformat(),
                "ended": None if ended is None else ended.isoformat(),
                "attendance": self.progress.attendance,
                "follow_up_due": open_due(self.progress.follow_throughs),
                "pending": None,
            }
            self.record.append_event(event, meta=fields)
        except BaseException:
            replayed = Progress.replay(self.progress.agenda, self.record.events())
            vars(self.progress).update(vars(replayed))
            raise
        # Only once the event is on disk: a failed write leaves the time still to count.
        self._mono, self._written_ms = mark, written
        self.meta.update(index_fields(fields))
        if self._index is not None:
            self._index(dict(self.meta))

    def heartbeat(self) -> None:
        """Note the running time not yet written, so a crash loses at most since now.

        It writes one small field of the meta, not an event, and does nothing unless the
        timer is running.
        """
        if self.progress.state is not SessionState.RUNNING or self.read_only:
            return
        pending = {
            "seq": self.progress.seq,
            "ms": self.live_ms(),
            "at": self.clock.now().isoformat(),
        }
        self.record.write_meta(pending=pending)

    def closed(self, pending: object) -> None:
        """Record the time the app was closed, given the meta's last heartbeat.

        Running time up to the heartbeat counts; the rest, up to now, is a pause.
        """
        progress = self.progress
        credit, since = 0, progress.last_at
        # A heartbeat counts only if no event was written after it. A damaged one is
        # passed over: it costs at most the few seconds since the last event.
        if (
            isinstance(pending, dict)
            and progress.state is SessionState.RUNNING
            and pending.get("seq") == progress.seq
        ):
            beat: datetime | None
            try:
                beat = datetime.fromisoformat(pending["at"])
                beat_ms = max(0, int(pending.get("ms", 0)))
            except (KeyError, TypeError, ValueError):
                beat = None
            # The clock's times carry a zone; a heartbeat's without one is damaged too.
            if beat is not None and beat.utcoffset() is not None:
                credit, since = beat_ms, beat
        if since is None:
            since = self.clock.now()
        gap_ms = max(0, round((self.clock.now() - since).total_seconds() * 1000))
        self.append(EventType.CLOSED, ms=credit, since=since.isoformat(), gap_ms=gap_ms)

    # Refusals -------------------------------------------------------------------------

    def require_writable(self) -> None:
        """Refuse a change to a session opened for reading only."""
        if self.read_only:
            raise SessionError(_("this session is open for reading only"))

    def require_open(self, doing: str) -> None:
        """Refuse ``doing`` once the session has ended."""
        if self.progress.state is SessionState.ENDED:
            message = _("the session has ended; it is too late to {doing}")
            raise SessionError(message.format(doing=_(doing)))

    def require_started(self, doing: str) -> None:
        """Refuse ``doing`` before the start or after the end."""
        self.require_open(doing)
        if self.progress.state is SessionState.READY:
            raise SessionError(_("start the session first, then {doing}").format(doing=_(doing)))
