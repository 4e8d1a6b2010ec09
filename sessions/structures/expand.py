"""A structure fitted to a part: its timed steps, in the published proportions.

:func:`expand` scales a :class:`~.marks.StructureMark` to a part's minutes. Every step
gets at least one minute and the steps add up to the part exactly, the minutes lost to
rounding handed out largest remainder first (:func:`apportion`). Lean Coffee is the one
exception to scaling: its topics keep the box the mark gives, and as many as fit follow
the gathering and the vote.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.catalogue import StepShape
from circlekeeper.sessions.structures.marks import StructureMark

DEFAULT_BOX = 8
"""Lean Coffee's minutes a topic when the mark does not say."""


@dataclass(frozen=True)
class Step:
    """One timed step of a structured part."""

    name: str
    """What the step is, for the facilitator."""
    cue: str
    """What the room is asked to do, in participant words."""
    minutes: int
    """Its planned minutes, as the template gives the part."""
    k: int = 0
    """Which client, presenter, case or topic it is for (1-based); 0 for a step taken once."""
    of: int = 0
    """How many clients, presenters, cases or topics there are."""
    unit: str = ""
    """``client``, ``presenter``, ``case``, ``topic`` or ``round``."""

    @property
    def who(self) -> str:
        """``Client 2 of 3``, or empty for a step taken once."""
        return f"{self.unit.capitalize()} {self.k} of {self.of}" if self.k else ""


def apportion(weights: Sequence[float], total: int, floor: int | Sequence[int] = 1) -> list[int]:
    """Split ``total`` in proportion to ``weights``, each share at least its ``floor``.

    A share that would fall below its floor is held at it and the others share the rest;
    the whole numbers add up to ``total`` exactly (largest remainder first, the earlier
    share first on a tie). ``total`` must be at least the floors' sum.
    """
    count = len(weights)
    floors = [floor] * count if isinstance(floor, int) else list(floor)
    if count == 0:
        return []
    if total < sum(floors):
        raise ValueError(f"{total} cannot give {count} shares of at least {floors}")
    held: set[int] = set()
    while True:
        free = [i for i in range(count) if i not in held]
        room = total - sum(floors[i] for i in held)
        weight = sum(weights[i] for i in free) or 1
        exact = {i: room * weights[i] / weight for i in free}
        below = [i for i in free if exact[i] < floors[i]]
        if not below:
            break
        held.update(below)
    shares = list(floors)
    for i in free:
        shares[i] = math.floor(exact[i])
    spare = room - sum(shares[i] for i in free)
    for i in sorted(free, key=lambda i: (exact[i] - shares[i], -i), reverse=True)[:spare]:
        shares[i] += 1
    return shares


def unit_count(mark: StructureMark, minutes: int) -> int:
    """How many clients (presenters, cases, topics) a part of ``minutes`` takes."""
    structure = mark.structure
    if mark.count is not None:
        return mark.count
    if structure.name == "lean coffee":
        # Leave the gathering and the vote their published minutes where the part allows.
        published = math.ceil(sum(s.weight for s in structure.before))
        least = published if minutes - published >= _box(mark) else len(structure.before)
        return max(1, (minutes - least) // _box(mark))
    if structure.count:
        return structure.count
    return max(1, minutes // structure.per_unit)


def shortest_minutes(mark: StructureMark, minutes: int) -> int:
    """The shortest part the structure fits in: one minute a step (a whole box a topic)."""
    structure = mark.structure
    if structure.name == "lean coffee":
        return len(structure.before) + _box(mark)
    return len(structure.before) + len(structure.each) * unit_count(mark, minutes)


def too_short(mark: StructureMark, minutes: int) -> str | None:
    """Why a part of ``minutes`` is too short for the structure, or ``None``."""
    shortest = shortest_minutes(mark, minutes)
    if minutes >= shortest:
        return None
    return _(
        "{minutes} min is too short for {mark}; it needs at least {shortest} min (1 min a step)"
    ).format(minutes=minutes, mark=mark.words(), shortest=shortest)


def expand(mark: StructureMark, minutes: int) -> tuple[Step, ...]:
    """The steps of ``mark`` in a part of ``minutes``.

    Raises:
        ValueError: the part is too short (see :func:`too_short`).
    """
    structure = mark.structure
    count = unit_count(mark, minutes)
    if (problem := too_short(mark, minutes)) is not None:
        raise ValueError(problem)
    if structure.name == "lean coffee":
        box = _box(mark)
        before = apportion([s.weight for s in structure.before], minutes - box * count)
        topics = [
            Step(f"Topic {k}", f"Topic {k}: discuss", box, k, count, "topic")
            for k in range(1, count + 1)
        ]
        return (*_once(structure.before, before), *topics)
    # Each client's block first, then the steps within it, so every client is given the
    # same shape of time (blocks differ by a minute at most, the earlier ones longer).
    each = [s.weight for s in structure.each]
    blocks = apportion(
        [*(s.weight for s in structure.before), *([sum(each)] * count)],
        minutes,
        [*([1] * len(structure.before)), *([len(each)] * count)],
    )
    steps = _once(structure.before, blocks)
    shown = count > 1 or structure.unit != "round"
    for k, block in enumerate(blocks[len(structure.before) :], start=1):
        for shape, share in zip(structure.each, apportion(each, block), strict=True):
            steps.append(
                Step(
                    shape.name, shape.cue, share, k if shown else 0, count if shown else 0,
                    structure.unit,
                )
            )  # fmt: skip
    return tuple(steps)


def step_seconds(steps: Sequence[Step], planned_seconds: int) -> list[int]:
    """The steps' seconds when their part is planned at ``planned_seconds`` (after a
    rebalance), in their proportions, each at least a minute where the part allows."""
    floor = 60 if planned_seconds >= 60 * len(steps) else 0
    return apportion([s.minutes for s in steps], max(planned_seconds, 0), floor)


def least_seconds(steps: Sequence[Step]) -> int:
    """The least a structured part can be shortened to: a minute a step."""
    return 60 * len(steps)


def _box(mark: StructureMark) -> int:
    return mark.boxes[0] if mark.boxes else DEFAULT_BOX


def _once(shapes: Sequence[StepShape], shares: Sequence[int]) -> list[Step]:
    return [Step(s.name, s.cue, shares[i]) for i, s in enumerate(shapes)]
