"""Rebalancing: after an overrun, shorten the parts still to come so the session ends on time.

The time left for each part still to come shrinks in proportion. Fixed parts keep theirs;
no part is cut below one minute (nor lengthened); a speaking round keeps its minutes a
speaker, so fewer turns fit, and the plan says how many against the attendance; a
structured part keeps a minute a step, its steps shrinking with it in proportion. When
even that is not enough, the parts are shortened as far as allowed and the plan says how
long the session will still run over. This module only does the arithmetic; the engine
records a rebalance and can undo it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from circlekeeper.sessions.engine.rounds import turns_that_fit
from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.sessions.templates.agenda import Part

FLOOR_SECONDS = 60
"""No part still to come is shortened below one minute."""


@dataclass(frozen=True)
class RebalanceChange:
    """What a rebalance does to one part still to come."""

    index: int
    """The part's index in the agenda."""
    title: str
    """The part's title."""
    before: int
    """Planned seconds before the rebalance."""
    after: int
    """Planned seconds after it (equal to ``before`` for a fixed part)."""
    fixed: bool
    """A fixed part, which keeps its time."""
    minutes_a_speaker: int | None = None
    """For a speaking round: the minutes each speaker keeps."""
    turns_fit: int | None = None
    """For a speaking round: how many whole turns fit after the rebalance."""

    @property
    def shortened_by(self) -> int:
        """Seconds taken off."""
        return self.before - self.after


@dataclass(frozen=True)
class RebalancePlan:
    """A proposed (or applied) rebalance."""

    plan: tuple[int, ...]
    """Planned seconds for every part after the rebalance."""
    changes: tuple[RebalanceChange, ...]
    """One entry per part still to come."""
    overrun: int
    """Seconds the session was projected to run over before the rebalance."""
    over_by: int
    """Seconds it is still projected to run over after it (0 when it now ends on time)."""
    attendance: int
    """The number present, to compare with the turns that fit in a round."""
    part: int = 0
    """The part that was current when the plan was worked out."""

    @property
    def changed(self) -> bool:
        """Whether any part's time changes."""
        return any(c.after != c.before for c in self.changes)

    @property
    def fits(self) -> bool:
        """Whether the session now ends on its planned time."""
        return self.over_by == 0

    @property
    def short_rounds(self) -> tuple[RebalanceChange, ...]:
        """Rounds in which fewer turns now fit than there are people present."""
        return tuple(
            c for c in self.changes if c.turns_fit is not None and c.turns_fit < self.attendance
        )

    @property
    def message(self) -> str:
        """One plain sentence saying what the rebalance does."""
        shortened = sum(1 for c in self.changes if c.after < c.before)
        if not shortened:
            if self.overrun <= 0:
                return _("The session is on time; nothing needs shortening.")
            return _(
                "The parts still to come cannot be shortened any further; the session will "
                "run about {minutes} over."
            ).format(minutes=_minutes(self.over_by))
        if self.fits:
            text = ngettext(
                "Shortened {count} part; the session ends on time.",
                "Shortened {count} parts; the session ends on time.",
                shortened,
            ).format(count=shortened)
        else:
            text = ngettext(
                "Shortened {count} part as far as they go; the session will still run about "
                "{minutes} over.",
                "Shortened {count} parts as far as they go; the session will still run about "
                "{minutes} over.",
                shortened,
            ).format(count=shortened, minutes=_minutes(self.over_by))
        for change in self.short_rounds:
            fit = change.turns_fit or 0
            turns = ngettext("{count} turn", "{count} turns", fit).format(count=fit)
            people = ngettext("{count} person", "{count} people", self.attendance)
            round_words = _("{title}: {turns} of {minutes} min fit for {people}.").format(
                title=change.title,
                turns=turns,
                minutes=change.minutes_a_speaker,
                people=people.format(count=self.attendance),
            )
            text += " " + round_words
        return text


def plan_rebalance(
    parts: Sequence[Part],
    plan: Sequence[int],
    actual: Sequence[float],
    *,
    current: int,
    used: float,
    planned_total: int,
    attendance: int,
) -> RebalancePlan:
    """Work out a rebalance of the parts after ``current``.

    Args:
        parts: the agenda's parts.
        plan: planned seconds per part now.
        actual: running seconds spent in each part so far.
        current: the current part's index; it and the parts before it are left alone.
        used: seconds since the start, pauses included.
        planned_total: the session's planned length in seconds.
        attendance: the number present.
    """
    current_left = max(0.0, plan[current] - actual[current])
    later = range(current + 1, len(parts))
    # A part still to come may have been visited already (the facilitator went back):
    # only what is left of it can shrink.
    left = {i: max(0, plan[i] - int(actual[i])) for i in later}
    flexible = [i for i in later if not parts[i].fixed and left[i] > 0]
    fixed_left = sum(left[i] for i in later if i not in flexible)
    projected = used + current_left + sum(left.values())
    overrun = max(0, math.ceil(projected - planned_total))

    new_left = dict(left)
    if overrun > 0 and flexible:
        budget = planned_total - used - current_left - fixed_left
        least = {i: max(FLOOR_SECONDS, 60 * len(parts[i].steps)) for i in flexible}
        new_left.update(_shrink({i: left[i] for i in flexible}, budget, least))

    new_plan = list(plan)
    for i in later:
        new_plan[i] = plan[i] - left[i] + new_left[i]
    over_by = max(0, math.ceil(used + current_left + sum(new_left.values()) - planned_total))
    changes = tuple(
        RebalanceChange(
            index=i,
            title=parts[i].title,
            before=plan[i],
            after=new_plan[i],
            fixed=parts[i].fixed,
            minutes_a_speaker=parts[i].round_minutes,
            turns_fit=_turns_fit(new_plan[i], parts[i].round_minutes),
        )
        for i in later
    )
    return RebalancePlan(
        plan=tuple(new_plan),
        changes=changes,
        overrun=overrun,
        over_by=over_by,
        attendance=attendance,
        part=current,
    )


def _turns_fit(planned_seconds: int, minutes_a_speaker: int | None) -> int | None:
    """How many turns fit in a part's new plan; ``None`` for a part that is not a round."""
    if minutes_a_speaker is None:
        return None
    return turns_that_fit(planned_seconds, minutes_a_speaker)


def _shrink(left: dict[int, int], budget: float, least: dict[int, int]) -> dict[int, int]:
    """Scale the seconds in ``left`` down in proportion to fit ``budget``, with floors.

    A part whose share would fall below its floor (its ``least`` seconds, or less when it
    has less left than that) is held at the floor and the rest share what remains.
    Results are whole seconds summing to at most ``budget``.
    """
    floors = {i: min(s, least[i]) for i, s in left.items()}
    target = math.floor(budget)
    if target <= sum(floors.values()):
        return floors
    if target >= sum(left.values()):
        return dict(left)
    held: set[int] = set()
    while True:
        free = [i for i in left if i not in held]
        room = target - sum(floors[i] for i in held)
        scale = room / sum(left[i] for i in free)
        below = [i for i in free if left[i] * scale < floors[i]]
        if not below:
            break
        held.update(below)
    exact = {i: left[i] * scale for i in free}
    result = {i: floors[i] for i in held}
    result.update({i: math.floor(v) for i, v in exact.items()})
    # Hand out the seconds lost to rounding down, largest remainder first, so the parts
    # add up to the budget exactly.
    spare = room - sum(result[i] for i in free)
    for i in sorted(free, key=lambda i: exact[i] - result[i], reverse=True)[: max(0, spare)]:
        result[i] += 1
    return result


def _minutes(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
