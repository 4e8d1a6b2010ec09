"""Following a structured part's steps while a session runs.

The facilitator moves the structure on a step at a time, as they move a round on a
speaker at a time; nothing moves by itself. :class:`StepProgress` is rebuilt by replaying
the session's ``step`` events; each step's planned seconds follow the part's plan, so a
rebalance that shortens the part shortens its steps in proportion (see
:func:`~.expand.step_seconds`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from circlekeeper.sessions.structures.expand import Step, step_seconds


@dataclass(frozen=True)
class StepStatus:
    """A snapshot of a structured part's current step, for the screen."""

    step: Step
    """The current step."""
    number: int
    """Its place among the part's steps (1-based)."""
    of: int
    """How many steps the part has."""
    planned: int
    """The step's planned seconds now (after any rebalance in force)."""
    elapsed: float
    """Running seconds spent in the step."""
    left: float
    """Seconds left in the step (0 once over)."""
    overrun: float
    """Seconds the step has run past its plan."""
    next: Step | None
    """The step after it; ``None`` on the last."""


@dataclass(frozen=True)
class StepRecord:
    """One step of a structured part, planned against actual, for the record."""

    name: str
    """The step's name."""
    who: str
    """``Client 2 of 3``, or empty for a step taken once."""
    planned_seconds: int
    """Planned seconds (after any rebalance in force)."""
    actual_seconds: float
    """Running seconds spent in it."""


@dataclass
class StepProgress:
    """The running state of one structured part, rebuilt by replaying the event log."""

    steps: tuple[Step, ...]
    """The part's steps, from its structure."""
    started_ms: int = 0
    """The part's running milliseconds when the current step began."""
    current: int = 0
    """The current step's index."""
    ran_ms: list[int] = field(default_factory=list)
    """Running milliseconds of each step already left."""

    def __post_init__(self) -> None:
        if not self.ran_ms:
            self.ran_ms = [0] * len(self.steps)

    @property
    def last(self) -> bool:
        """The current step is the part's last."""
        return self.current >= len(self.steps) - 1

    def advance(self, part_ms: int) -> None:
        """Move to the next step at the part's running milliseconds ``part_ms``."""
        if self.last:
            raise ValueError("no step after the last")
        self.ran_ms[self.current] += max(0, part_ms - self.started_ms)
        self.current += 1
        self.started_ms = part_ms

    def status(self, part_ms: int, planned_seconds: int) -> StepStatus:
        """A snapshot given the part's running milliseconds and its planned seconds."""
        planned = step_seconds(self.steps, planned_seconds)[self.current]
        elapsed = max(0, part_ms - self.started_ms) / 1000
        return StepStatus(
            step=self.steps[self.current],
            number=self.current + 1,
            of=len(self.steps),
            planned=planned,
            elapsed=elapsed,
            left=max(0.0, planned - elapsed),
            overrun=max(0.0, elapsed - planned),
            next=None if self.last else self.steps[self.current + 1],
        )

    def still_to_do(self, part_ms: int, planned_seconds: int) -> float:
        """Seconds the part still needs if its steps to come keep their time: what is left
        of the current step (none once it is over) and every later step's plan."""
        now = self.status(part_ms, planned_seconds)
        plan = step_seconds(self.steps, planned_seconds)
        return now.left + sum(plan[self.current + 1 :])

    def record(self, part_ms: int, planned_seconds: int) -> tuple[StepRecord, ...]:
        """Every step, planned against actual, the current one counted up to ``part_ms``."""
        if not self.steps:
            return ()
        ran = list(self.ran_ms)
        ran[self.current] += max(0, part_ms - self.started_ms)
        plan = step_seconds(self.steps, planned_seconds)
        return tuple(
            StepRecord(s.name, s.who, plan[i], ran[i] / 1000) for i, s in enumerate(self.steps)
        )
