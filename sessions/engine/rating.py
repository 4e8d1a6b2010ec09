"""The end-of-session rating check, as the session record keeps it.

Four items in the style of the Group Session Rating Scale, each answered 0 to 10: felt
heard, the topics mattered, the way we worked, overall. The record keeps only how many
answered and each item's mean, as one ``rating`` event (a later one replaces it, so the
check can be taken again); the facilitator record exports it as ``rating_check``, which
the group and coordinator reports read. It comes from the phones (a drop-box poll) or
from hands counted in the room: both save through :func:`record_rating`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from circlekeeper.sessions.engine.events import EventType
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import _

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.recorder import Recorder

Means = tuple[float, float, float, float]
"""Each item's mean, in the order felt heard, the topics mattered, the way we worked, overall."""

ITEMS = ("felt heard", "the topics mattered", "the way we worked", "overall")
"""The four items in the words a facilitator reads them, in the order of :data:`Means`."""

MAX_ANSWERS = 1000
"""More answers than any group has: a number beyond it is a slip."""


def record_rating(recorder: Recorder, answers: int, means: Means) -> tuple[int, Means]:
    """Save the rating check as an event, before anyone is shown it.

    Allowed while the session runs and after its end, never in a session opened for
    reading.

    Returns:
        What was saved: the number of answers and the four means, rounded to 0.1.

    Raises:
        SessionError: nobody answered, or a mean is not a number from 0 to 10.
    """
    recorder.require_writable()
    saved = checked(answers, means)
    recorder.append(EventType.RATING, answers=saved[0], means=list(saved[1]))
    return saved


def checked(answers: object, means: object) -> tuple[int, Means]:
    """``answers`` and ``means`` as the record keeps them.

    Raises:
        SessionError: nobody answered, or a mean is not a number from 0 to 10.
    """
    if isinstance(answers, bool) or not isinstance(answers, int):
        message = _("the number who answered must be a whole number, not {answers}")
        raise SessionError(message.format(answers=repr(answers)))
    if not 0 < answers <= MAX_ANSWERS:
        message = _("a rating needs from 1 to {most} answers, not {answers}")
        raise SessionError(message.format(most=MAX_ANSWERS, answers=answers))
    if not isinstance(means, (tuple, list)) or len(means) != 4:
        raise SessionError(_("a rating needs a mean for each of its four items"))
    values = []
    for item, mean in zip(ITEMS, means, strict=True):
        if isinstance(mean, bool) or not isinstance(mean, (int, float)):
            message = _("the mean for {item} is not a number: {mean}")
            raise SessionError(message.format(item=repr(item), mean=repr(mean)))
        if not math.isfinite(mean) or not 0 <= mean <= 10:
            message = _("the mean for {item} must be from 0 to 10, not {mean}")
            raise SessionError(message.format(item=repr(item), mean=mean))
        values.append(round(float(mean), 1))
    return answers, (values[0], values[1], values[2], values[3])


def from_event(event: dict[str, Any]) -> tuple[int, Means]:
    """The rating an event saved.

    Raises:
        ValueError: the event is damaged.
    """
    try:
        return checked(event["answers"], tuple(event["means"]))
    except SessionError as error:
        raise ValueError(str(error)) from None
