"""A group's meeting agenda: its usual agenda, opened with what the group carries.

:func:`meeting_agenda` puts up to two parts before the agenda's own:

1. "Reading our agreements", when at least one newcomer is present and the group has
   agreements: each agreement is a prompt, so the participant view shows them large;
2. "From last time", when the group has open items: each item is a prompt, in the order
   they were carried.

Their time is taken from the agenda's first parts that are not fixed, in order, each
kept at one minute at least (a rebalance's floor too), so the meeting keeps its length
whenever the agenda has that much to give.
"""

from __future__ import annotations

from circlekeeper.sessions.groups.model import Group
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part

__all__ = [
    "AGREEMENTS_MINUTES",
    "AGREEMENTS_TITLE",
    "FROM_LAST_TIME_TITLE",
    "meeting_agenda",
    "take_minutes",
]

AGREEMENTS_TITLE = "Reading our agreements"
FROM_LAST_TIME_TITLE = "From last time"
AGREEMENTS_MINUTES = 3
"""Long enough to read a handful of agreements aloud and ask if anyone has a question."""
FLOOR_MINUTES = 1
"""A part given up for the opening parts keeps at least this much."""

_AGREEMENTS_GUIDANCE = (
    "Someone new is here: read the group's agreements aloud and ask whether everyone can "
    "keep them. Invite questions."
)
_FROM_LAST_TIME_GUIDANCE = (
    "What the group carried from its last meeting. Press l to mark each item done, "
    "carried again or dropped; an item not marked stays open."
)


def take_minutes(parts: tuple[Part, ...], minutes: int) -> tuple[tuple[Part, ...], int]:
    """Shorten the first parts that are not fixed by up to ``minutes`` in all.

    Returns:
        The parts, and the minutes actually taken (less than asked when the parts that
        can give are already short).
    """
    left = minutes
    shortened = []
    for part in parts:
        give = 0 if part.fixed else max(0, min(left, part.minutes - FLOOR_MINUTES))
        left -= give
        shortened.append(part if give == 0 else part._replace(minutes=part.minutes - give))
    return tuple(shortened), minutes - left


def _opening_part(title: str, minutes: int, prompts: tuple[str, ...], guidance: str) -> Part:
    return Part(
        title=title,
        minutes=minutes,
        line=0,
        prompts=tuple(Block(text=p, line=0) for p in prompts),
        guidance=(Block(text=guidance, line=0),),
    )


def meeting_agenda(agenda: Agenda, group: Group, *, newcomers: int) -> Agenda:
    """The agenda of ``group``'s next meeting: ``agenda``, opened as the group needs."""
    opening: list[Part] = []
    if newcomers > 0 and group.agreements:
        opening.append(
            _opening_part(
                AGREEMENTS_TITLE, AGREEMENTS_MINUTES, group.agreements, _AGREEMENTS_GUIDANCE
            )
        )
    if group.items and group.from_last_time_minutes > 0:
        opening.append(
            _opening_part(
                FROM_LAST_TIME_TITLE,
                group.from_last_time_minutes,
                tuple(f"{item.kind.label}: {item.text}" for item in group.items),
                _FROM_LAST_TIME_GUIDANCE,
            )
        )
    if not opening:
        return agenda
    parts, _ = take_minutes(agenda.parts, sum(p.minutes for p in opening))
    return agenda._replace(parts=(*opening, *parts))
