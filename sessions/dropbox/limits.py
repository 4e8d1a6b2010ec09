"""The room's rate limit: how many cards the whole room may send in a minute.

The drop-box knows nothing about who sent what (it keeps no address), so the limit is
for the room as a whole: a sliding window over the last 60 seconds of the clock's
monotonic time. It remembers only the moments of the accepted cards within that
window, at most ``per_minute`` of them, and never links a moment to a card.
"""

from __future__ import annotations

from collections import deque

from circlekeeper.sessions.engine.clock import Clock

WINDOW_SECONDS = 60.0

DEFAULT_PER_MINUTE = 20
"""Plenty for a group of 15 writing by hand; a phone sending in a loop hits it at once."""


class RoomLimit:
    """At most ``per_minute`` cards from the whole room in any 60 seconds.

    Args:
        clock: where time comes from (only its monotonic time is read).
        per_minute: the number of cards allowed in any 60 seconds.
    """

    def __init__(self, clock: Clock, per_minute: int = DEFAULT_PER_MINUTE) -> None:
        if per_minute < 1:
            raise ValueError(f"the room needs at least 1 card a minute, not {per_minute}")
        self.clock = clock
        """Where time comes from."""
        self.per_minute = per_minute
        """Cards allowed in any 60 seconds."""
        self._moments: deque[float] = deque()

    def try_take(self) -> bool:
        """Count one card if the room is under its limit; ``False`` (nothing counted) if not."""
        now = self.clock.monotonic()
        while self._moments and now - self._moments[0] >= WINDOW_SECONDS:
            self._moments.popleft()
        if len(self._moments) >= self.per_minute:
            return False
        self._moments.append(now)
        return True

    def retry_after(self) -> int:
        """Whole seconds until the next card would be accepted (0 when it would be now)."""
        if len(self._moments) < self.per_minute:
            return 0
        wait = WINDOW_SECONDS - (self.clock.monotonic() - self._moments[0])
        return max(0, int(wait + 0.999))
