"""The facilitator's follow-through after the crisis key: what was done, and what is due.

Peer-support safety practice (#BeThe1To, SAVE, MHFA England's log) ends a crisis with a
follow-up and a debrief, and logs the situation without names. This record holds where
it happened, the steps taken, the follow-up's due date, whether a debrief within 72
hours is planned, and a few words checked by the personal-data guard. It is
facilitator-only: it appears in the facilitator record, never in a handout, and a
coordinator sees only how many times the crisis key was used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_
from circlekeeper.sessions.safe_text import safe_text

PLACES = {"room": N_("in the room"), "remote": N_("remote")}
"""Where the group met, by the word the record keeps."""

UNRECORDED = "unrecorded"
"""The place of a follow-through whose form was closed unanswered: still due, never skipped."""

STEPS = {
    "stayed": N_("stayed with the person (the facilitator or a co-facilitator)"),
    "signposted": N_("helpline or EAP shown"),
    "emergency": N_("emergency services called"),
}
"""The steps a facilitator may have taken, by the word the record keeps; none is a choice."""

MAX_WORDS = 1000
"""The most characters the few words may hold."""


@dataclass(frozen=True)
class FollowThrough:
    """One follow-through, as recorded."""

    at: datetime
    """When it was recorded."""
    place: str
    """A key of :data:`PLACES`."""
    steps: tuple[str, ...]
    """Keys of :data:`STEPS`; empty when none of them was taken."""
    due: date
    """When the follow-up with the person is due."""
    debrief: bool
    """A debrief with someone (a supervisor, a peer facilitator) within 72 hours is planned."""
    words: str = ""
    """A few words of the facilitator's, checked for personal data."""
    kept: tuple[str, ...] = ()
    """Kinds of personal data the facilitator chose to keep in the words."""
    done_at: datetime | None = None
    """When the facilitator marked the follow-up done."""

    @property
    def place_words(self) -> str:
        """Where, in words."""
        if self.place == UNRECORDED:
            return "not recorded (the form was closed)"
        return PLACES.get(self.place, self.place)

    @property
    def step_words(self) -> tuple[str, ...]:
        """The steps, in words ("none of these" when there were none)."""
        return tuple(STEPS.get(s, s) for s in self.steps) or (N_("none of these"),)

    def marked_done(self, at: datetime) -> FollowThrough:
        """The same record, its follow-up done at ``at``."""
        return replace(self, done_at=at)


def event_fields(
    place: str, steps: Iterable[str], due: date, debrief: bool, words: str, kept: Iterable[str]
) -> dict[str, Any]:
    """The fields of a follow-through event, checked.

    Raises:
        SessionError: an unknown place or step, or words too long.
    """
    if place not in PLACES and place != UNRECORDED:
        raise SessionError(f"{place!r} is not a place; use one of {', '.join(PLACES)}")
    chosen = tuple(dict.fromkeys(steps))
    unknown = [s for s in chosen if s not in STEPS]
    if unknown:
        raise SessionError(f"{unknown[0]!r} is not a step; use any of {', '.join(STEPS)}")
    if len(words) > MAX_WORDS:
        raise SessionError(
            f"the words are {len(words)} characters long; keep them under {MAX_WORDS}"
        )
    return {
        "place": place,
        "steps": list(chosen),
        "due": due.isoformat(),
        "debrief": bool(debrief),
        "words": words,
        "kept": sorted(set(kept)),
    }


def open_due(records: Iterable[FollowThrough]) -> str | None:
    """The earliest due date (ISO) of the follow-ups not yet done, or ``None``.

    Kept in the session's meta and the store's index, so the home screen can remind the
    facilitator at launch without reading every session's events.
    """
    due = [r.due for r in records if r.done_at is None]
    return min(due).isoformat() if due else None


def from_event(event: dict[str, Any], at: datetime) -> FollowThrough:
    """The record a follow-through event holds; text from the file is made safe to show."""
    return FollowThrough(
        at=at,
        place=safe_text(str(event.get("place", "")), lines=False),
        steps=tuple(safe_text(str(s), lines=False) for s in event.get("steps", [])),
        due=date.fromisoformat(str(event["due"])),
        debrief=bool(event.get("debrief", False)),
        words=safe_text(str(event.get("words", ""))),
        kept=tuple(safe_text(str(k), lines=False) for k in event.get("kept", [])),
    )
