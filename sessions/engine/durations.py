"""How a length of time reads in words, the same on screen and in every export."""

from __future__ import annotations


def minutes_text(seconds: float) -> str:
    """A duration in whole minutes, or seconds when under a minute: ``12 min``, ``40 s``.

    A part that ran for 40 seconds reads as ``40 s``, not as ``0 min``, which looks
    like a part that never ran.
    """
    seconds = max(0.0, seconds)
    if seconds < 59.5:
        return f"{round(seconds)} s"
    return f"{round(seconds / 60)} min"


def length_text(seconds: float) -> str:
    """A length as it happened, to the second: ``2 min 33 s``, ``12 min``, ``40 s``.

    Rounded to whole minutes, a part that ran 2:33 of 1:00 read as "3 min (+2 min)",
    which no one could add up; the summary screen and every export's timeline say it
    this way instead.
    """
    whole = max(0, round(seconds))
    mins, secs = divmod(whole, 60)
    if not mins:
        return f"{secs} s"
    return f"{mins} min {secs} s" if secs else f"{mins} min"
