"""Time as the facilitator sees it: one immutable snapshot of where the session stands.

:func:`build_status` turns the replayed :class:`~.events.Progress` plus the running time
not yet written to the log into a :class:`Status`: time left in the current part (then
overrun), the speaker's time in a round, planned against actual time per part, and the
projected end of the whole session given the overrun so far. :func:`build_timeline`
gives the whole record instead, for summaries and exports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from circlekeeper.sessions.engine.events import Progress, SessionState
from circlekeeper.sessions.engine.rounds import RoundStatus
from circlekeeper.sessions.engine.timeline import PartRecord, Timeline
from circlekeeper.sessions.structures.lean_coffee import TopicBoard, lean_boxes
from circlekeeper.sessions.structures.progress import StepProgress, StepStatus
from circlekeeper.sessions.structures.topic_status import (
    BoardStatus,
    board_status,
    topic_records,
    topic_steps,
)
from circlekeeper.sessions.templates.agenda import Part


@dataclass(frozen=True)
class PartStatus:
    """One part of the agenda, planned against actual."""

    index: int
    """Its position in the agenda (0-based)."""
    part: Part
    """The part itself, as kept in the session's copy of the agenda."""
    planned: int
    """Planned seconds now (after any rebalance in force)."""
    original: int
    """Planned seconds from the template."""
    actual: float
    """Running seconds spent in it so far."""
    current: bool
    """The current part."""
    visited: bool
    """It has been the current part while the session was under way."""
    done: bool
    """Visited and since left (or the session has ended)."""

    @property
    def title(self) -> str:
        """The part's title."""
        return self.part.title

    @property
    def skipped(self) -> bool:
        """Passed over: never visited, and the session has moved beyond it."""
        return not self.visited and self.done


@dataclass(frozen=True)
class Status:
    """Everything the run screen shows about time, as of :attr:`at`."""

    at: datetime
    """The wall-clock time of the snapshot."""
    state: SessionState
    """The session's state."""
    part_index: int
    """The current part's index."""
    part_elapsed: float
    """Running seconds spent in the current part."""
    part_left: float
    """Seconds left in the current part's plan (0 once over)."""
    part_overrun: float
    """Seconds the current part has run past its plan."""
    warning: bool
    """The current part is in its last minutes (or over)."""
    session_elapsed: float
    """Running seconds over the whole session (the sum of the parts' actual time)."""
    since_start: float
    """Seconds since the start, pauses included."""
    paused_seconds: float
    """Seconds stopped since the start."""
    planned_end: datetime
    """When the session is planned to end: its start plus the agenda's length (before the
    start, now plus the agenda's length)."""
    projected_end: datetime
    """When it will end at this rate: now plus what is left of the plan."""
    over_by: float
    """Seconds the session is projected to run past its planned length (0 when on time)."""
    round: RoundStatus | None
    """The current part's speaking round, when it is one."""
    parts: tuple[PartStatus, ...]
    """Every part, in agenda order."""
    attendance: int
    """The number of people present."""
    can_undo_rebalance: bool
    """A rebalance is in force and can be undone."""
    step: StepStatus | None = None
    """The current part's step, when it follows a structure and has been reached."""
    board: BoardStatus | None = None
    """The current part's topic board, when it is a Lean Coffee with topics."""

    @property
    def part(self) -> PartStatus:
        """The current part."""
        return self.parts[self.part_index]


WARNING_FRACTION = 0.2
"""The most of a part its warning stretch may take: a fifth, so a 5-minute part warns
for its last minute, not the last two of five."""


def warning_stretch(planned: float, warning_seconds: int) -> float:
    """How long before the end of a part of ``planned`` seconds its last minutes begin.

    The configured stretch for a long part; a fraction of the part for a short one.
    """
    return min(float(warning_seconds), planned * WARNING_FRACTION)


