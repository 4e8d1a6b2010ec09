"""A template's markdown tokens cut into sections, and the blocks of text inside one.

The ``#`` heading and each ``##`` heading start a section; what lies between belongs to
it. Inside a section, block quotes are facilitator-only guidance, list items are prompts
for participants, and the rest is text the facilitator may read out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from circlekeeper.sessions.templates.agenda import Block, Resource
from circlekeeper.sessions.templates.links import links_in
from circlekeeper.sessions.templates.source import Source


@dataclass
class Section:
    """The tokens under one heading (or before the first one)."""

    level: int
    """1 for ``#``, 2 for ``##``, 0 for what comes before any heading."""
    heading: str
    """The heading's text as written (empty for level 0)."""
    line: int
    """The heading's 1-based line (1 for level 0)."""
    tokens: list[Token] = field(default_factory=list)
    """Everything after the heading up to the next ``#`` or ``##`` heading."""


def split_sections(tokens: list[Token]) -> list[Section]:
    """Cut the token stream at each top-level ``#`` and ``##`` heading."""
    sections = [Section(0, "", 1)]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "front_matter":
            index += 1
            continue
        if token.type == "heading_open" and token.level == 0 and token.tag in ("h1", "h2"):
            inline = tokens[index + 1]
            line = (token.map[0] if token.map else 0) + 1
            sections.append(Section(int(token.tag[1]), inline.content.strip(), line))
            index += 3  # heading_open, inline, heading_close
            continue
        sections[-1].tokens.append(token)
        index += 1
    return sections


@dataclass
class Blocks:
    """A section's content, sorted by who it is for."""

    text: list[Block] = field(default_factory=list)
    """Paragraphs (and smaller headings) the facilitator may read out."""
    prompts: list[Block] = field(default_factory=list)
    """List items, for participants."""
    guidance: list[Block] = field(default_factory=list)
    """Block quotes, for the facilitator only."""
    resources: list[Resource] = field(default_factory=list)
    """Links found anywhere in the section, without repeats."""


def _flatten(content: str) -> str:
    # Line breaks inside a paragraph are only where the author wrapped the source.
    return " ".join(line.strip() for line in content.split("\n") if line.strip())


def read_blocks(tokens: list[Token], src: Source) -> Blocks:
    """Sort a section's tokens into text, prompts and guidance, collecting its links."""
    blocks = Blocks()
    quotes = lists = 0
    seen: set[str] = set()
    for token in tokens:
        if token.type == "blockquote_open":
            quotes += 1
        elif token.type == "blockquote_close":
            quotes -= 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type in ("inline", "fence", "code_block"):
            line = (token.map[0] if token.map else 0) + 1
            if token.type == "inline":
                text = _flatten(token.content)
                for resource in links_in(token, src):
                    if resource.url not in seen:
                        seen.add(resource.url)
                        blocks.resources.append(resource)
            else:
                text = token.content.rstrip("\n")
            if not text:
                continue
            target = blocks.guidance if quotes else blocks.prompts if lists else blocks.text
            target.append(Block(text=text, line=line))
    return blocks
