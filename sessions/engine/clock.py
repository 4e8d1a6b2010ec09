"""Clocks: a monotonic one for durations and a wall clock for the record.

Everything that measures time takes a :class:`Clock`, so tests can pass a
:class:`FakeClock` and move time by hand instead of sleeping.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    """What the session engine and the timers need to know about time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go backwards."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware."""
        ...


class SystemClock:
    """The real clocks of this machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(timezone.utc).astimezone()


class FakeClock:
    """A clock that moves only when told to, for tests and benchmarks."""

    def __init__(self, start: datetime | None = None) -> None:
        self._start = start or datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)
        self._elapsed = 0.0

    def monotonic(self) -> float:
        return 1000.0 + self._elapsed

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> None:
        """Move both clocks forward together."""
        step = seconds + minutes * 60
        if step < 0:
            raise ValueError("a clock never goes backwards")
        self._elapsed += step
