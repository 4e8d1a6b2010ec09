"""How times read on screen: a countdown as m:ss, a length in minutes, a time of day."""

from __future__ import annotations

from datetime import datetime


def mmss(seconds: float) -> str:
    """``seconds`` as ``m:ss`` (or ``h:mm:ss`` past an hour), rounded down."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def minutes(seconds: float) -> str:
    """A length in whole minutes, in words: ``1 min``, ``12 min``."""
    return f"{round(seconds / 60)} min"


def time_of_day(moment: datetime) -> str:
    """A local time of day, ``18:42``."""
    return moment.astimezone().strftime("%H:%M")
