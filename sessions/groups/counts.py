"""A session's counts for its group's history: numbers only, never a word anyone wrote.

:func:`session_counts` reads a session that has ended and gives attendance and
newcomers, minutes planned and run, the parts that overran, the uses of the crisis key,
the notes by kind, the drop-box's how-I-am counts and what became of the items brought
from last time. The how-I-am counts are read back from the one note of counts the
drop-box saves (:meth:`~circlekeeper.sessions.dropbox.moderation.Moderation.approve_scale`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.session import Session

__all__ = ["mood_counts", "session_counts"]

OVERRUN_GRACE_SECONDS = 30
"""A part counts as overrun only beyond this: half a minute is keeping time."""

_SCALE_NOTE = re.compile(r"^How I am, (\d+) answers: ")
_SCALE_VALUE = re.compile(r"\((\d+)\) (\d+)")


def mood_counts(session: Session) -> dict[str, int]:
    """The how-I-am answers counted by value ("1" to "5"), summed over the session's tallies."""
    counts: Counter[str] = Counter()
    for note in session.notes():
        if note.source is NoteSource.DROP_BOX and _SCALE_NOTE.match(note.text):
            for value, count in _SCALE_VALUE.findall(note.text):
                counts[value] += int(count)
    return dict(sorted(counts.items()))


def session_counts(
    session: Session, *, newcomers: int, outcomes: dict[str, int] | None = None
) -> dict[str, Any]:
    """The counts of one session for its group's history."""
    timeline = session.timeline()
    day = timeline.started_at or timeline.created_at
    kinds = Counter(note.kind.value for note in session.notes())
    return {
        "session": session.id,
        "date": "" if day is None else day.date().isoformat(),
        "attendance": timeline.attendance,
        "newcomers": newcomers,
        "minutes_planned": math.ceil(timeline.planned_seconds / 60),
        "minutes_run": round(timeline.running_seconds / 60),
        "parts_overran": sum(
            1 for p in timeline.parts if p.overrun_seconds > OVERRUN_GRACE_SECONDS
        ),
        "crisis_uses": sum(1 for shown in timeline.resources_shown if shown.crisis),
        "notes": {kind.value: kinds.get(kind.value, 0) for kind in NoteKind},
        "mood": mood_counts(session),
        "items": dict(outcomes or {}),
    }
