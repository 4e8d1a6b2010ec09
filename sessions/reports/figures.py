"""One session's count-only figures, taken from its facilitator record.

:func:`figures_of` reads a facilitator record as the JSON export writes it (format
``circlekeeper-summary``) and keeps only counts: attendance and newcomers, minutes
planned and run, parts that overran, uses of the crisis key, notes by kind, the
drop-box's how-I-am (mood) counts and the end-of-session rating check. No text of the
record (notes, debrief, follow-through words, titles) is kept, so nothing written in a
session can reach a report through these figures.

:class:`SessionFigures` is frozen and round-trips through plain data
(:meth:`SessionFigures.to_dict`, :meth:`SessionFigures.from_dict`), as a group's history
stores it::

    figures = figures_of(json.loads(path.read_text()))
    again = SessionFigures.from_dict(figures.to_dict())
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from circlekeeper.sessions.dropbox.cards import SCALE, SCALE_LABELS
from circlekeeper.sessions.languages.speaking import N_, _

NOTE_KINDS = ("theme", "action", "question", "support_need")
"""The kinds of note, in the order a report lists them."""

RATING_ITEMS = ("heard", "topics", "way", "overall")
"""The end-of-session check: felt heard, the topics mattered, the way we worked, overall."""

RATING_WORDS = {
    "heard": N_("Felt heard"),
    "topics": N_("The topics mattered"),
    "way": N_("The way we worked"),
    "overall": N_("Overall"),
}
"""How a report names each rating item (marked here, translated where a screen shows it)."""

_MOOD_NOTE = re.compile(
    r"How I am, (?P<answers>\d+) answers: "
    + ", ".join(rf"{re.escape(SCALE_LABELS[v])} \({v}\) (?P<v{v}>\d+)" for v in SCALE)
)
"""The note the drop-box saves with its mood counts (the app's own words, not a card's)."""


class FiguresError(ValueError):
    """The record lacks what its figures are read from; the message says what."""


@dataclass(frozen=True)
class Rating:
    """The end-of-session check as answered: how many answered and each item's mean (0-10)."""

    answers: int
    """How many people answered (phones, or hands counted)."""
    means: tuple[float, float, float, float]
    """The mean of each item of :data:`RATING_ITEMS`, in that order."""


