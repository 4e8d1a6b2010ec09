"""The words and numbers a summary shows: days, times, durations, labels.

Shared by the Markdown and HTML writers so both say the same thing the same way. Times
are shown as they were recorded (in the clock's own time zone), so an export reads the
same wherever it is made.
"""

from __future__ import annotations

from datetime import date, datetime

from circlekeeper.sessions.engine.durations import length_text as length_text
from circlekeeper.sessions.engine.durations import minutes_text as minutes_text
from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.engine.note_model import Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.timeline import Pause, RebalanceRecord, RoundRecord
from circlekeeper.sessions.export.model import Summary

KIND_HEADINGS = {
    NoteKind.THEME: "Themes",
    NoteKind.ACTION: "Actions",
    NoteKind.QUESTION: "Questions",
    NoteKind.SUPPORT_NEED: "Support needs",
}
"""A heading for the notes of each kind."""

PAUSE_REASONS = {
    "pause": "paused",
    "crisis": "crisis resource shown",
    "closed": "app closed",
}
"""What each kind of pause is called."""


def day_text(day: date | None) -> str:
    """A day as words, e.g. ``Wednesday 4 March 2026``."""
    if day is None:
        return "not started"
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock_text(moment: datetime | None) -> str:
    """A time of day as recorded, e.g. ``18:05``; a dash when unknown."""
    return "–" if moment is None else f"{moment:%H:%M}"


def over_text(seconds: float) -> str:
    """An overrun to the second, ``+1 min 33 s``; empty when there was none worth saying."""
    return "" if seconds < 0.5 else f"+{length_text(seconds)}"


def planned_text(original: int, planned: int) -> str:
    """A part's planned length, showing a rebalance still in force: ``15 → 12 min``."""
    if original == planned:
        return length_text(planned)
    return f"{length_text(original).removesuffix(' min')} → {length_text(planned)}"


def part_title(summary: Summary, index: int) -> str:
    """The title of part ``index``, or a question mark when a damaged record names none."""
    return summary.parts[index].title if 0 <= index < len(summary.parts) else "?"


def part_length(minutes: int, round_minutes: int | None) -> str:
    """``15 min`` or ``15 min, a round of 2 min each``."""
    if round_minutes is None:
        return f"{minutes} min"
    return f"{minutes} min, a round of {round_minutes} min each"


def note_marks(note: Note) -> list[str]:
    """The marks a note carries in the record: its time, facilitator-only, drop-box."""
    marks = [clock_text(note.at)]
    if note.facilitator_only:
        marks.append("facilitator-only")
    if note.source is NoteSource.DROP_BOX:
        marks.append("drop-box card")
    if note.edited_at is not None:
        marks.append(f"edited {clock_text(note.edited_at)}")
    return marks


def pause_text(pause: Pause) -> str:
    """``18:30–18:35, 5 min: paused``."""
    reason = PAUSE_REASONS.get(pause.reason, pause.reason)
    if pause.app_closed and pause.reason != "closed":
        reason += ", app closed for some of it"
    end = "still paused" if pause.ended_at is None else clock_text(pause.ended_at)
    return f"{clock_text(pause.started_at)}–{end}, {length_text(pause.seconds)}: {reason}"


def round_text(record: RoundRecord) -> str:
    """How a round went, in counts only."""
    words = f"{record.spoke} spoke, {record.passed} passed"
    if record.passed:
        words += (
            f" ({record.spoke_when_offered_again} spoke when offered again,"
            f" {record.declined} declined)"
        )
    return words + ("" if record.done else "; the round did not reach its end")


def rebalance_text(summary: Summary, rebalance: RebalanceRecord) -> str:
    """When, where, and which parts changed: ``18:18, in Check-in: Sharing 25 → 20 min``."""
    changes = [
        f"{part.title} {planned_text(before, after)}"
        # A damaged record may hold a plan of another length: compare what both have.
        for part, before, after in zip(
            summary.parts, rebalance.before, rebalance.after, strict=False
        )
        if before != after
    ]
    where = part_title(summary, rebalance.part)
    text = f"{clock_text(rebalance.at)}, in {where}: " + "; ".join(changes)
    if rebalance.over_by:
        text += f" (still {length_text(rebalance.over_by)} over)"
    if rebalance.undone_at is not None:
        text += f" (undone at {clock_text(rebalance.undone_at)})"
    return text


def follow_through_text(record: FollowThrough) -> str:
    """One follow-through in a line: when, where, the steps, what is due and whether done."""
    steps = "; ".join(record.step_words)
    debrief = "a debrief within 72 hours planned" if record.debrief else "no debrief planned"
    done = f"done {day_text(record.done_at.date())}" if record.done_at else "not yet done"
    return (
        f"{clock_text(record.at)}, {record.place_words}: {steps}. Follow-up due "
        f"{day_text(record.due)} ({done}); {debrief}."
    )
