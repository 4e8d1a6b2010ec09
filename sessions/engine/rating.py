"""The end-of-session rating check: four items, each 0 to 10, saved as one event.

In the style of the Group Session Rating Scale, the group says how it went on four items
(:data:`~circlekeeper.sessions.reports.figures.RATING_ITEMS`: felt heard, the topics
mattered, the way we worked, overall). Only how many answered and each item's mean are
kept, never who said what. Whether the answers came from phones (the drop-box) or from
hands counted in the room, they are saved the same way, by :func:`record_rating`, as a
``rating`` event in the session's record; :func:`rating_of` reads the newest one back,
so a check taken again replaces the first, and the facilitator record carries it as
``rating_check`` for the reports.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from circlekeeper.sessions.engine.events import EventType
from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.reports.figures import RATING_ITEMS, Rating

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.recorder import Recorder
    from circlekeeper.sessions.storage.record import SessionRecord

__all__ = ["record_rating", "rating_of"]

TOP = 10
"""The top of each item's scale (the bottom is 0)."""


def record_rating(
    recorder: Recorder, answers: int, means: tuple[float, float, float, float]
) -> Rating:
    """Check the rating and save it as an event before anything shows it.

    It may be saved during the session or after its end, but not in a session opened
    only for reading.

    Raises:
        SessionError: ``answers`` is not a count of people from 1, a mean is not a number
            from 0 to 10, or the session cannot be written.
    """
    recorder.require_writable()
    rating = _checked(answers, means)
    fields: dict[str, Any] = dict(zip(RATING_ITEMS, rating.means, strict=True))
    recorder.append(EventType.RATING, answers=rating.answers, **fields)
    return rating


def rating_of(record: SessionRecord) -> Rating | None:
    """The newest rating check saved in ``record``, or ``None`` when none was taken.

    A damaged rating event is passed over, as if that check had not been taken.
    """
    for event in reversed(record.events()):
        if event.get("type") == EventType.RATING.value:
            try:
                return _from_event(event)
            except SessionError:
                continue
    return None


def _from_event(event: dict[str, Any]) -> Rating:
    means = tuple(event.get(item) for item in RATING_ITEMS)
    return _checked(event.get("answers"), means)


def _checked(answers: object, means: tuple[object, ...]) -> Rating:
    if isinstance(answers, bool) or not isinstance(answers, int):
        raise SessionError("the number who answered must be a whole number")
    if not 1 <= answers <= MAX_ATTENDANCE:
        raise SessionError(f"the number who answered must be from 1 to {MAX_ATTENDANCE}")
    if len(means) != len(RATING_ITEMS):
        raise SessionError(f"a rating has {len(RATING_ITEMS)} items, not {len(means)}")
    checked = []
    for item, mean in zip(RATING_ITEMS, means, strict=True):
        if isinstance(mean, bool) or not isinstance(mean, (int, float)):
            raise SessionError(f"the mean for {item!r} is not a number")
        if not math.isfinite(mean) or not 0 <= mean <= TOP:
            raise SessionError(f"the mean for {item!r} must be from 0 to {TOP}")
        checked.append(round(float(mean), 2))
    return Rating(answers, (checked[0], checked[1], checked[2], checked[3]))
