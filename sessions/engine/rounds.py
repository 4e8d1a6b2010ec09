"""Speaking rounds: turns counted, never named.

A round gives each person present the same few minutes. The facilitator moves the turn
on when a speaker has finished or passes; once the last person has had a turn, those
who passed are offered a turn again, then the round is done. Only counts are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlekeeper.sessions.engine.timeline import RoundRecord


@dataclass(frozen=True)
class RoundStatus:
    """A snapshot of a speaking round for the screen."""

    minutes_a_speaker: int
    """The planned minutes for each speaker."""
    speaker: int
    """The current speaker's place in the first pass (1-based): "speaker 3 of 8"."""
    of: int
    """The number of turns in the first pass: the attendance."""
    speaker_elapsed: float
    """Running seconds the current speaker has had."""
    speaker_left: float
    """Seconds left for the current speaker (0 once over)."""
    speaker_overrun: float
    """Seconds the current speaker has gone past their minutes."""
    passed: int
    """How many passed in the first pass."""
    offering_again: bool
    """The first pass is over and those who passed are being offered a turn again."""
    again_speaker: int
    """While offering again: which of those who passed is being offered (1-based)."""
    again_of: int
    """While offering again: how many passed in the first pass."""
    done: bool
    """Everyone has had their turn (or passed twice)."""
    turns_fit: int
    """Whole turns that fit in the part's current planned time."""


@dataclass
class RoundProgress:
    """The running state of one round part, rebuilt by replaying the event log."""

    minutes_a_speaker: int
    """The planned minutes for each speaker."""
    turn_started_ms: int = 0
    """The part's running milliseconds when the current turn began."""
    turn: int = 1
    """The current place in the first pass (1-based)."""
    passed: int = 0
    """How many passed in the first pass."""
    again: int = 0
    """0 in the first pass; then which of those who passed is being offered a turn."""
    again_of: int = 0
    """How many are offered a turn again (fixed when the first pass ends)."""
    spoke: int = 0
    """Turns taken in the first pass."""
    spoke_again: int = 0
    """Turns taken when offered again."""
    declined: int = 0
    """Passes when offered again."""
    done: bool = False
    """The round is over."""

    def advance(self, *, passed: bool, attendance: int, part_ms: int) -> None:
        """End the current turn, spoken or passed, and move to the next one.

        Args:
            passed: the speaker passed instead of speaking.
            attendance: the number of people present now (turns in the first pass).
            part_ms: the part's running milliseconds now; the next turn starts here.
        """
        if self.done:
            return
        if not self.again:
            if passed:
                self.passed += 1
            else:
                self.spoke += 1
            # Attendance may have been lowered below the current turn: that also ends
            # the first pass.
            if self.turn < attendance:
                self.turn += 1
            elif self.passed:
                self.again, self.again_of = 1, self.passed
            else:
                self.done = True
        else:
            if passed:
                self.declined += 1
            else:
                self.spoke_again += 1
            if self.again < self.again_of:
                self.again += 1
            else:
                self.done = True
        self.turn_started_ms = part_ms

    def status(self, *, attendance: int, part_ms: int, planned_seconds: int) -> RoundStatus:
        """A snapshot given the part's running milliseconds and its planned length."""
        elapsed = 0.0 if self.done else max(0, part_ms - self.turn_started_ms) / 1000
        allowed = self.minutes_a_speaker * 60
        return RoundStatus(
            minutes_a_speaker=self.minutes_a_speaker,
            speaker=self.turn,
            of=max(attendance, self.turn),
            speaker_elapsed=elapsed,
            speaker_left=0.0 if self.done else max(0.0, allowed - elapsed),
            speaker_overrun=max(0.0, elapsed - allowed),
            passed=self.passed,
            offering_again=bool(self.again) and not self.done,
            again_speaker=self.again,
            again_of=self.again_of,
            done=self.done,
            turns_fit=turns_that_fit(planned_seconds, self.minutes_a_speaker),
        )

    def record(self) -> RoundRecord:
        """The counts kept for the session's record."""
        return RoundRecord(
            minutes_a_speaker=self.minutes_a_speaker,
            spoke=self.spoke,
            passed=self.passed,
            spoke_when_offered_again=self.spoke_again,
            declined=self.declined,
            done=self.done,
        )


def turns_that_fit(planned_seconds: float, minutes_a_speaker: int) -> int:
    """How many whole turns of ``minutes_a_speaker`` fit in ``planned_seconds``."""
    if minutes_a_speaker <= 0:
        return 0
    return int(planned_seconds // (minutes_a_speaker * 60))
