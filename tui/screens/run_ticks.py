"""When the run screen next reads the clock: as the part's countdown turns to its next second.

Polling a few times a second woke a laptop four times as often as a clock needs to, for
ninety minutes at a time. The countdown shows whole seconds of the part's running time,
so its text changes only as that time crosses a whole second; the screen reads the engine
just after that moment and sleeps until the next. The speaker's time and the session's
time turn over once a second too, each shown within a second of its turn.
"""

from __future__ import annotations

import math

from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.status import Status

LATE_BY = 0.01
"""Seconds after the turn of a second to read it, so the new second is surely there."""
STOPPED_SECONDS = 1.0
"""How often a screen whose timer stands still reads the clock (its projected end moves)."""


def seconds_to_next_tick(status: Status) -> float:
    """How long after ``status`` was read to read the clock again.

    While the timer runs, just past the moment the part's running time reaches its next
    whole second, when both the countdown and the overrun turn over; otherwise
    :data:`STOPPED_SECONDS`.
    """
    if status.state is not SessionState.RUNNING:
        return STOPPED_SECONDS
    elapsed = status.part_elapsed
    to_next = math.floor(elapsed) + 1 - elapsed
    return to_next + LATE_BY