@dataclass(frozen=True)
class SessionFigures:
    """The counts of one session, never its words."""

    date: str | None
    """The day of the session, ISO ``YYYY-MM-DD``, if known."""
    attendance: int
    """How many people came."""
    newcomers: int | None
    """How many came for the first time; ``None`` when the record does not say."""
    minutes_planned: int
    """Planned minutes of the whole agenda."""
    minutes_run: int
    """Minutes the session ran, pauses left out."""
    parts_overran: int
    """How many parts ran past their planned time."""
    crisis_uses: int
    """How many times the crisis key was used."""
    notes: tuple[int, int, int, int]
    """Notes of each kind of :data:`NOTE_KINDS`, in that order (mood counts left out)."""
    mood: tuple[int, int, int, int, int]
    """How many answered 1 to 5 on the drop-box's how-I-am scale."""
    rating: Rating | None = None
    """The end-of-session check, when it was taken."""

    @property
    def mood_answers(self) -> int:
        """How many mood answers the counts hold."""
        return sum(self.mood)

    def notes_of(self, kind: str) -> int:
        """How many notes of ``kind`` (one of :data:`NOTE_KINDS`)."""
        return self.notes[NOTE_KINDS.index(kind)]

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data, read back by :meth:`from_dict`."""
        data: dict[str, Any] = {
            "date": self.date,
            "attendance": self.attendance,
            "newcomers": self.newcomers,
            "minutes_planned": self.minutes_planned,
            "minutes_run": self.minutes_run,
            "parts_overran": self.parts_overran,
            "crisis_uses": self.crisis_uses,
            "notes": dict(zip(NOTE_KINDS, self.notes, strict=True)),
            "mood": {str(v): n for v, n in zip(SCALE, self.mood, strict=True)},
            "rating": None,
        }
        if self.rating is not None:
            data["rating"] = {
                "answers": self.rating.answers,
                **dict(zip(RATING_ITEMS, self.rating.means, strict=True)),
            }
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionFigures:
        """Figures from :meth:`to_dict`'s data.

        Raises:
            FiguresError: a count is missing or is not a whole number from 0.
        """
        notes = _mapping(data.get("notes"), "notes")
        mood = _mapping(data.get("mood"), "mood")
        rating = data.get("rating")
        return cls(
            date=_date(data.get("date")),
            attendance=_count(data.get("attendance"), "attendance"),
            newcomers=_maybe_count(data.get("newcomers"), "newcomers"),
            minutes_planned=_count(data.get("minutes_planned"), "minutes_planned"),
            minutes_run=_count(data.get("minutes_run"), "minutes_run"),
            parts_overran=_count(data.get("parts_overran"), "parts_overran"),
            crisis_uses=_count(data.get("crisis_uses"), "crisis_uses"),
            notes=_four(tuple(_count(notes.get(k, 0), f"notes.{k}") for k in NOTE_KINDS)),
            mood=_five(tuple(_count(mood.get(str(v), 0), f"mood.{v}") for v in SCALE)),
            rating=None if rating is None else _rating(_mapping(rating, "rating")),
        )


def figures_of(record: Mapping[str, Any]) -> SessionFigures:
    """The count-only figures of one facilitator record (JSON export data).

    Raises:
        FiguresError: the data is a handout or lacks the record's session counts.
    """
    if record.get("audience") != "facilitator" or not isinstance(record.get("session"), Mapping):
        raise FiguresError(_("a handout holds no counts; export the facilitator record"))
    session = record["session"]
    notes = [n for n in _list(record.get("notes"), "notes") if isinstance(n, Mapping)]
    mood_notes = [m for m in (_mood(n) for n in notes) if m is not None]
    counted = [n for n in notes if _mood(n) is None]
    mood = tuple(sum(m[i] for m in mood_notes) for i in range(len(SCALE)))
    parts = [p for p in _list(record.get("agenda"), "agenda") if isinstance(p, Mapping)]
    crisis_shown = sum(
        1
        for r in _list(record.get("resources_shown"), "resources_shown")
        if isinstance(r, Mapping) and r.get("crisis") is True
    )
    # A follow-through may be saved for a crisis after the end, which shows nothing new.
    follow_throughs = len(_list(record.get("follow_throughs", []), "follow_throughs"))
    rating = record.get("rating_check")
    return SessionFigures(
        date=_date(record.get("date")),
        attendance=_count(session.get("attendance"), "session.attendance"),
        newcomers=_maybe_count(session.get("newcomers"), "session.newcomers"),
        minutes_planned=round(_seconds(session.get("planned_seconds"), "planned") / 60),
        minutes_run=round(_seconds(session.get("running_seconds"), "running") / 60),
        parts_overran=sum(1 for p in parts if _seconds(p.get("overrun_seconds", 0), "part") > 0),
        crisis_uses=max(crisis_shown, follow_throughs),
        notes=_four(tuple(sum(1 for n in counted if n.get("kind") == k) for k in NOTE_KINDS)),
        mood=_five(mood),
        rating=None if rating is None else _rating(_mapping(rating, "rating_check")),
    )


def _mood(note: Mapping[str, Any]) -> tuple[int, ...] | None:
    # Only the drop-box's own note; a facilitator could type the same words as a theme.
    if note.get("source") != "drop-box" or not isinstance(note.get("text"), str):
        return None
    found = _MOOD_NOTE.fullmatch(note["text"])
    if found is None:
        return None
    return tuple(int(found[f"v{v}"]) for v in SCALE)


def _rating(data: Mapping[str, Any]) -> Rating:
    means = []
    for item in RATING_ITEMS:
        value = data.get(item)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10:
            raise FiguresError(_("rating.{item} is not a number from 0 to 10").format(item=item))
        means.append(float(value))
    return Rating(
        _count(data.get("answers"), "rating.answers"), (means[0], means[1], means[2], means[3])
    )


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FiguresError(_("{name} is not a whole number from 0").format(name=name))
    return value


def _maybe_count(value: object, name: str) -> int | None:
    return None if value is None else _count(value, name)


def _seconds(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise FiguresError(_("{name} seconds is not a number from 0").format(name=name))
    return float(value)


def _date(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is None:
        raise FiguresError(_("date is not a day such as 2026-03-04"))
    return value


def _list(value: object, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise FiguresError(_("{name} is not a list").format(name=name))
    return value


def _mapping(value: object, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise FiguresError(_("{name} is not an object").format(name=name))
    return value


def _four(values: tuple[int, ...]) -> tuple[int, int, int, int]:
    return (values[0], values[1], values[2], values[3])


def _five(values: tuple[int, ...]) -> tuple[int, int, int, int, int]:
    return (values[0], values[1], values[2], values[3], values[4])
