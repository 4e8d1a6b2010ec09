"""The agenda model: what a template describes and what a session keeps a copy of.

These are plain immutable records with no parsing in them; :mod:`.templates` builds them
from markdown, and a session stores them through :meth:`Agenda.to_dict` so that later
edits to a template never change a past session's record. They are named tuples rather
than frozen dataclasses: this module loads before the home screen is drawn, and a frozen
dataclass costs several times as much to define.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from circlekeeper.sessions.safe_text import safe_text

if TYPE_CHECKING:
    from circlekeeper.sessions.structures.expand import Step
    from circlekeeper.sessions.structures.marks import StructureMark


class Block(NamedTuple):
    """A piece of text from a template, with the 1-based line it starts on."""

    text: str
    """The text, as plain inline markdown."""
    line: int
    """The source line (1-based) of the element."""


class Resource(NamedTuple):
    """A link participants can reach by scanning a QR code."""

    title: str
    """What the link is, in words, shown beneath the code."""
    url: str
    """An http, https, mailto or tel URL."""
    line: int = 0
    """Where it was written (0 when added during a session)."""
    crisis: bool = False
    """Marked as the crisis resource that the ``!`` key shows."""


class Part(NamedTuple):
    """One part of an agenda: a ``##`` heading with ``(N min)``."""

    title: str
    """The heading text without its timing marks."""
    minutes: int
    """Planned length in whole minutes."""
    line: int
    """The heading's source line."""
    round_minutes: int | None = None
    """Minutes a speaker when the part is a speaking round, else ``None``."""
    fixed: bool = False
    """A part whose time is never shortened when the agenda is rebalanced."""
    text: tuple[Block, ...] = ()
    """Paragraphs the facilitator may read out (facilitator view only)."""
    prompts: tuple[Block, ...] = ()
    """List items: prompts shown to participants."""
    guidance: tuple[Block, ...] = ()
    """Block quotes: guidance for the facilitator only."""
    resources: tuple[Resource, ...] = ()
    """Links written in this part."""
    structure: StructureMark | None = None
    """The peer-consultation structure the part follows (``troika``), if any."""

    @property
    def is_round(self) -> bool:
        """Whether the part is a speaking round."""
        return self.round_minutes is not None

    @property
    def steps(self) -> tuple[Step, ...]:
        """The structure's timed steps in this part; none when it names no structure."""
        # The structures load with the first structured part, not with every agenda.
        from circlekeeper.sessions.structures.expand import expand

        return () if self.structure is None else expand(self.structure, self.minutes)


class Agenda(NamedTuple):
    """A whole agenda, as read from one template file.

    Two agendas are equal when all they hold is, the markdown they were read from too.
    """

    name: str
    """The template's name: its file name without ``.md``."""
    title: str
    """From the front matter, else the ``#`` heading, else the name."""
    parts: tuple[Part, ...]
    """The timed parts, in order."""
    summary: str = ""
    """One line for the template picker."""
    audience: str = ""
    """Who the agenda is for."""
    intro: tuple[Block, ...] = ()
    """Opening words under the ``#`` heading (facilitator only)."""
    resources: tuple[Resource, ...] = ()
    """The ``## Resources`` section, then links found in parts, without repeats."""
    declared_minutes: int | None = None
    """The front matter's ``duration``, when given."""
    language: str = ""
    """The front matter's ``language`` tag (``de``, ``es``, ``ar``), when given."""
    source: str = ""
    """The markdown the agenda was read from."""
    body_line: int = 0
    """The 0-based line of :attr:`source` after the front matter (0 when it has none)."""

    @property
    def minutes(self) -> int:
        """Planned length: the sum of the parts."""
        return sum(part.minutes for part in self.parts)

    @property
    def crisis_resource(self) -> Resource | None:
        """The resource marked as the crisis resource, if any."""
        return next((r for r in self.resources if r.crisis), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy, for keeping with a session."""
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "audience": self.audience,
            "declared_minutes": self.declared_minutes,
            "language": self.language,
            "intro": [_block_to_dict(b) for b in self.intro],
            "resources": [_resource_to_dict(r) for r in self.resources],
            "parts": [
                {
                    "title": p.title,
                    "minutes": p.minutes,
                    "line": p.line,
                    "round_minutes": p.round_minutes,
                    "fixed": p.fixed,
                    "text": [_block_to_dict(b) for b in p.text],
                    "prompts": [_block_to_dict(b) for b in p.prompts],
                    "guidance": [_block_to_dict(b) for b in p.guidance],
                    "resources": [_resource_to_dict(r) for r in p.resources],
                    # Only a structured part says so, so older copies read the same.
                    **({} if p.structure is None else {"structure": p.structure.to_dict()}),
                }
                for p in self.parts
            ],
            "source": self.source,
            "body_line": self.body_line,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agenda:
        """Rebuild an agenda from :meth:`to_dict` output.

        Its text is made safe on the way in: a session kept before templates were checked
        for control characters may hold some.

        Raises:
            KeyError, TypeError, ValueError: when ``data`` is not such output.
        """
        return cls(
            name=_line(data["name"]),
            title=_line(data["title"]),
            summary=_line(data.get("summary", "")),
            audience=_line(data.get("audience", "")),
            declared_minutes=data.get("declared_minutes"),
            language=_line(data.get("language", "")),
            intro=tuple(_block_from_dict(b) for b in data.get("intro", [])),
            resources=tuple(_resource_from_dict(r) for r in data.get("resources", [])),
            parts=tuple(
                Part(
                    title=_line(p["title"]),
                    minutes=int(p["minutes"]),
                    line=int(p.get("line", 0)),
                    round_minutes=(
                        None if p.get("round_minutes") is None else int(p["round_minutes"])
                    ),
                    fixed=bool(p.get("fixed", False)),
                    text=tuple(_block_from_dict(b) for b in p.get("text", [])),
                    prompts=tuple(_block_from_dict(b) for b in p.get("prompts", [])),
                    guidance=tuple(_block_from_dict(b) for b in p.get("guidance", [])),
                    resources=tuple(_resource_from_dict(r) for r in p.get("resources", [])),
                    structure=_structure_from_dict(p.get("structure")),
                )
                for p in data["parts"]
            ),
            source=safe_text(str(data.get("source", ""))),
            body_line=int(data.get("body_line", 0)),
        )


def _line(value: object) -> str:
    return safe_text(str(value), lines=False)


def _structure_from_dict(data: dict[str, Any] | None) -> StructureMark | None:
    if data is None:
        return None
    from circlekeeper.sessions.structures.marks import StructureMark

    return StructureMark.from_dict(data)


def _block_to_dict(block: Block) -> dict[str, Any]:
    return {"text": block.text, "line": block.line}


def _block_from_dict(data: dict[str, Any]) -> Block:
    return Block(text=safe_text(str(data["text"])), line=int(data.get("line", 0)))


def _resource_to_dict(resource: Resource) -> dict[str, Any]:
    return {
        "title": resource.title,
        "url": resource.url,
        "line": resource.line,
        "crisis": resource.crisis,
    }


def _resource_from_dict(data: dict[str, Any]) -> Resource:
    return Resource(
        title=_line(data["title"]),
        url=_line(data["url"]),
        line=int(data.get("line", 0)),
        crisis=bool(data.get("crisis", False)),
    )
