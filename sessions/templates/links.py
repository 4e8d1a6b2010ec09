"""Links in markdown text, and the link lists that hold resources.

A link anywhere in a template becomes a :class:`Resource`; a ``## Resources`` section or
the organisation's resources file is a list with one link an item, where a trailing
``(crisis)`` marks the crisis resource. Both are read here so they follow the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.link_rules import check_url
from circlekeeper.sessions.templates.source import Source

_CRISIS_MARK = re.compile(r"\(\s*crisis\s*\)", re.IGNORECASE)

RESOURCE_EXAMPLE = "- [Find a helpline](https://findahelpline.com) (crisis)"
"""How a resource line is written, for messages."""


@dataclass(frozen=True)
class _Link:
    """A link as written in one paragraph."""

    url: str
    """Its destination, as markdown-it normalised it."""
    title: str
    """The link's words, or the address when it has none."""
    line: int
    """The 1-based line the link starts on."""
    after: str
    """The plain text that follows the link, up to the next link in its paragraph."""


def _text_until_link(children: list[Token], start: int) -> str:
    words = []
    for index in range(start, len(children)):
        child = children[index]
        if child.type == "link_open":
            break
        words.append(" " if child.type in ("softbreak", "hardbreak") else child.content)
    return "".join(words)


def _links(inline: Token) -> Iterator[_Link]:
    """Each link in an inline token, with its line and the text after it."""
    line = (inline.map[0] if inline.map else 0) + 1
    children = inline.children or []
    index = 0
    while index < len(children):
        child = children[index]
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            url = str(child.attrGet("href") or "")
            start_line = line
            index += 1
            words: list[str] = []
            while index < len(children) and children[index].type != "link_close":
                inner = children[index]
                if inner.type in ("softbreak", "hardbreak"):
                    line += 1
                    words.append(" ")
                else:
                    words.append(inner.content)
                index += 1
            title = " ".join("".join(words).split()) or url
            yield _Link(url, title, start_line, _text_until_link(children, index + 1))
        index += 1


def links_in(inline: Token, src: Source) -> list[Resource]:
    """The resources linked from one paragraph, noting links that cannot be resources.

    Images are refused too: the terminal cannot show them and a facilitator would
    never see one.
    """
    resources = []
    for child in inline.children or []:
        if child.type == "image":
            src.problem(
                (inline.map[0] if inline.map else 0) + 1,
                _("an image cannot be shown during a session; link to it instead"),
            )
    for link in _links(inline):
        problem = check_url(link.url)
        if problem:
            src.problem(link.line, problem)
        else:
            resources.append(Resource(title=link.title, url=link.url.strip(), line=link.line))
    return resources


def resource_item(inline: Token, src: Source) -> Resource | None:
    """The resource one list item names, with its crisis mark, or ``None`` if it has none.

    Problems are noted for an item without a link, with more than one, or with a bad link.
    """
    line = (inline.map[0] if inline.map else 0) + 1
    links = list(_links(inline))
    if not links:
        message = _("a resource needs a link, written like {example}")
        src.problem(line, message.format(example=RESOURCE_EXAMPLE))
        return None
    if len(links) > 1:
        src.problem(links[1].line, _("write one link a line in a resources list"))
        return None
    link = links[0]
    problem = check_url(link.url)
    if problem:
        src.problem(link.line, problem)
        return None
    crisis = bool(_CRISIS_MARK.search(link.after))
    return Resource(title=link.title, url=link.url.strip(), line=link.line, crisis=crisis)


def resource_list(tokens: list[Token], src: Source) -> list[Resource]:
    """The resources named by the list items among ``tokens`` (one item, one link)."""
    resources = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and depth > 0:
            found = resource_item(inline=token, src=src)
            if found is not None:
                resources.append(found)
        elif token.type == "inline":
            # Text between the links is welcome, but a link in it would be lost.
            for link in _links(token):
                src.problem(
                    link.line,
                    _("write each resource as a list item, like {example}").format(
                        example=RESOURCE_EXAMPLE
                    ),
                )
    return resources


def check_one_crisis(resources: list[Resource], src: Source) -> None:
    """Note every crisis mark after the first: the ``!`` key can show only one."""
    marked = [r for r in resources if r.crisis]
    for extra in marked[1:]:
        src.problem(
            extra.line,
            _("only one resource can be marked (crisis); the first is on line {line}").format(
                line=marked[0].line
            ),
        )
