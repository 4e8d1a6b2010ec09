"""Reading the structure words of a part's timing mark: ``wise crowds, 4 clients``.

:func:`read_structure` is handed the marks that are not a length, a round or ``fixed``
(see :mod:`circlekeeper.sessions.templates.timing_marks`) and makes a
:class:`StructureMark` of them, or says plainly what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.catalogue import Structure, find_structure, known_names

EXAMPLE = "(15 min, round 2 min, fixed)"
"""The usual marks, for messages."""

_COUNT = re.compile(r"^([0-9]+)\s*(clients?|presenters?|cases?|rounds?|topics?)$", re.IGNORECASE)
_BOX = re.compile(r"^([0-9]+)\s*(?:m|mins?|minutes?)\.?\s*(?:a|per|each)\s*topic$", re.IGNORECASE)
_BOXES = re.compile(r"^[0-9]+(?:\s*\+\s*[0-9]+)+$")
MAX_COUNT = 20
"""More clients than any one part can hold: a larger number is a typing slip."""


@dataclass(frozen=True)
class StructureMark:
    """A structure named in a timing mark, with what the mark says about it."""

    name: str
    """The structure's name as the catalogue has it: ``wise crowds``."""
    count: int | None = None
    """How many clients, presenters or cases the mark asks for, when it says."""
    boxes: tuple[int, ...] = ()
    """Lean Coffee's minutes a topic, then the shorter extensions (``7+5+3``)."""

    @property
    def structure(self) -> Structure:
        """The catalogue's entry."""
        found = find_structure(self.name)
        assert found is not None, self.name
        return found

    def words(self) -> str:
        """The mark written back, as a template would: ``wise crowds, 4 clients``."""
        words = [self.name]
        if self.count is not None:
            unit = self.structure.unit
            words.append(f"{self.count} {unit}{'s' if self.count != 1 else ''}")
        if len(self.boxes) == 1:
            words.append(f"{self.boxes[0]} min a topic")
        elif self.boxes:
            words.append("+".join(str(b) for b in self.boxes))
        return ", ".join(words)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {"name": self.name, "count": self.count, "boxes": list(self.boxes)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StructureMark:
        """Rebuild a mark from :meth:`to_dict` output.

        Raises:
            KeyError, TypeError, ValueError: when ``data`` is not such output.
        """
        name = str(data["name"])
        if find_structure(name) is None:
            raise ValueError(f"no structure {name!r}")
        count = data.get("count")
        return cls(
            name=name,
            count=None if count is None else int(count),
            boxes=tuple(int(b) for b in data.get("boxes", [])),
        )


def unknown_mark(item: str) -> str:
    """The message for a mark that is neither timing nor a known structure."""
    return _(
        "'{item}' is not a timing mark; write e.g. {example}, or name a structure: {names}"
    ).format(item=item, example=EXAMPLE, names=known_names())


def read_structure(items: list[str]) -> tuple[StructureMark | None, list[str]]:
    """The structure named by ``items`` (marks other than length, round and fixed).

    The first item names the structure; the rest say how many clients (``4 clients``)
    or, for Lean Coffee, the minutes a topic (``8 min a topic`` or ``7+5+3``).
    """
    if not items:
        return None, []
    structure = find_structure(items[0])
    if structure is None:
        return None, [unknown_mark(items[0] or _("an empty mark"))]
    count: int | None = None
    boxes: tuple[int, ...] = ()
    messages = []
    for item in items[1:]:
        number = _COUNT.match(item)
        if number and structure.counted and number.group(2).lower().rstrip("s") == structure.unit:
            count = int(number.group(1)[:4])
            if not 1 <= count <= MAX_COUNT:
                message = _("a {unit} count is between 1 and {most}")
                messages.append(message.format(unit=structure.unit, most=MAX_COUNT))
        elif structure.name == "lean coffee" and (box := _BOX.match(item)):
            boxes = (int(box.group(1)[:4]),)
        elif structure.name == "lean coffee" and _BOXES.match(item):
            boxes = tuple(int(b[:4]) for b in item.split("+"))
        else:
            messages.append(_unfit(structure, item))
    if any(b < 1 for b in boxes):
        messages.append(_("a topic's box is at least 1 minute"))
    elif any(later > sooner for sooner, later in zip(boxes, boxes[1:], strict=False)):
        message = _("Lean Coffee's boxes shrink, like 7+5+3, not {boxes}")
        messages.append(message.format(boxes="+".join(map(str, boxes))))
    mark = StructureMark(structure.name, count, boxes)
    return (None if messages else mark), messages


def _unfit(structure: Structure, item: str) -> str:
    if structure.name == "lean coffee":
        return _("'{item}' does not fit Lean Coffee; write e.g. 8 min a topic, or 7+5+3").format(
            item=item
        )
    if structure.counted:
        return _("'{item}' does not fit {structure}; write e.g. 3 {unit}s").format(
            item=item, structure=_(structure.title), unit=structure.unit
        )
    return _("{structure} takes no other marks, not '{item}'").format(
        structure=_(structure.title), item=item
    )
