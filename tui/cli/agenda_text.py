"""An agenda as plain lines of text, for ``templates show`` and for reading in a pager.

What is for the facilitator only (opening words, guidance) is labelled so, because a
facilitator may paste this text somewhere participants can read it.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator

from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.sessions.structures.attendance import attendance_problem
from circlekeeper.sessions.structures.spoken import (
    spoken_cue,
    spoken_name,
    spoken_title,
    spoken_who,
)
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource
from circlekeeper.sessions.templates.errors import Problem
from circlekeeper.tui.text import PROMPT_CHARS, TITLE_CHARS, clipped

MAX_WIDTH = 100
"""Lines longer than this are hard to read, however wide the terminal."""


def _width() -> int:
    return max(40, min(MAX_WIDTH, shutil.get_terminal_size((MAX_WIDTH, 24)).columns))


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def timing_words(part: Part) -> str:
    """A part's timing in words, like ``15 min, round of 2 min a speaker, fixed``."""
    words = [_("{minutes} min").format(minutes=part.minutes)]
    if part.round_minutes is not None:
        words.append(_("round of {minutes} min a speaker").format(minutes=part.round_minutes))
    if part.structure is not None:
        words.append(part.structure.words())
    if part.fixed:
        words.append(_("fixed"))
    return ", ".join(words)


def resource_line(resource: Resource) -> str:
    """A resource as ``Title <url>``, with ``(crisis)`` when it is the crisis resource."""
    mark = "  (" + _("crisis") + ")" if resource.crisis else ""
    return f"{clipped(resource.title)} <{clipped(resource.url, 2048)}>{mark}"


def _wrapped(blocks: tuple[Block, ...], first: str, rest: str, apart: bool = True) -> Iterator[str]:
    """Blocks wrapped to the terminal; ``apart`` leaves a blank line between them."""
    width = _width()
    for index, block in enumerate(blocks):
        if apart and index:
            yield rest.rstrip()
        text = clipped(block.text, PROMPT_CHARS)
        yield from textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest) or [
            first.rstrip()
        ]


def agenda_lines(agenda: Agenda) -> Iterator[str]:
    """The whole agenda, readably: title, parts with their times, prompts, guidance and
    resources."""
    title = clipped(agenda.title, TITLE_CHARS)
    yield title
    yield "=" * min(len(title), _width())
    if agenda.summary:
        yield agenda.summary
    if agenda.audience:
        yield _("For: {audience}").format(audience=agenda.audience)
    count = len(agenda.parts)
    length = ngettext(
        "{minutes} min in {count} part  (template: {name})",
        "{minutes} min in {count} parts  (template: {name})",
        count,
    )
    yield length.format(minutes=agenda.minutes, count=count, name=agenda.name)
    if agenda.intro:
        yield ""
        yield _("Opening words (facilitator only):")
        yield from _wrapped(agenda.intro, "  ", "  ")
    start = 0
    for number, part in enumerate(agenda.parts, start=1):
        yield ""
        yield f"{number}. {clipped(part.title)}  [{_clock(start)}, {timing_words(part)}]"
        start += part.minutes
        yield from _steps(part)
        if part.text:
            yield "   " + _("To read out (facilitator view):")
            yield from _wrapped(part.text, "     ", "     ")
        if part.prompts:
            yield "   " + _("Prompts (shown to participants):")
            yield from _wrapped(part.prompts, "     - ", "       ", apart=False)
        if part.guidance:
            yield "   " + _("Guidance (facilitator only):")
            yield from _wrapped(part.guidance, "     > ", "     > ")
        for resource in part.resources:
            yield "   " + _("Resource: {resource}").format(resource=resource_line(resource))
    yield ""
    yield _("Ends at {time}.").format(time=_clock(start))
    if agenda.resources:
        yield ""
        yield _("Resources (shown as QR codes):")
        for resource in agenda.resources:
            yield f"  - {resource_line(resource)}"


def _steps(part: Part) -> Iterator[str]:
    """A structured part's steps, one a line: minutes, whose turn, the step and its cue."""
    if not part.steps:
        return
    title = spoken_title(part.structure.structure.title) if part.structure else ""
    yield "   " + _("Steps ({structure}):").format(structure=title)
    for step in part.steps:
        who = f"{spoken_who(step.who)} · " if step.who else ""
        minutes = _("{minutes} min").format(minutes=f"{step.minutes:>3}")
        yield f"     {minutes}  {who}{spoken_name(step.name)}: {spoken_cue(step.cue)}"


def structure_problems(agenda: Agenda, path: str, attendance: int) -> list[Problem]:
    """The structured parts of ``agenda`` that do not fit ``attendance`` people."""
    problems = []
    for part in agenda.parts:
        if part.structure is not None:
            message = attendance_problem(part.structure, part.minutes, attendance)
            if message is not None:
                problems.append(Problem(path, part.line, message))
    return problems
