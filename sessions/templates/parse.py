"""Reading markdown agenda templates into :class:`Agenda` values, and checking them.

A template is a markdown file that reads well on its own: YAML front matter, a ``#``
title with opening words for the facilitator, one ``## Part (N min)`` heading a part,
and an optional ``## Resources`` list of links. Everything wrong with a file is reported
at once, each problem as ``path:line: message``.

Example:
    >>> agenda = load_template_file(Path("check-in.md"))   # doctest: +SKIP
    >>> [part.minutes for part in agenda.parts]             # doctest: +SKIP
    [10, 15, 10]
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.languages.tags import normal_tag
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource
from circlekeeper.sessions.templates.errors import Problem, TemplateError, sort_problems
from circlekeeper.sessions.templates.files import name_problem, read_template_bytes
from circlekeeper.sessions.templates.keyword_hints import resources_hint
from circlekeeper.sessions.templates.links import check_one_crisis, resource_list
from circlekeeper.sessions.templates.sections import Section, read_blocks, split_sections
from circlekeeper.sessions.templates.source import Source, decode, read_front_matter
from circlekeeper.sessions.templates.timing_marks import LENGTH_EXAMPLE, read_heading

__all__ = [
    "FRONT_MATTER_FIELDS",
    "Problem",
    "TemplateError",
    "check_template",
    "check_template_file",
    "load_template_file",
    "parse_template",
    "read_template_bytes",
]

FRONT_MATTER_FIELDS: dict[str, type] = {
    "title": str,
    "summary": str,
    "duration": int,
    "audience": str,
    "language": str,
}
"""The keys a template's front matter may have, with the type of each value."""

RESOURCES_HEADING = "resources"
"""The ``##`` heading (in any case) of the section that lists resources."""


def parse_template(source: str | bytes, path: str | Path) -> Agenda:
    """Read a template's content into an agenda.

    Args:
        source: the file's content, as bytes or text.
        path: the file it came from: its stem is the agenda's name, and it starts
            every problem's message.

    Raises:
        TemplateError: with every problem found, sorted by line.
    """
    agenda, problems = check_template(source, path)
    if agenda is None:
        raise TemplateError(problems)
    return agenda


def check_template(source: str | bytes, path: str | Path) -> tuple[Agenda | None, list[Problem]]:
    """Read a template, returning the agenda (``None`` if it has problems) and the problems."""
    src = decode(source, str(path))
    if src.problems and not src.text:
        return None, sort_problems(src.problems)
    agenda = _build(src, Path(path).stem)
    problems = sort_problems(src.problems)
    return (None if problems else agenda), problems


def check_template_file(path: Path) -> list[Problem]:
    """Every problem with the template at ``path``; an empty list when it is fine.

    Never raises for a bad or unreadable file: that is a problem in the list.
    """
    badly_named = [p for p in [name_problem(path)] if p is not None]
    try:
        data = read_template_bytes(path)
    except TemplateError as error:
        return sort_problems([*error.problems, *badly_named])
    return sort_problems([*check_template(data, path)[1], *badly_named])


def load_template_file(path: Path) -> Agenda:
    """Read the template at ``path``.

    Raises:
        TemplateError: the file cannot be read, or has problems (all of them).
    """
    return parse_template(read_template_bytes(path), path)


