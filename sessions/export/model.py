"""The summary of a session for one audience: what a handout or a record may contain.

These are the values every format is written from. :func:`~.summarise.build_summary`
filters a session's agenda, timeline, notes and debrief down to what the chosen
:class:`Audience` may see, once, before any format is written. The participant handout
gets no facilitator text at all (no opening words, part text, guidance, timing,
attendance, debrief, nor any note but the themes and actions not marked facilitator-only;
of a Lean Coffee only the words of the topics the group reached), so a renderer cannot
leak what its summary does not hold. The facilitator record gets everything, in
:attr:`Summary.record` and :attr:`PartSummary.details`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Protocol

from circlekeeper.sessions.engine.note_model import Debrief, Note, NoteKind
from circlekeeper.sessions.engine.timeline import (
    Pause,
    RebalanceRecord,
    RoundRecord,
    ShownResource,
    Timeline,
)
from circlekeeper.sessions.structures.progress import StepRecord
from circlekeeper.sessions.structures.topic_status import TopicRecord
from circlekeeper.sessions.templates.agenda import Agenda, Resource

HANDOUT_KINDS = (NoteKind.THEME, NoteKind.ACTION)
"""The kinds of note a participant handout carries (when not facilitator-only)."""


class Audience(str, Enum):
    """Who a summary is for."""

    PARTICIPANTS = "participants"
    FACILITATOR = "facilitator"

    @property
    def document(self) -> str:
        """What the summary is called for this audience: ``handout`` or ``record``."""
        return "handout" if self is Audience.PARTICIPANTS else "record"


class ReadableSession(Protocol):
    """The read side of a session that a summary is built from."""

    agenda: Agenda

    @property
    def id(self) -> str: ...

    def timeline(self) -> Timeline: ...

    def notes(self) -> list[Note]: ...

    def resources(self) -> tuple[Resource, ...]: ...

    def debrief(self) -> Debrief | None: ...


@dataclass(frozen=True)
class ResourceSummary:
    """A resource participants can reach."""

    title: str
    """What the link is, in words."""
    url: str
    """The link."""
    crisis: bool
    """The crisis resource."""
    link_ok: bool
    """Whether the link keeps the resource rules; one that does not is shown as text only."""


@dataclass(frozen=True)
class PartDetails:
    """What the facilitator record adds to a part."""

    text: tuple[str, ...]
    """Paragraphs the facilitator may read out (inline markdown from the template)."""
    guidance: tuple[str, ...]
    """Facilitator-only guidance (inline markdown from the template)."""
    fixed: bool
    """Never shortened by a rebalance."""
    planned_seconds: int
    """Planned length after any rebalance still in force."""
    actual_seconds: float
    """Running time spent in it."""
    skipped: bool
    """Never the current part while the session was under way."""
    round: RoundRecord | None
    """How the speaking round went, in counts, when it was reached."""
    steps: tuple[StepRecord, ...] = ()
    """A structured part's steps, planned against actual."""
    topics: tuple[TopicRecord, ...] = ()
    """A Lean Coffee part's topics with their votes and extensions."""

    @property
    def overrun_seconds(self) -> float:
        """Seconds beyond its planned length (0 when it kept to time)."""
        return max(0.0, self.actual_seconds - self.planned_seconds)


@dataclass(frozen=True)
class PartSummary:
    """One part of the agenda, as the audience may see it."""

    index: int
    """Its position in the agenda (0-based)."""
    title: str
    """The part's title."""
    minutes: int
    """Planned minutes from the template."""
    round_minutes: int | None
    """Minutes a speaker when the part is a speaking round."""
    prompts: tuple[str, ...]
    """Prompts shown to participants (inline markdown from the template)."""
    notes: tuple[Note, ...]
    """The notes taken in it that the audience may see, in the order taken."""
    topics: tuple[str, ...] = ()
    """A Lean Coffee's topics the group reached, words only, in the order taken: in the
    handout only (the record holds every topic in :attr:`PartDetails.topics`)."""
    details: PartDetails | None = None
    """Timing, text and guidance: in the facilitator record only."""


@dataclass(frozen=True)
class RecordDetails:
    """What only the facilitator record holds about the whole session."""

    session_id: str
    """The store's id for the session."""
    state: str
    """The session's state when it was exported."""
    timeline: Timeline
    """Planned against actual time, pauses, resources shown, rebalances and more."""
    intro: tuple[str, ...]
    """The template's opening words for the facilitator (inline markdown)."""
    debrief: Debrief | None
    """The facilitator's debrief, once saved."""
    newcomers: int | None = None
    """How many came for the first time, when the session was a group's meeting."""
    group: str = ""
    """The name of the group the session met as ("" for none): the facilitator's only."""

    @property
    def attendance(self) -> int:
        """The number of people present."""
        return self.timeline.attendance

    @property
    def pauses(self) -> tuple[Pause, ...]:
        """Every pause, in order."""
        return self.timeline.pauses

    @property
    def resources_shown(self) -> tuple[ShownResource, ...]:
        """Every resource shown, in order."""
        return self.timeline.resources_shown

    @property
    def rebalances(self) -> tuple[RebalanceRecord, ...]:
        """Every rebalance, including undone ones."""
        return self.timeline.rebalances


@dataclass(frozen=True)
class Summary:
    """Everything one export may contain, already filtered for its audience."""

    audience: Audience
    """Who it is for."""
    title: str
    """The agenda's title."""
    template: str
    """The name of the template the session came from (used in file names)."""
    day: date | None
    """The day of the session: when it started, else when it was created."""
    parts: tuple[PartSummary, ...]
    """Every part, in agenda order."""
    resources: tuple[ResourceSummary, ...]
    """The agenda's resources, those added, and any other shown, without repeats."""
    record: RecordDetails | None = None
    """The rest of the record: for the facilitator only."""
    language: str = ""
    """The agenda's language tag (``de``), when its template says; its words follow it."""

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every note the audience may see, by part then in the order taken."""
        return tuple(note for part in self.parts for note in part.notes)

    def notes_of(self, kind: NoteKind) -> tuple[Note, ...]:
        """The notes of one kind, by part then in the order taken."""
        return tuple(note for note in self.notes if note.kind is kind)


def for_handout(note: Note) -> bool:
    """Whether a note may reach a participant handout.

    A note in which the facilitator chose to keep what looked like personal data (an
    email, a phone number, a watched name) stays in their record only: keeping it was
    a choice for the record, never for sharing.
    """
    return note.kind in HANDOUT_KINDS and not note.facilitator_only and not note.kept


def topic_for_handout(topic: TopicRecord, notes: Mapping[str, Note]) -> bool:
    """Whether a Lean Coffee topic's words may reach a participant handout.

    Only a topic the group reached, in which the facilitator kept no personal data; a
    topic card's topic only while its note (in ``notes``, by id) is still there, neither
    facilitator-only nor holding kept personal data, so marking the card's note for the
    record keeps its topic out too.
    """
    if not topic.reached or topic.kept:
        return False
    if not topic.note_id:
        return True
    note = notes.get(topic.note_id)
    return note is not None and not note.facilitator_only and not note.kept
