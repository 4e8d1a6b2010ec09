"""The session's event log and the state rebuilt from it.

Each action appends one small event to the record: its ``type``, ``at`` (the wall-clock
time, ISO 8601, for the record only), ``ms`` (milliseconds measured on the monotonic
clock since the previous event) and its own data. Whether those milliseconds were
running time or a pause follows from the state before the event, so no duration ever
depends on the wall clock. :class:`Progress` replays the log into the current state;
the engine keeps one in memory and applies each new event to it as it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any

from circlekeeper.sessions.engine.follow_through import FollowThrough, from_event
from circlekeeper.sessions.engine.rounds import RoundProgress
from circlekeeper.sessions.engine.timeline import (
    Pause,
    RebalanceRecord,
    ShownResource,
    Transition,
    Visit,
)
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.structures.progress import StepProgress
from circlekeeper.sessions.templates.agenda import Agenda, Resource

__all__ = ["EventType", "Progress", "SessionState", "make_event"]


class SessionState(str, Enum):
    """Where a session is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class EventType(str, Enum):
    """The kinds of event in the log."""

    CREATED = "created"
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    PART = "part"
    SPEAKER = "speaker"
    STEP = "step"
    ATTENDANCE = "attendance"
    RESOURCE_ADDED = "resource_added"
    RESOURCE_SHOWN = "resource_shown"
    CRISIS = "crisis"
    FOLLOW_THROUGH = "follow_through"
    FOLLOW_UP_DONE = "follow_up_done"
    REBALANCE = "rebalance"
    UNDO_REBALANCE = "undo_rebalance"
    CLOSED = "closed"
    END = "end"
    RATING = "rating"


def make_event(kind: EventType, at: datetime, ms: int, **data: Any) -> dict[str, Any]:
    """A JSON-ready event."""
    return {"type": kind.value, "at": at.isoformat(), "ms": ms, **data}


