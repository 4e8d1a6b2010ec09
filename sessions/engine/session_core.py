"""The machinery under :class:`~.engine.Session`: its state, its record and its read side.

:class:`SessionCore` holds the replayed state, writes each event to the record before the
action returns (then the meta and the store's index), and answers every question the
screens and the exports ask. The facilitator's actions are in :mod:`.engine`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.events import (
    EventType,
    Progress,
    SessionError,
    SessionState,
    make_event,
)
from circlekeeper.sessions.engine.note_model import Debrief, Note
from circlekeeper.sessions.engine.notebook import NoteBook
from circlekeeper.sessions.engine.rebalance import RebalancePlan, plan_rebalance
from circlekeeper.sessions.engine.status import Status, build_status, build_timeline
from circlekeeper.sessions.engine.timeline import Timeline
from circlekeeper.sessions.privacy.guard import WatchList
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.templates.agenda import Agenda, Part, Resource

INDEX_FIELDS = (
    "id", "schema", "created", "title", "template", "state", "updated", "ended", "attendance",
)  # fmt: skip
"""Meta fields the store's index reads: what the ``index`` callback is given."""

IndexCallback = Callable[[dict[str, Any]], None]


class SessionCore:
    """State, record keeping and read side of a session; see :class:`~.engine.Session`."""

    def __init__(
        self,
        record: SessionRecord,
        agenda: Agenda,
        clock: Clock,
        progress: Progress,
        meta: dict[str, Any],
        *,
        watch_list: WatchList | Iterable[str],
        index: IndexCallback | None,
        warning_minutes: int,
        read_only: bool = False,
    ) -> None:
        self.record = record
        """The session's :class:`~.record.SessionRecord`."""
        self.agenda = agenda
        """The session's own copy of its agenda."""
        self.clock = clock
        """Where time comes from."""
        self.warning_seconds = warning_minutes * 60
        """How long before a part's end the status warns."""
        self.read_only = read_only
        """Opened for reading (a summary, an export): every change is refused."""
        self._progress = progress
        self._meta = meta
        self._index = index
        self._mono = clock.monotonic()
        """The monotonic mark time is counted from."""
        self._written_ms = 0
        """Milliseconds since the mark already written in events."""
        watch = watch_list if isinstance(watch_list, WatchList) else WatchList(watch_list)
        self._notebook = NoteBook(record, watch)
        self._debrief: Debrief | None = None

    # Read side ----------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The session's id."""
        return str(self._meta.get("id", ""))

    @property
    def state(self) -> SessionState:
        """Where the session is in its life."""
        return self._progress.state

    @property
    def part_index(self) -> int:
        """The current part's index."""
        return self._progress.part

    @property
    def part(self) -> Part:
        """The current part."""
        return self.agenda.parts[self._progress.part]

    @property
    def attendance(self) -> int:
        """The number of people present."""
        return self._progress.attendance

    @property
    def watch_list(self) -> WatchList:
        """Names the note guard looks for; add to it at any time. Never saved."""
        return self._notebook.watch_list

    @property
    def meta(self) -> dict[str, Any]:
        """The index fields of the session's meta, as last written."""
        return dict(self._meta)

    def status(self) -> Status:
        """A snapshot of where the session stands now, for the screen."""
        return build_status(self._progress, self._live_ms(), self.clock.now(), self.warning_seconds)

    def timeline(self) -> Timeline:
        """The record of what happened, for the summary and the exports."""
        return build_timeline(self._progress, self._live_ms())

    def notes(
        self, part_index: int | None = None, *, include_facilitator_only: bool = True
    ) -> list[Note]:
        """Notes in the order taken; of one part when ``part_index`` is given."""
        return self._notebook.list(part_index, include_facilitator_only=include_facilitator_only)

    def note(self, note_id: str) -> Note:
        """The note with id ``note_id`` (:class:`SessionError` when there is none)."""
        return self._notebook.get(note_id)

    def resources(self) -> tuple[Resource, ...]:
        """The agenda's resources, then those added during the session."""
        return (*self.agenda.resources, *self._progress.added)

    def debrief(self) -> Debrief | None:
        """The facilitator's debrief, once saved."""
        return self._debrief

    def preview_rebalance(self) -> RebalancePlan:
        """What :meth:`rebalance` would do now, without doing it."""
        status = self.status()
        return plan_rebalance(
            self.agenda.parts,
            self._progress.plan,
            [p.actual for p in status.parts],
            current=self._progress.part,
            used=status.since_start,
            planned_total=self.agenda.minutes * 60,
            attendance=self.attendance,
        )

    # Record keeping -----------------------------------------------------------------

    def _live_ms(self) -> int:
        """Monotonic milliseconds since the last event, not yet written."""
        # A session only read is not running here, whatever its last state says.
        if self.read_only or self._progress.state not in (
            SessionState.RUNNING,
            SessionState.PAUSED,
        ):
            return 0
        return self._unwritten_ms()

    def _unwritten_ms(self) -> int:
        # Milliseconds are counted from one fixed mark, less those already written, so
        # the same instant always gives the same figure and rounding never drifts.
        return max(0, round((self.clock.monotonic() - self._mono) * 1000) - self._written_ms)

    def _append(self, kind: EventType, *, ms: int | None = None, **data: Any) -> None:
        """Write one event, apply it, then bring the meta and the index up to date."""
        self._require_writable()
        if ms is None:
            ms = self._unwritten_ms()
            mark, written = self._mono, self._written_ms + ms
        else:
            mark, written = self.clock.monotonic(), 0
        now = self.clock.now()
        event = make_event(kind, now, ms, **data)
        self.record.append_event(event)
        # Only once the event is on disk: a failed write leaves the time still to count.
        self._mono, self._written_ms = mark, written
        self._progress.apply(event)
        self._save_meta(
            state=self._progress.state.value,
            updated=now.isoformat(),
            ended=None if self._progress.ended_at is None else self._progress.ended_at.isoformat(),
            attendance=self._progress.attendance,
            pending=None,
        )

    def _save_meta(self, **fields: Any) -> None:
        self.record.write_meta(**fields)
        self._meta.update({k: v for k, v in fields.items() if k in INDEX_FIELDS})
        if self._index is not None:
            self._index(dict(self._meta))

    def heartbeat(self) -> None:
        """Note the running time not yet written, so a crash loses at most since now.

        Call it every 15 seconds or so while the session runs. It writes one small field
        of the meta, not an event, and does nothing unless the timer is running.
        """
        if self._progress.state is not SessionState.RUNNING or self.read_only:
            return
        pending = {
            "seq": self._progress.seq,
            "ms": self._live_ms(),
            "at": self.clock.now().isoformat(),
        }
        self.record.write_meta(pending=pending)

    def _require_writable(self) -> None:
        if self.read_only:
            raise SessionError("this session is open for reading only")

    def _require_open(self, doing: str) -> None:
        """Refuse ``doing`` once the session has ended."""
        if self._progress.state is SessionState.ENDED:
            raise SessionError(f"the session has ended; it is too late to {doing}")

    def _require_started(self, doing: str) -> None:
        """Refuse ``doing`` before the start or after the end."""
        self._require_open(doing)
        if self._progress.state is SessionState.READY:
            raise SessionError(f"start the session first, then {doing}")
