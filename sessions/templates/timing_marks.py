"""The timing marks at the end of a part's heading: ``(15 min, round 2 min, fixed)``.

Reading is lenient about case, spacing and ``min``/``mins``/``minute(s)``; what cannot be
understood becomes a message rather than a guess. Minutes are written with the digits 0-9
only: Python would read Arabic-Indic or Devanagari digits as numbers too, but a reader of
the file might not, and the two must agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.expand import too_short
from circlekeeper.sessions.structures.marks import StructureMark, read_structure
from circlekeeper.sessions.templates.keyword_hints import mark_hint, marks_hints

MAX_MINUTES = 8 * 60
"""The longest part or speaking turn that makes sense: anything longer is a typing slip."""

LENGTH_EXAMPLE = "(10 min)"
"""How a part's length is written, for messages."""

_UNIT = r"(?:m|mins?|minutes?)\.?"
_LENGTH = re.compile(rf"^([+-]?[0-9]+)\s*{_UNIT}$", re.IGNORECASE)
_ROUND = re.compile(rf"^round\s*(?:of\s*)?([+-]?[0-9]+)\s*{_UNIT}(?:\s*(?:each|a speaker))?$", re.I)
_FIXED = re.compile(r"^fixed$", re.IGNORECASE)
_TRAILING = re.compile(r"\(([^()]*)\)\s*$")


@dataclass
class HeadingTiming:
    """A heading split into its title and its timing marks."""

    title: str
    """The heading without the timing marks."""
    minutes: int | None = None
    """The part's length, when given."""
    round_minutes: int | None = None
    """Minutes a speaker, when the part is a speaking round."""
    fixed: bool = False
    """Whether ``fixed`` was written."""
    structure: StructureMark | None = None
    """The structure the part names (``troika``), if any."""
    has_marks: bool = False
    """Whether the heading ends with something meant as timing marks."""
    messages: list[str] = field(default_factory=list)
    """What is wrong with the marks."""


def _whole(digits: str) -> int:
    # Python refuses to convert thousands of digits; any such number is far too long anyway.
    return int(digits) if len(digits) <= 12 else 10**12


def other_digits(text: str) -> str:
    """The digits in ``text`` that are not 0-9 (Arabic-Indic, Devanagari...), in order."""
    return "".join(ch for ch in text if ch.isdigit() and not ch.isascii())


def _looks_like_marks(items: list[str]) -> bool:
    if any(other_digits(i) for i in items):
        return True
    return any(_LENGTH.match(i) or _ROUND.match(i) or _FIXED.match(i) for i in items)


def read_heading(heading: str) -> HeadingTiming:
    """Split a ``##`` heading into a title and its timing marks.

    A heading whose trailing parentheses hold no timing mark at all, like
    ``## Agreements (and why)``, is all title and has no marks.
    """
    heading = " ".join(heading.split())
    found = _TRAILING.search(heading)
    items = [i.strip() for i in found.group(1).split(",")] if found else []
    if found is None or not _looks_like_marks(items):
        message = _("a part needs its length, e.g. {example}").format(example=LENGTH_EXAMPLE)
        hints = marks_hints(found.group(1)) if found else []
        return HeadingTiming(title=heading, messages=["; ".join([message, *hints])])
    timing = HeadingTiming(title=heading[: found.start()].strip(), has_marks=True)
    others = other_digits(found.group(1))
    if others:
        timing.messages.append(
            _(
                "the timing marks are written with digits other than 0-9 ({digits}); "
                "write minutes with 0-9, e.g. {example}"
            ).format(digits=others, example=LENGTH_EXAMPLE)
        )
        return timing
    unread: list[str] = []
    for item in items:
        if length := _LENGTH.match(item):
            if timing.minutes is not None:
                timing.messages.append(_("the part's length is given twice"))
            timing.minutes = _whole(length.group(1))
        elif turn := _ROUND.match(item):
            if timing.round_minutes is not None:
                timing.messages.append(_("the round's minutes a speaker are given twice"))
            timing.round_minutes = _whole(turn.group(1))
        elif _FIXED.match(item):
            timing.fixed = True
        else:
            unread.append(item)
    # A word of another language for a keyword gets a hint naming the English one; what
    # is left names a structure, or is a slip.
    for item in [i for i in unread if mark_hint(i)]:
        message = _("'{item}' is not a timing mark; {hint}")
        timing.messages.append(message.format(item=item, hint=mark_hint(item)))
        unread.remove(item)
    timing.structure, problems = read_structure(unread)
    timing.messages.extend(problems)
    timing.messages.extend(_range_messages(timing))
    if timing.structure is not None and timing.round_minutes is not None:
        timing.messages.append(_("a part is a speaking round or a structure, not both"))
    elif timing.structure is not None and not timing.messages and timing.minutes is not None:
        timing.messages.extend(filter(None, [too_short(timing.structure, timing.minutes)]))
    return timing


def _range_messages(timing: HeadingTiming) -> list[str]:
    messages = []
    if timing.minutes is None:
        messages.append(_("a part needs its length, e.g. {example}").format(example=LENGTH_EXAMPLE))
    elif timing.minutes <= 0:
        message = _("a part must last at least 1 minute, not {minutes}")
        messages.append(message.format(minutes=timing.minutes))
    elif timing.minutes > MAX_MINUTES:
        message = _("a part of {minutes} minutes is longer than 8 hours; is it a typing slip?")
        messages.append(message.format(minutes=timing.minutes))
    rounds = timing.round_minutes
    if rounds is None:
        return messages
    if rounds <= 0:
        message = _("a round gives each speaker at least 1 minute, not {minutes}")
        messages.append(message.format(minutes=rounds))
    elif rounds > MAX_MINUTES:
        message = _(
            "a round of {minutes} minutes a speaker is longer than 8 hours; is it a typing slip?"
        )
        messages.append(message.format(minutes=rounds))
    elif timing.minutes is not None and 0 < timing.minutes < rounds:
        message = _(
            "a round of {round} minutes a speaker does not fit in a part of {minutes} minutes"
        )
        messages.append(message.format(round=rounds, minutes=timing.minutes))
    return messages