def _build(src: Source, name: str) -> Agenda:
    front = read_front_matter(src, FRONT_MATTER_FIELDS)
    sections = split_sections(src.tokens)
    intro: list[Block] = []
    intro_links: list[Resource] = []
    heading_title = ""
    parts: list[Part] = []
    listed: list[Resource] = []
    seen_titles: dict[str, int] = {}
    resources_line = 0
    complete = True  # every part has a length, so their sum means something
    for section in sections:
        if section.level < 2:
            if section.level == 1 and heading_title:
                src.problem(section.line, _("a template has one # title; start parts with ##"))
            heading_title = heading_title or section.heading
            # Whatever comes before the first part is for the facilitator to read.
            blocks = read_blocks(section.tokens, src)
            intro += blocks.text + blocks.prompts + blocks.guidance
            intro_links += blocks.resources
        elif section.heading.strip().lower() == RESOURCES_HEADING:
            if resources_line:
                src.problem(
                    section.line,
                    _(
                        "a second Resources section; keep every resource in the one on line {line}"
                    ).format(line=resources_line),
                )
            resources_line = resources_line or section.line
            listed += resource_list(section.tokens, src)
        else:
            part = _part(section, src, seen_titles)
            if part is None:
                complete = False
            else:
                parts.append(part)
    check_one_crisis(listed, src)
    if not parts and complete:
        message = _("the template has no parts; add a heading like ## Welcome {example}")
        src.problem(1, message.format(example=LENGTH_EXAMPLE))
    declared = front.values.get("duration")
    if declared is not None:
        _check_duration(src, declared, front.lines["duration"], parts if complete else None)
    return Agenda(
        name=name,
        title=front.values.get("title") or heading_title or name,
        parts=tuple(parts),
        summary=front.values.get("summary", ""),
        audience=front.values.get("audience", ""),
        intro=tuple(sorted(intro, key=lambda b: b.line)),
        resources=_without_repeats(listed + intro_links + [r for p in parts for r in p.resources]),
        declared_minutes=declared,
        language=_language(src, front.values.get("language", ""), front.lines.get("language", 1)),
        source=src.text,
        body_line=next(
            (t.map[1] for t in src.tokens if t.type == "front_matter" and t.map is not None), 0
        ),
    )


def _part(section: Section, src: Source, seen_titles: dict[str, int]) -> Part | None:
    timing = read_heading(section.heading)
    hint = resources_hint(section.heading)
    # A Resources section in another language is no part at all: say only that.
    for message in [hint] if hint else timing.messages:
        src.problem(section.line, message)
    if timing.has_marks and not timing.title:
        src.problem(section.line, _("a part needs a title before its length"))
    key = timing.title.casefold()
    if key and key in seen_titles:
        src.problem(
            section.line,
            _("the part title '{title}' is used twice (first on line {line})").format(
                title=timing.title, line=seen_titles[key]
            ),
        )
    seen_titles.setdefault(key, section.line)
    blocks = read_blocks(section.tokens, src)
    if timing.messages or timing.minutes is None:
        return None
    return Part(
        title=timing.title,
        minutes=timing.minutes,
        line=section.line,
        round_minutes=timing.round_minutes,
        fixed=timing.fixed,
        text=tuple(blocks.text),
        prompts=tuple(blocks.prompts),
        guidance=tuple(blocks.guidance),
        resources=tuple(blocks.resources),
        structure=timing.structure,
    )


def _check_duration(src: Source, declared: int, line: int, parts: list[Part] | None) -> None:
    if declared <= 0:
        message = _("'duration' should be at least 1 minute, not {value}")
        src.problem(line, message.format(value=declared))
        return
    if parts:
        total = sum(p.minutes for p in parts)
        if total != declared:
            src.problem(
                line,
                _(
                    "the front matter says {declared} minutes but the parts add up to {total}; "
                    "change one, or leave duration out"
                ).format(declared=declared, total=total),
            )


def _language(src: Source, written: str, line: int) -> str:
    """The front matter's ``language`` as a tag (``de``), noting one that is not a tag."""
    if not written:
        return ""
    tag = normal_tag(written)
    if tag is None:
        src.problem(
            line,
            _("'language' should be a language tag like de, es or pt-BR, not {value}").format(
                value=repr(written)
            ),
        )
        return ""
    return tag


def _without_repeats(resources: list[Resource]) -> tuple[Resource, ...]:
    kept: dict[str, Resource] = {}
    for resource in resources:
        kept.setdefault(resource.url, resource)
    return tuple(kept.values())
