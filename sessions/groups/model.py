"""The group model: what circlekeeper remembers of a group between its meetings.

A :class:`Group` holds no personal data: a name the facilitator chose (checked by the
personal-data guard), the agenda it usually runs, its agreements, its open items (the
actions and topics carried to its next meeting), and its history of per-session counts.
:meth:`Group.from_dict` checks every field, so a damaged file is one clear error.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.safe_text import safe_text

DEFAULT_MIN_COUNT = 5
"""The group's k: a count of people below it is never shown outside the facilitator's screen."""
LOWEST_MIN_COUNT = 3
"""The smallest k a group may set."""
DEFAULT_FROM_LAST_TIME_MINUTES = 5
"""The length of the "From last time" part, unless the group sets another."""
MAX_NAME_LENGTH = 60
"""The longest group name: a label, not a description."""
MAX_ITEM_LENGTH = 500
"""The longest open item or agreement (a note's length)."""


class ItemKind(str, Enum):
    """What an open item is."""

    ACTION = "action"
    TOPIC = "topic"

    @property
    def label(self) -> str:
        """The words shown for the kind."""
        return _("Action") if self is ItemKind.ACTION else _("Topic")


_OUTCOME_WORDS = {"done": N_("Done"), "carried": N_("Carried again"), "dropped": N_("Dropped")}
"""The words shown for each outcome, in English: translated when shown."""


class Outcome(str, Enum):
    """What became of an item at the meeting it was brought back to."""

    DONE = "done"
    CARRIED = "carried"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The words shown for the outcome."""
        return _(_OUTCOME_WORDS[self.value])


@dataclass(frozen=True)
class Item:
    """An action or a topic carried from one meeting to the next; never a name."""

    id: str
    """Unique within the group."""
    text: str
    """The words, as noted (already checked by the personal-data guard)."""
    kind: ItemKind
    """An action (a commitment) or a topic not reached."""
    since: str
    """The id of the session it was first carried from."""
    carried: int = 1
    """How many meetings it has been brought to (counting the next one)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind.value,
            "since": self.since,
            "carried": self.carried,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Item:
        """Rebuild an item; ``KeyError``, ``TypeError`` or ``ValueError`` when damaged."""
        return cls(
            id=_text(data["id"], 40),
            text=_text(data["text"], MAX_ITEM_LENGTH),
            kind=ItemKind(data["kind"]),
            since=_text(data.get("since", ""), 40),
            carried=_count(data.get("carried", 1)),
        )


@dataclass(frozen=True)
class Group:
    """A group that meets again and again."""

    id: str
    """A random identifier, the group's file name; never derived from the name."""
    name: str
    """What the facilitator calls the group."""
    template: str = ""
    """The name of the agenda the group usually runs ("" for none yet)."""
    agreements: tuple[str, ...] = ()
    """The group's agreements, read again whenever someone new comes."""
    items: tuple[Item, ...] = ()
    """The open items: what the next meeting opens with."""
    history: tuple[dict[str, Any], ...] = ()
    """Per-session counts, oldest first: numbers only, never text."""
    sessions: tuple[str, ...] = ()
    """The ids of the group's sessions, oldest first."""
    min_count: int = DEFAULT_MIN_COUNT
    """The group's k for disclosure control (never below :data:`LOWEST_MIN_COUNT`)."""
    from_last_time_minutes: int = DEFAULT_FROM_LAST_TIME_MINUTES
    """The length of the "From last time" part."""
    updated: str = ""
    """When the group last changed (ISO 8601), for ``purge``."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Fields a later version wrote, kept as they were."""

    def with_changes(self, **changes: Any) -> Group:
        """A copy with ``changes``."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the group's file."""
        return {
            **self.extra,
            "format": "circlekeeper-group",
            "version": 1,
            "id": self.id,
            "name": self.name,
            "template": self.template,
            "agreements": list(self.agreements),
            "items": [item.to_dict() for item in self.items],
            "history": [dict(entry) for entry in self.history],
            "sessions": list(self.sessions),
            "min_count": self.min_count,
            "from_last_time_minutes": self.from_last_time_minutes,
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Group:
        """Rebuild a group from its file's data.

        Raises:
            KeyError, TypeError, ValueError: ``data`` is not a group's file.
        """
        if not isinstance(data, dict) or data.get("format") != "circlekeeper-group":
            raise ValueError("not a circlekeeper group file")
        known = {
            "format", "version", "id", "name", "template", "agreements", "items", "history",
            "sessions", "min_count", "from_last_time_minutes", "updated",
        }  # fmt: skip
        history = data.get("history", [])
        if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
            raise TypeError("its history is not a list of counts")
        return cls(
            id=_text(data["id"], 40),
            name=_text(data["name"], MAX_NAME_LENGTH),
            template=_text(data.get("template", ""), 200),
            agreements=tuple(_text(a, MAX_ITEM_LENGTH) for a in _list(data, "agreements")),
            items=tuple(Item.from_dict(i) for i in _list(data, "items")),
            history=tuple(_numbers_only(h) for h in history),
            sessions=tuple(_text(s, 40) for s in _list(data, "sessions")),
            min_count=max(LOWEST_MIN_COUNT, _count(data.get("min_count", DEFAULT_MIN_COUNT))),
            from_last_time_minutes=_count(
                data.get("from_last_time_minutes", DEFAULT_FROM_LAST_TIME_MINUTES)
            ),
            updated=_text(data.get("updated", ""), 40),
            extra={k: v for k, v in data.items() if k not in known},
        )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TypeError(f"its {key} are not a list")
    return value


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not text")
    if len(value) > limit:
        raise ValueError(f"a text longer than {limit} characters")
    return safe_text(value, lines=False)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{value!r} is not a count")
    return value


def _numbers_only(entry: dict[str, Any]) -> dict[str, Any]:
    """A history entry with every leaf a number or a short label (never free text)."""
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if isinstance(value, dict):
            out[str(key)[:40]] = _numbers_only(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[str(key)[:40]] = value
        elif isinstance(value, str) and len(value) <= 40:
            out[str(key)[:40]] = safe_text(value, lines=False)
    return out
