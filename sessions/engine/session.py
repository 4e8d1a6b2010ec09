"""The session engine: running one session of a group from its agenda.

A :class:`Session` is made from an :class:`~.agenda.Agenda` (keeping its own copy) and a
:class:`~.record.SessionRecord`, and is driven by the facilitator's actions: start,
pause, move between parts, turns in a speaking round, notes, resources, rebalance, end.
Each action appends one event to the record before it returns (see :mod:`.events`), so
:meth:`Session.resume` reopens a session exactly where it was after a quit or a crash.

Durations come only from the clock's monotonic time; its wall time is written for the
record. The watch list of names is held in memory only and never written anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.events import EventType, Progress, SessionError, SessionState
from circlekeeper.sessions.engine.note_model import Debrief
from circlekeeper.sessions.engine.notebook import NoteFlagged
from circlekeeper.sessions.engine.rebalance import RebalancePlan
from circlekeeper.sessions.engine.rounds import RoundStatus
from circlekeeper.sessions.engine.session_core import INDEX_FIELDS, IndexCallback
from circlekeeper.sessions.engine.session_notes import SessionNotes
from circlekeeper.sessions.privacy.guard import WatchList
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda

__all__ = ["NoteFlagged", "Session", "SessionError", "SessionState"]

MAX_ATTENDANCE = 500
"""More than any group; a larger number is a slip of the finger."""


class Session(SessionNotes):
    """One session being run (or read back after it ended).

    Make one with :meth:`create` or :meth:`resume`. Every action raises
    :class:`SessionError` with a plain message when it is not possible now, and writes
    its event to the record before returning. The read side (:meth:`status`,
    :meth:`timeline`, :meth:`notes`, ...) comes from
    :class:`~.session_core.SessionCore`; notes, resources, the crisis action and the
    debrief from :class:`~.session_notes.SessionNotes`.
    """

    # Making and reopening -----------------------------------------------------------

    @classmethod
    def create(
        cls,
        record: SessionRecord,
        agenda: Agenda,
        clock: Clock,
        *,
        session_id: str,
        attendance: int,
        watch_list: WatchList | Iterable[str] = (),
        index: IndexCallback | None = None,
        warning_minutes: int = 2,
    ) -> Session:
        """Start a new session in state ``ready`` in an empty record.

        Args:
            record: a :class:`~.record.SessionRecord` holding no session yet (the store
                may already have written the id and creation time in its meta).
            agenda: the agenda to run; the session keeps its own copy.
            clock: where time comes from.
            session_id: the store's id for the session.
            attendance: the number of people present (changeable later).
            watch_list: names the note guard looks for, held in memory only.
            index: called with the index fields of the meta after each state change.
            warning_minutes: how long before a part's end the status warns.
        """
        if not agenda.parts:
            raise SessionError(f"the agenda {agenda.name!r} has no parts to run")
        _check_attendance(attendance)
        existing = record.read_meta()
        if "agenda" in existing or record.events():
            raise SessionError("this record already holds a session; resume it instead")
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
        meta = {k: v for k, v in record.read_meta().items() if k in INDEX_FIELDS}
        session = cls(
            record,
            agenda,
            clock,
            Progress(agenda),
            meta,
            watch_list=watch_list,
            index=index,
            warning_minutes=warning_minutes,
        )
        session._append(EventType.CREATED, attendance=attendance)
        return session

    @classmethod
    def resume(
        cls,
        record: SessionRecord,
        clock: Clock,
        *,
        watch_list: WatchList | Iterable[str] = (),
        index: IndexCallback | None = None,
        warning_minutes: int = 2,
        read_only: bool = False,
    ) -> Session:
        """Reopen a session exactly where it was: part, timer, round, notes, rebalance.

        A session that was running or paused when the app closed is paused now: running
        time up to the last :meth:`heartbeat` counts, and the time the app was closed is
        recorded as a pause (from the wall times), never as speaking time.

        With ``read_only`` (for a summary or an export) nothing is written: the session
        is shown as it was last recorded, and every change is refused.

        Raises:
            SessionError: the record holds no session, or a damaged one.
        """
        meta = record.read_meta()
        if "agenda" not in meta:
            raise SessionError("the session record holds no agenda copy, so it cannot be run")
        try:
            agenda = Agenda.from_dict(meta["agenda"])
        except (KeyError, TypeError, ValueError) as error:
            raise SessionError(f"the session's copy of its agenda is damaged ({error!r})") from None
        progress = Progress.replay(agenda, record.events())
        session = cls(
            record,
            agenda,
            clock,
            progress,
            {k: v for k, v in meta.items() if k in INDEX_FIELDS},
            watch_list=watch_list,
            index=index,
            warning_minutes=warning_minutes,
            read_only=read_only,
        )
        session._notebook.load()
        if meta.get("debrief"):
            session._debrief = Debrief.from_dict(meta["debrief"])
        if progress.state in (SessionState.RUNNING, SessionState.PAUSED) and not read_only:
            session._closed(meta.get("pending") or {})
        return session

    def _closed(self, pending: dict[str, Any]) -> None:
        progress = self._progress
        credit, since = 0, progress.last_at
        # A heartbeat counts only if no event was written after it. A damaged one is
        # passed over: it costs at most the few seconds since the last event.
        if (
            isinstance(pending, dict)
            and progress.state is SessionState.RUNNING
            and pending.get("seq") == progress.seq
        ):
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
        self._append(EventType.CLOSED, ms=credit, since=since.isoformat(), gap_ms=gap_ms)

    # The timer ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the session: the first part's time begins."""
        self._require_open("start it again")
        if self.state is not SessionState.READY:
            raise SessionError("the session has already started")
        self._append(EventType.START)

    def pause(self, reason: str = "pause") -> None:
        """Stop the timer."""
        self._require_started("pause it")
        if self.state is SessionState.PAUSED:
            raise SessionError("the session is already paused")
        self._append(EventType.PAUSE, reason=reason)

    def resume_timer(self) -> None:
        """Run the timer again after a pause."""
        self._require_started("resume it")
        if self.state is SessionState.RUNNING:
            raise SessionError("the timer is already running")
        self._append(EventType.RESUME)

    def toggle(self) -> SessionState:
        """Start, pause or resume, whichever fits; returns the new state."""
        if self.state is SessionState.READY:
            self.start()
        elif self.state is SessionState.RUNNING:
            self.pause()
        else:
            self.resume_timer()
        return self.state

    def end(self) -> None:
        """End the session; afterwards only the debrief (and note removal) is possible."""
        self._require_open("end it again")
        if self.state is SessionState.READY:
            raise SessionError("the session has not started, so it cannot end")
        self._append(EventType.END)

    # Parts and rounds ---------------------------------------------------------------

    def next_part(self) -> None:
        """Move to the next part."""
        if self.part_index == len(self.agenda.parts) - 1:
            self._require_open("move on")
            raise SessionError("this is the last part; end the session when the group is done")
        self.go_to_part(self.part_index + 1)

    def previous_part(self) -> None:
        """Go back to the previous part; time then counts for it again."""
        if self.part_index == 0:
            self._require_open("go back")
            raise SessionError("this is the first part; there is none before it")
        self.go_to_part(self.part_index - 1)

    def go_to_part(self, index: int) -> None:
        """Make part ``index`` (0-based) the current part."""
        self._require_open("move between parts")
        count = len(self.agenda.parts)
        if not 0 <= index < count:
            raise SessionError(f"there is no part {index + 1}; the agenda has {count} parts")
        if index == self.part_index:
            raise SessionError(f"{self.agenda.parts[index].title!r} is already the current part")
        self._append(EventType.PART, index=index)

    def next_speaker(self) -> RoundStatus:
        """The speaker has finished: the turn goes to the next one."""
        return self._turn(passed=False)

    def pass_speaker(self) -> RoundStatus:
        """The speaker passes; they are offered a turn again at the end of the round."""
        return self._turn(passed=True)

    def _turn(self, *, passed: bool) -> RoundStatus:
        self._require_started("move the round on")
        current = self._progress.round_for(self.part_index)
        if current is None:
            raise SessionError(f"{self.part.title!r} is not a speaking round")
        if current.done:
            raise SessionError("the round is over: everyone has had their turn")
        self._append(EventType.SPEAKER, passed=passed)
        round_status = self.status().round
        assert round_status is not None
        return round_status

    def set_attendance(self, attendance: int) -> None:
        """Change the number of people present."""
        self._require_open("change the attendance")
        _check_attendance(attendance)
        if attendance != self.attendance:
            self._append(EventType.ATTENDANCE, n=attendance)

    # Rebalance ----------------------------------------------------------------------

    def rebalance(self) -> RebalancePlan:
        """Shorten the parts still to come so the session ends on time (or as near as allowed).

        Raises:
            SessionError: nothing can be shortened (the message says why).
        """
        self._require_started("rebalance")
        plan = self.preview_rebalance()
        if not plan.changed:
            raise SessionError(plan.message)
        self._append(EventType.REBALANCE, plan=list(plan.plan), over_by=plan.over_by)
        return plan

    def undo_rebalance(self) -> tuple[int, ...]:
        """Put back the plan from before the latest rebalance; returns it (seconds per part)."""
        self._require_open("undo a rebalance")
        if not self._progress.undo_plans:
            raise SessionError("there is no rebalance to undo")
        self._append(EventType.UNDO_REBALANCE)
        return tuple(self._progress.plan)


def _check_attendance(attendance: int) -> None:
    if isinstance(attendance, bool) or not isinstance(attendance, int):
        raise SessionError(f"attendance is a whole number, not {attendance!r}")
    if not 1 <= attendance <= MAX_ATTENDANCE:
        raise SessionError(f"attendance must be between 1 and {MAX_ATTENDANCE}, not {attendance}")