def build_status(progress: Progress, live_ms: int, now: datetime, warning_seconds: int) -> Status:
    """A snapshot of ``progress`` plus ``live_ms`` not yet written, taken at ``now``.

    Args:
        progress: the state as of the last event.
        live_ms: monotonic milliseconds since the last event (running or paused time,
            by the current state).
        now: the wall-clock time, used only for the end times shown.
        warning_seconds: the longest warning stretch at the end of a part (see
            :func:`warning_stretch`).
    """
    state = progress.state
    run_ms = list(progress.run_ms)
    pause_ms = progress.pause_ms
    if state is SessionState.RUNNING:
        run_ms[progress.part] += live_ms
    elif state is SessionState.PAUSED:
        pause_ms += live_ms
    actual = [ms / 1000 for ms in run_ms]
    current = progress.part
    planned_total = sum(p.minutes * 60 for p in progress.agenda.parts)
    visited = {v.part for v in progress.visits}
    ended = state is SessionState.ENDED

    parts = tuple(
        PartStatus(
            index=i,
            part=part,
            planned=progress.plan[i],
            original=part.minutes * 60,
            actual=actual[i],
            current=i == current and not ended,
            visited=i in visited,
            done=ended or (i in visited and i != current) or (progress.started and i < current),
        )
        for i, part in enumerate(progress.agenda.parts)
    )
    elapsed = actual[current]
    planned = progress.plan[current]
    left = max(0.0, planned - elapsed)
    session_elapsed = sum(run_ms) / 1000
    since_start = (sum(run_ms) + pause_ms) / 1000 if progress.started else 0.0
    # What is still to do: the rest of the current part and of every part after it
    # (a part visited before and come back to counts only what is left of it).
    later = range(current + 1, len(parts))
    steps = progress.structures.get(current)
    # A structure's steps that ran over push the end back even while the part has time
    # left, since the steps to come still need theirs.
    here = left if steps is None else steps.still_to_do(run_ms[current], planned)
    boxes = lean_boxes(progress.agenda.parts[current].structure)
    board = progress.boards.get(current) or (TopicBoard(boxes) if boxes else None)
    shown = None if board is None else board_status(board, run_ms[current], left)
    if shown is not None and shown.number:
        # Once topics are taken up the board, not the topic steps, says what is still to do.
        steps, here = None, shown.still_to_do
    to_do = here + sum(max(0.0, progress.plan[i] - actual[i]) for i in later)

    if ended and progress.ended_at is not None:
        projected_end = progress.ended_at
        over_by = max(0.0, since_start - planned_total)
    else:
        projected_end = now + timedelta(seconds=to_do)
        over_by = max(0.0, since_start + to_do - planned_total)
    start = progress.started_at if progress.started_at is not None else now
    round_progress = progress.round_for(current)
    return Status(
        at=now,
        state=state,
        part_index=current,
        part_elapsed=elapsed,
        part_left=left,
        part_overrun=max(0.0, elapsed - planned),
        warning=progress.started
        and not ended
        and left <= warning_stretch(planned, warning_seconds),
        session_elapsed=session_elapsed,
        since_start=since_start,
        paused_seconds=pause_ms / 1000,
        planned_end=start + timedelta(seconds=planned_total),
        projected_end=projected_end,
        over_by=over_by,
        round=(
            None
            if round_progress is None
            else round_progress.status(
                attendance=progress.attendance,
                part_ms=run_ms[current],
                planned_seconds=planned,
            )
        ),
        parts=parts,
        attendance=progress.attendance,
        can_undo_rebalance=bool(progress.undo_plans),
        step=None if steps is None else steps.status(run_ms[current], planned),
        board=shown,
    )


def build_timeline(progress: Progress, live_ms: int) -> Timeline:
    """The record of the session so far, with ``live_ms`` not yet written credited."""
    run_ms = list(progress.run_ms)
    pause_ms = progress.pause_ms
    visits = list(progress.visits)
    pauses = list(progress.pauses)
    if progress.state is SessionState.RUNNING:
        run_ms[progress.part] += live_ms
        if visits:
            visits[-1] = replace(visits[-1], seconds=visits[-1].seconds + live_ms / 1000)
    elif progress.state is SessionState.PAUSED:
        pause_ms += live_ms
        if pauses:
            pauses[-1] = replace(pauses[-1], seconds=pauses[-1].seconds + live_ms / 1000)
    agenda = progress.agenda
    parts = tuple(
        PartRecord(
            index=i,
            title=part.title,
            original_seconds=part.minutes * 60,
            planned_seconds=progress.plan[i],
            actual_seconds=run_ms[i] / 1000,
            fixed=part.fixed,
            visits=tuple(v for v in visits if v.part == i),
            round=None if (r := progress.round_for(i)) is None else r.record(),
            steps=topic_steps(
                progress.structures.get(i, StepProgress(part.steps)),
                progress.boards.get(i),
                run_ms[i],
                progress.plan[i],
            ),
            topics=() if (b := progress.boards.get(i)) is None else topic_records(b, run_ms[i]),
        )
        for i, part in enumerate(agenda.parts)
    )
    return Timeline(
        title=agenda.title,
        template=agenda.name,
        state=progress.state.value,
        created_at=progress.created_at,
        started_at=progress.started_at,
        ended_at=progress.ended_at,
        attendance=progress.attendance,
        planned_seconds=agenda.minutes * 60,
        running_seconds=sum(run_ms) / 1000,
        paused_seconds=pause_ms / 1000,
        parts=parts,
        pauses=tuple(pauses),
        resources_shown=tuple(progress.shown),
        resources_added=tuple(progress.added),
        rebalances=tuple(progress.rebalances),
        transitions=tuple(progress.transitions),
        follow_throughs=tuple(progress.follow_throughs),
        rating=progress.rating,
    )
