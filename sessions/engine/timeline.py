"""What a session's record says happened: the read side for summaries and exports.

These frozen dataclasses are built by replaying the event log (see :mod:`.events`) and are
what :meth:`Session.timeline <circlekeeper.sessions.engine.session.Session.timeline>` returns:
planned against actual time per part, each visit to a part, pauses, resources shown,
rebalances and state changes, each with its wall-clock time for the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.structures.progress import StepRecord
from circlekeeper.sessions.structures.topic_status import TopicRecord
from circlekeeper.sessions.templates.agenda import Resource


@dataclass(frozen=True)
class Transition:
    """A change of the session's state."""

    state: str
    """The state entered: ``ready``, ``running``, ``paused`` or ``ended``."""
    at: datetime
    """When, by the wall clock."""
    cause: str
    """The action behind it: ``start``, ``pause``, ``resume``, ``crisis``, ``closed``, ``end``."""


@dataclass(frozen=True)
class Visit:
    """One stretch of time during which a part was the current part."""

    part: int
    """The part's index in the agenda."""
    started_at: datetime
    """When the part became current (wall clock)."""
    ended_at: datetime | None
    """When another part became current or the session ended; ``None`` while current."""
    seconds: float
    """Running time spent in the part during this visit (pauses not counted)."""


@dataclass(frozen=True)
class Pause:
    """A stretch of time in which the timer was stopped."""

    reason: str
    """``pause`` (the facilitator paused), ``crisis`` or ``closed`` (the app was closed)."""
    started_at: datetime
    """When it began (wall clock)."""
    ended_at: datetime | None
    """When the timer ran again or the session ended; ``None`` while still paused."""
    seconds: float
    """How long it lasted."""
    app_closed: bool = False
    """Whether the app was closed (or crashed) for some of it."""


@dataclass(frozen=True)
class ShownResource:
    """A resource put on the screen during the session."""

    title: str
    """The resource's title."""
    url: str
    """Its link."""
    at: datetime
    """When it was shown (wall clock)."""
    part: int
    """The part that was current."""
    crisis: bool = False
    """Shown by the crisis action."""


@dataclass(frozen=True)
class RebalanceRecord:
    """One rebalance of the parts still to come."""

    at: datetime
    """When it was made (wall clock)."""
    part: int
    """The part that was current."""
    before: tuple[int, ...]
    """Planned seconds per part before it."""
    after: tuple[int, ...]
    """Planned seconds per part after it."""
    over_by: int
    """Seconds the session was still expected to run over after it (0 when it fit)."""
    undone_at: datetime | None = None
    """When it was undone, if it was."""


@dataclass(frozen=True)
class RoundRecord:
    """How a speaking round went, in counts only."""

    minutes_a_speaker: int
    """The planned minutes for each speaker."""
    spoke: int
    """Speakers who took their turn in the first pass."""
    passed: int
    """Speakers who passed in the first pass."""
    spoke_when_offered_again: int
    """Of those who passed, how many spoke when offered a turn again."""
    declined: int
    """Of those who passed, how many passed again."""
    done: bool
    """Whether the round reached its end."""


@dataclass(frozen=True)
class PartRecord:
    """One part of the agenda as it was run."""

    index: int
    """Its position in the agenda (0-based)."""
    title: str
    """The part's title."""
    original_seconds: int
    """Planned length from the template."""
    planned_seconds: int
    """Planned length after any rebalance still in force."""
    actual_seconds: float
    """Running time spent in it over all visits."""
    fixed: bool
    """Never shortened by a rebalance."""
    visits: tuple[Visit, ...]
    """Each time it was the current part, in order."""
    round: RoundRecord | None
    """How the speaking round went, for a round part that was reached."""
    steps: tuple[StepRecord, ...] = ()
    """A structured part's steps, planned against actual (a Lean Coffee's topics among
    them, once taken up)."""
    topics: tuple[TopicRecord, ...] = ()
    """A Lean Coffee part's topics with their votes and extensions."""

    @property
    def skipped(self) -> bool:
        """Never the current part while the session was under way."""
        return not self.visits

    @property
    def overrun_seconds(self) -> float:
        """Seconds beyond its planned length (0 when it kept to time)."""
        return max(0.0, self.actual_seconds - self.planned_seconds)


@dataclass(frozen=True)
class Timeline:
    """The whole record of a session, for the summary screen and the exports."""

    title: str
    """The agenda's title."""
    template: str
    """The name of the template it came from."""
    state: str
    """The session's state when the timeline was read."""
    created_at: datetime | None
    """When the session was created."""
    started_at: datetime | None
    """When it was started, if it was."""
    ended_at: datetime | None
    """When it ended, if it has."""
    attendance: int
    """The number of people present (the latest count)."""
    planned_seconds: int
    """The agenda's planned length."""
    running_seconds: float
    """Time the timer ran, summed over all parts."""
    paused_seconds: float
    """Time the timer was stopped after the start, including time the app was closed."""
    parts: tuple[PartRecord, ...]
    """Every part, in agenda order."""
    pauses: tuple[Pause, ...]
    """Every pause, in order."""
    resources_shown: tuple[ShownResource, ...]
    """Every resource shown, in order."""
    resources_added: tuple[Resource, ...]
    """Resources the facilitator added during the session."""
    rebalances: tuple[RebalanceRecord, ...]
    """Every rebalance, in order, including undone ones."""
    transitions: tuple[Transition, ...]
    """Every change of state, in order."""
    follow_throughs: tuple[FollowThrough, ...] = ()
    """The facilitator's follow-throughs after the crisis key: for the record only."""
    rating: tuple[int, tuple[float, float, float, float]] | None = None
    """The end-of-session rating check (answers, each item's mean), when it was taken."""

    @property
    def overrun_seconds(self) -> float:
        """Running time beyond the planned length (0 when it kept to time)."""
        return max(0.0, self.running_seconds - self.planned_seconds)
