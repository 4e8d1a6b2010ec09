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
