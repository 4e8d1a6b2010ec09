"""Notes taken during a session, and the facilitator's debrief after it.

A note is a short text with a kind (theme, action, question, support need, or a topic
put in the parking lot for next time), the part it
was taken in and its time; never a participant's name. These are the plain records;
:mod:`.notebook` checks and saves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.safe_text import safe_text


class NoteKind(str, Enum):
    """What a note is about."""

    THEME = "theme"
    ACTION = "action"
    QUESTION = "question"
    SUPPORT_NEED = "support_need"
    PARKED = "parked"

    @property
    def label(self) -> str:
        """The words shown for the kind, in the language spoken."""
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    NoteKind.THEME: N_("Theme"),
    NoteKind.ACTION: N_("Action"),
    NoteKind.QUESTION: N_("Question"),
    NoteKind.SUPPORT_NEED: N_("Support need"),
    NoteKind.PARKED: N_("Parking lot"),
}


class NoteSource(str, Enum):
    """Who wrote a note."""

    FACILITATOR = "facilitator"
    DROP_BOX = "drop-box"

    @property
    def label(self) -> str:
        """The words shown for the source, in the language spoken."""
        return _("Facilitator") if self is NoteSource.FACILITATOR else _("Drop-box card")


@dataclass(frozen=True)
class Note:
    """One note in a session's record."""

    id: str
    """A random identifier, unique within the session."""
    text: str
    """What was noted."""
    kind: NoteKind
    """What it is about."""
    part: int
    """The index of the part it was taken in."""
    at: datetime
    """When it was taken (wall clock)."""
    elapsed: float
    """Running seconds into the session when it was taken."""
    facilitator_only: bool = False
    """Never shown to participants nor put in a handout."""
    source: NoteSource = NoteSource.FACILITATOR
    """Who wrote it."""
    edited_at: datetime | None = None
    """When it was last edited, if it was."""
    kept: tuple[str, ...] = ()
    """Kinds of personal data the facilitator chose to keep in it (empty for most notes)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the record."""
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind.value,
            "part": self.part,
            "at": self.at.isoformat(),
            "elapsed": self.elapsed,
            "facilitator_only": self.facilitator_only,
            "source": self.source.value,
            "edited_at": None if self.edited_at is None else self.edited_at.isoformat(),
            "kept": list(self.kept),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        """Rebuild a note from :meth:`to_dict` output.

        Raises:
            KeyError, ValueError: when ``data`` is not such output.
        """
        edited = data.get("edited_at")
        return cls(
            id=str(data["id"]),
            text=safe_text(str(data["text"])),
            kind=NoteKind(data["kind"]),
            part=int(data["part"]),
            at=datetime.fromisoformat(data["at"]),
            elapsed=float(data.get("elapsed", 0.0)),
            facilitator_only=bool(data.get("facilitator_only", False)),
            source=NoteSource(data.get("source", NoteSource.FACILITATOR.value)),
            edited_at=None if edited is None else datetime.fromisoformat(edited),
            kept=tuple(str(k) for k in data.get("kept", ())),
        )


@dataclass(frozen=True)
class Debrief:
    """The facilitator's few words after the session; facilitator-only, always."""

    how_it_went: str
    """How the session went."""
    follow_up: str = ""
    """Anything to follow up."""
    self_care: str = ""
    """What the facilitator will do for themselves."""
    at: datetime | None = None
    """When it was saved."""
    kept: tuple[str, ...] = ()
    """Kinds of personal data the facilitator chose to keep in it."""

    facilitator_only = True
    """A debrief never reaches a participant."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the record."""
        return {
            "how_it_went": self.how_it_went,
            "follow_up": self.follow_up,
            "self_care": self.self_care,
            "at": None if self.at is None else self.at.isoformat(),
            "kept": list(self.kept),
            "facilitator_only": True,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Debrief:
        """Rebuild a debrief from :meth:`to_dict` output."""
        at = data.get("at")
        return cls(
            how_it_went=safe_text(str(data.get("how_it_went", ""))),
            follow_up=safe_text(str(data.get("follow_up", ""))),
            self_care=safe_text(str(data.get("self_care", ""))),
            at=None if at is None else datetime.fromisoformat(at),
            kept=tuple(str(k) for k in data.get("kept", ())),
        )