@dataclass
class Progress:
    """A session's state as of the last event applied."""

    agenda: Agenda
    """The session's own copy of its agenda."""
    state: SessionState = SessionState.READY
    """The current state."""
    part: int = 0
    """The current part's index."""
    attendance: int = 0
    """The number of people present."""
    plan: list[int] = field(default_factory=list)
    """Planned seconds per part, after any rebalance in force."""
    run_ms: list[int] = field(default_factory=list)
    """Running milliseconds per part."""
    pause_ms: int = 0
    """Milliseconds stopped since the start, including time the app was closed."""
    rounds: dict[int, RoundProgress] = field(default_factory=dict)
    """Round state per round part reached."""
    structures: dict[int, StepProgress] = field(default_factory=dict)
    """Step state per structured part reached."""
    undo_plans: list[list[int]] = field(default_factory=list)
    """Plans to go back to, newest last, one per rebalance in force."""
    rebalances: list[RebalanceRecord] = field(default_factory=list)
    """Every rebalance made."""
    visits: list[Visit] = field(default_factory=list)
    """Every visit to a part."""
    pauses: list[Pause] = field(default_factory=list)
    """Every pause."""
    shown: list[ShownResource] = field(default_factory=list)
    """Every resource shown."""
    added: list[Resource] = field(default_factory=list)
    """Resources added during the session."""
    transitions: list[Transition] = field(default_factory=list)
    """Every change of state."""
    follow_throughs: list[FollowThrough] = field(default_factory=list)
    """The facilitator's follow-throughs after the crisis key (older files have none)."""
    created_at: datetime | None = None
    """When the session was created."""
    started_at: datetime | None = None
    """When it started."""
    ended_at: datetime | None = None
    """When it ended."""
    last_at: datetime | None = None
    """The wall time of the newest event."""
    seq: int = 0
    """How many events have been applied."""

    def __post_init__(self) -> None:
        if not self.plan:
            self.plan = [p.minutes * 60 for p in self.agenda.parts]
        if not self.run_ms:
            self.run_ms = [0] * len(self.agenda.parts)

    @classmethod
    def replay(cls, agenda: Agenda, events: list[dict[str, Any]]) -> Progress:
        """Rebuild the state from a whole log.

        Raises:
            SessionError: an event is damaged; the message gives its number.
        """
        progress = cls(agenda)
        for number, event in enumerate(events, start=1):
            try:
                progress.apply(event)
            except (KeyError, TypeError, ValueError, IndexError) as error:
                raise SessionError(
                    f"event {number} of the session record is damaged ({error!r})"
                ) from None
        return progress

    @property
    def started(self) -> bool:
        """The session has started (it may since have ended)."""
        return self.state in (SessionState.RUNNING, SessionState.PAUSED, SessionState.ENDED)

    def apply(self, event: dict[str, Any]) -> None:
        """Apply one event: first credit its milliseconds, then make its change."""
        at = datetime.fromisoformat(event["at"])
        self._accrue(int(event.get("ms", 0)))
        handler = getattr(self, f"_on_{event['type']}", None)
        # An unknown type comes from a newer version; its time is credited, the rest kept.
        if handler is not None:
            handler(event, at)
        self.seq += 1
        self.last_at = at

    def round_for(self, index: int) -> RoundProgress | None:
        """The round state of part ``index``, if it is a round that has been reached."""
        return self.rounds.get(index)

    # Time ---------------------------------------------------------------------------

    def _accrue(self, ms: int) -> None:
        if ms < 0:
            raise ValueError("negative milliseconds")
        if self.state is SessionState.RUNNING:
            self.run_ms[self.part] += ms
            if self.visits:
                v = self.visits[-1]
                self.visits[-1] = replace(v, seconds=v.seconds + ms / 1000)
        elif self.state is SessionState.PAUSED:
            self.pause_ms += ms
            if self.pauses:
                p = self.pauses[-1]
                self.pauses[-1] = replace(p, seconds=p.seconds + ms / 1000)

    def _enter(self, index: int, at: datetime) -> None:
        self.part = index
        self.visits.append(Visit(part=index, started_at=at, ended_at=None, seconds=0.0))
        minutes = self.agenda.parts[index].round_minutes
        if minutes is not None and index not in self.rounds:
            self.rounds[index] = RoundProgress(minutes, turn_started_ms=self.run_ms[index])
        steps = self.agenda.parts[index].steps
        if steps and index not in self.structures:
            self.structures[index] = StepProgress(steps, started_ms=self.run_ms[index])

    def _leave(self, at: datetime) -> None:
        if self.visits and self.visits[-1].ended_at is None:
            self.visits[-1] = replace(self.visits[-1], ended_at=at)

    def _stop(self, reason: str, at: datetime, *, closed: bool = False) -> None:
        self.state = SessionState.PAUSED
        self.pauses.append(Pause(reason=reason, started_at=at, ended_at=None, seconds=0.0))
        self.transitions.append(Transition(SessionState.PAUSED.value, at, reason))
        if closed:
            self.pauses[-1] = replace(self.pauses[-1], app_closed=True)

    def _close_pause(self, at: datetime) -> None:
        if self.pauses and self.pauses[-1].ended_at is None:
            self.pauses[-1] = replace(self.pauses[-1], ended_at=at)

    # Handlers, one per event type -----------------------------------------------------

    def _on_created(self, event: dict[str, Any], at: datetime) -> None:
        self.created_at = at
        self.attendance = int(event["attendance"])
        self.transitions.append(Transition(SessionState.READY.value, at, "created"))

    def _on_start(self, event: dict[str, Any], at: datetime) -> None:
        self.state = SessionState.RUNNING
        self.started_at = at
        self.transitions.append(Transition(SessionState.RUNNING.value, at, "start"))
        self._enter(self.part, at)

    def _on_pause(self, event: dict[str, Any], at: datetime) -> None:
        self._stop(str(event.get("reason", "pause")), at)

    def _on_resume(self, event: dict[str, Any], at: datetime) -> None:
        self.state = SessionState.RUNNING
        self._close_pause(at)
        self.transitions.append(Transition(SessionState.RUNNING.value, at, "resume"))

    def _on_part(self, event: dict[str, Any], at: datetime) -> None:
        index = int(event["index"])
        if not 0 <= index < len(self.agenda.parts):
            raise IndexError(f"no part {index}")
        if self.started:
            self._leave(at)
            self._enter(index, at)
        else:
            self.part = index

    def _on_speaker(self, event: dict[str, Any], at: datetime) -> None:
        current = self.rounds[self.part]
        current.advance(
            passed=bool(event.get("passed", False)),
            attendance=self.attendance,
            part_ms=self.run_ms[self.part],
        )

    def _on_step(self, event: dict[str, Any], at: datetime) -> None:
        self.structures[self.part].advance(self.run_ms[self.part])

    def _on_attendance(self, event: dict[str, Any], at: datetime) -> None:
        self.attendance = int(event["n"])

    def _on_resource_added(self, event: dict[str, Any], at: datetime) -> None:
        self.added.append(Resource(title=_line(event["title"]), url=_line(event["url"])))

    def _on_resource_shown(self, event: dict[str, Any], at: datetime) -> None:
        self.shown.append(
            ShownResource(
                title=_line(event["title"]),
                url=_line(event["url"]),
                at=at,
                part=self.part,
                crisis=bool(event.get("crisis", False)),
            )
        )

    def _on_crisis(self, event: dict[str, Any], at: datetime) -> None:
        if self.state is SessionState.RUNNING:
            self._stop("crisis", at)
        self._on_resource_shown({**event, "crisis": True}, at)

    def _on_follow_through(self, event: dict[str, Any], at: datetime) -> None:
        self.follow_throughs.append(from_event(event, at))

    def _on_follow_up_done(self, event: dict[str, Any], at: datetime) -> None:
        index = int(event["index"])
        self.follow_throughs[index] = self.follow_throughs[index].marked_done(at)

    def _on_rebalance(self, event: dict[str, Any], at: datetime) -> None:
        after = [int(s) for s in event["plan"]]
        if len(after) != len(self.plan):
            raise ValueError("a rebalanced plan of the wrong length")
        self.rebalances.append(
            RebalanceRecord(
                at=at,
                part=self.part,
                before=tuple(self.plan),
                after=tuple(after),
                over_by=int(event.get("over_by", 0)),
            )
        )
        self.undo_plans.append(self.plan)
        self.plan = after

    def _on_undo_rebalance(self, event: dict[str, Any], at: datetime) -> None:
        self.plan = self.undo_plans.pop()
        for i in range(len(self.rebalances) - 1, -1, -1):
            if self.rebalances[i].undone_at is None:
                self.rebalances[i] = replace(self.rebalances[i], undone_at=at)
                break

    def _on_closed(self, event: dict[str, Any], at: datetime) -> None:
        since = datetime.fromisoformat(event["since"])
        gap_ms = int(event.get("gap_ms", 0))
        if self.state is SessionState.RUNNING:
            self._stop("closed", since, closed=True)
        elif self.pauses:
            self.pauses[-1] = replace(self.pauses[-1], app_closed=True)
        if self.state is SessionState.PAUSED:
            self._accrue(gap_ms)

    def _on_end(self, event: dict[str, Any], at: datetime) -> None:
        self._close_pause(at)
        self._leave(at)
        self.state = SessionState.ENDED
        self.ended_at = at
        self.transitions.append(Transition(SessionState.ENDED.value, at, "end"))


def _line(value: object) -> str:
    # A resource kept in a session file is text from outside: an old file may hold anything.
    return safe_text(str(value), lines=False)
