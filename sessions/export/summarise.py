"""Building a session's summary for one audience, from its agenda, timeline and notes.

:func:`summary_of` reads an open (or read-only) session; :func:`build_summary` takes the
pieces, so a summary can be made without a session at all. What may reach whom is decided
here, once, by the rules in :mod:`.model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from circlekeeper.sessions.engine.note_model import Debrief, Note
from circlekeeper.sessions.engine.timeline import ShownResource, Timeline
from circlekeeper.sessions.export.model import (
    Audience,
    PartDetails,
    PartSummary,
    ReadableSession,
    RecordDetails,
    ResourceSummary,
    Summary,
    for_handout,
    topic_for_handout,
)
from circlekeeper.sessions.templates.agenda import Agenda, Resource
from circlekeeper.sessions.templates.link_rules import check_url

if TYPE_CHECKING:
    from circlekeeper.sessions.groups.meeting import Meeting


def session_day(timeline: Timeline) -> date | None:
    """The day a session is dated by: when it started, else when it was created."""
    moment = timeline.started_at or timeline.created_at
    return None if moment is None else moment.date()


def _resources(
    listed: Iterable[Resource], shown: Iterable[ShownResource]
) -> tuple[ResourceSummary, ...]:
    seen: dict[str, ResourceSummary] = {}
    for title, url, crisis in [(r.title, r.url, r.crisis) for r in listed] + [
        (s.title, s.url, s.crisis) for s in shown
    ]:
        if url not in seen:
            seen[url] = ResourceSummary(title, url, crisis, check_url(url) is None)
    return tuple(seen.values())


def _by_part(notes: Iterable[Note], count: int) -> list[list[Note]]:
    groups: list[list[Note]] = [[] for _ in range(count)]
    for note in notes:
        # A note from a damaged record still lands somewhere rather than being lost.
        groups[min(max(note.part, 0), count - 1)].append(note)
    return groups


def build_summary(
    audience: Audience,
    agenda: Agenda,
    timeline: Timeline,
    notes: Sequence[Note],
    *,
    resources: Sequence[Resource] = (),
    debrief: Debrief | None = None,
    session_id: str = "",
    newcomers: int | None = None,
    group: str = "",
) -> Summary:
    """The summary of a session for ``audience``.

    Args:
        audience: who the summary is for.
        agenda: the session's own copy of its agenda.
        timeline: what the session's record says happened.
        notes: every note, facilitator-only ones included; they are filtered here.
        resources: the session's resources (the agenda's and those added).
        debrief: the facilitator's debrief, if saved.
        session_id: the store's id for the session (facilitator record only).
        newcomers: how many came for the first time, for a group's meeting (record only).
        group: the name of the group the session met as (record only).
    """
    facilitator = audience is Audience.FACILITATOR
    kept = notes if facilitator else [n for n in notes if for_handout(n)]
    grouped = _by_part(kept, len(agenda.parts))
    by_id = {note.id: note for note in notes}
    parts = []
    for index, part in enumerate(agenda.parts):
        details = None
        if facilitator:
            run = timeline.parts[index]
            details = PartDetails(
                text=tuple(b.text for b in part.text),
                guidance=tuple(b.text for b in part.guidance),
                fixed=part.fixed,
                planned_seconds=run.planned_seconds,
                actual_seconds=run.actual_seconds,
                skipped=run.skipped,
                round=run.round,
                steps=run.steps,
                topics=run.topics,
            )
        parts.append(
            PartSummary(
                index=index,
                title=part.title,
                minutes=part.minutes,
                round_minutes=part.round_minutes,
                prompts=tuple(b.text for b in part.prompts),
                notes=tuple(grouped[index]),
                topics=()
                if facilitator
                else tuple(
                    t.line.words
                    for t in timeline.parts[index].topics
                    if topic_for_handout(t, by_id)
                ),
                details=details,
            )
        )
    record = None
    if facilitator:
        record = RecordDetails(
            session_id=session_id,
            state=timeline.state,
            timeline=timeline,
            intro=tuple(b.text for b in agenda.intro),
            debrief=debrief,
            newcomers=newcomers,
            group=group,
        )
    return Summary(
        audience=audience,
        title=agenda.title,
        template=agenda.name,
        day=session_day(timeline),
        parts=tuple(parts),
        resources=_resources(resources or agenda.resources, timeline.resources_shown),
        record=record,
        language=agenda.language,
    )


def summary_of(session: ReadableSession, audience: Audience) -> Summary:
    """The summary of a session for ``audience``, read through the session's read side.

    For a session that may be open in the app, read it with
    :meth:`SessionStore.read <circlekeeper.sessions.storage.SessionStore.read>` and
    :meth:`Session.resume(..., read_only=True) <circlekeeper.sessions.engine.Session.resume>`.
    """
    meeting = _meeting(session)
    return build_summary(
        audience,
        session.agenda,
        session.timeline(),
        session.notes(),
        resources=session.resources(),
        debrief=session.debrief(),
        session_id=session.id,
        newcomers=None if meeting is None else meeting.newcomers,
        group="" if meeting is None else meeting.name,
    )


def _meeting(session: ReadableSession) -> Meeting | None:
    # Only a stored session can be a group's meeting: its record's meta says so.
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.groups.meeting import meeting_of

    return meeting_of(session) if isinstance(session, Session) else None
