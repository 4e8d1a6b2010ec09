"""How times read on screen: a countdown as m:ss, a length in minutes, a time of day."""

from __future__ import annotations

from datetime import datetime

from circlekeeper.sessions.engine.durations import length_text, minutes_text
from circlekeeper.sessions.languages.speaking import current_language


def mmss(seconds: float) -> str:
    """``seconds`` as ``m:ss`` (or ``h:mm:ss`` past an hour), rounded down."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def elapsed(seconds: float) -> str:
    """Time gone by, with its units so it never reads as a time of day: ``12m05s``, ``1h02m``."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}h{mins:02d}m" if hours else f"{mins}m{secs:02d}s"


def minutes(seconds: float) -> str:
    """A length in words: ``12 min``, or ``40 s`` under a minute (as in the exports)."""
    return minutes_text(seconds)


def minutes_and_seconds(seconds: float) -> str:
    """A length as it happened, to the second: ``2 min 33 s``, as the exports say it."""
    return length_text(seconds)


def time_of_day(moment: datetime) -> str:
    """A local time of day as the language spoken writes it: ``18:42``, ``6:42 PM``."""
    return current_language().time(moment.astimezone())
