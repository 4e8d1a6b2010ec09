"""The words and numbers a summary shows: days, times, durations, labels.

Shared by the Markdown and HTML writers so both say the same thing the same way, in the
language spoken while the summary is written (:func:`summary_language`: the agenda's own
language, else the facilitator's). Times are shown as they were recorded (in the clock's
own time zone), so an export reads the same wherever it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.engine.note_model import Debrief, Note, NoteKind, NoteSource
from circlekeeper.sessions.engine.timeline import (
    Pause,
    RebalanceRecord,
    RoundRecord,
    ShownResource,
    Timeline,
)
from circlekeeper.sessions.export.model import Summary
from circlekeeper.sessions.languages.language import Language
from circlekeeper.sessions.languages.speaking import N_, _, current_language, ngettext

KIND_HEADINGS = {
    NoteKind.THEME: N_("Themes"),
    NoteKind.ACTION: N_("Actions"),
    NoteKind.QUESTION: N_("Questions"),
    NoteKind.SUPPORT_NEED: N_("Support needs"),
    NoteKind.PARKED: N_("For next time"),
}
"""A heading for the notes of each kind, in English (translate with :func:`kind_heading`)."""

KIND_LABELS = {
    NoteKind.THEME: N_("Theme"),
    NoteKind.ACTION: N_("Action"),
    NoteKind.QUESTION: N_("Question"),
    NoteKind.SUPPORT_NEED: N_("Support need"),
    NoteKind.PARKED: N_("Parking lot"),
}
"""What one note of each kind is called, in English (translate with :func:`kind_label`)."""

PAUSE_REASONS = {
    "pause": N_("paused"),
    "crisis": N_("crisis resource shown"),
    "closed": N_("app closed"),
}
"""What each kind of pause is called, in English."""

STATES = {
    "ready": N_("ready"),
    "running": N_("running"),
    "paused": N_("paused"),
    "ended": N_("ended"),
}
"""A session's state in words, in English."""


def summary_language(summary: Summary) -> Language:
    """The language a summary is written in: its agenda's, else the one spoken now."""
    return current_language().with_tag(summary.language)


def kind_heading(kind: NoteKind) -> str:
    """The heading for the notes of ``kind``: ``Themes``, ``Themen``."""
    return _(KIND_HEADINGS[kind])


def kind_label(kind: NoteKind) -> str:
    """What one note of ``kind`` is called: ``Theme``, ``Thema``."""
    return _(KIND_LABELS[kind])


def not_a_link() -> str:
    """Said after a resource whose link breaks the rules, shown as text only."""
    return _("not a link we can show")


def state_text(state: str) -> str:
    """A session's state in words."""
    return _(STATES[state]) if state in STATES else state


def number_text(value: int) -> str:
    """A count as the language writes it."""
    return current_language().number(value)


def length_text(seconds: float) -> str:
    """A length as it happened, to the second: ``2 min 33 s``, ``12 min``, ``40 s``.

    Rounded to whole minutes, a part that ran 2:33 of 1:00 read as "3 min (+2 min)", which
    no one could add up; the summary screen and every export's timeline say it this way.
    """
    mins, secs = divmod(max(0, round(seconds)), 60)
    if not mins:
        return _("{seconds} s").format(seconds=number_text(secs))
    if not secs:
        return _("{minutes} min").format(minutes=number_text(mins))
    return _("{minutes} min {seconds} s").format(
        minutes=number_text(mins), seconds=number_text(secs)
    )


def day_text(day: date | None) -> str:
    """A day as words, e.g. ``Wednesday 4 March 2026``."""
    if day is None:
        return _("not started")
    return current_language().day(day)


def clock_text(moment: datetime | None) -> str:
    """A time of day as recorded, e.g. ``18:05`` or ``6:05 PM``; a dash when unknown."""
    return "–" if moment is None else current_language().time(moment)


def over_text(seconds: float) -> str:
    """An overrun to the second, ``+1 min 33 s``; empty when there was none worth saying."""
    return "" if seconds < 0.5 else f"+{length_text(seconds)}"


def planned_text(original: int, planned: int) -> str:
    """A part's planned length, showing a rebalance still in force: ``15 → 12 min``."""
    if original == planned:
        return length_text(planned)
    if original % 60 == 0:
        # The unit is said once, after the new length: ``10 → 6 min 37 s``.
        return f"{number_text(original // 60)} → {length_text(planned)}"
    return f"{length_text(original)} → {length_text(planned)}"


def part_title(summary: Summary, index: int) -> str:
    """The title of part ``index``, or a question mark when a damaged record names none."""
    return summary.parts[index].title if 0 <= index < len(summary.parts) else "?"


def part_length(minutes: int, round_minutes: int | None) -> str:
    """``15 min`` or ``15 min, a round of 2 min each``."""
    if round_minutes is None:
        return _("{minutes} min").format(minutes=number_text(minutes))
    return _("{minutes} min, a round of {round} min each").format(
        minutes=number_text(minutes), round=number_text(round_minutes)
    )


def note_marks(note: Note) -> list[str]:
    """The marks a note carries in the record: its time, facilitator-only, drop-box."""
    marks = [clock_text(note.at)]
    if note.facilitator_only:
        marks.append(_("facilitator-only"))
    if note.source is NoteSource.DROP_BOX:
        marks.append(_("drop-box card"))
    if note.edited_at is not None:
        marks.append(_("edited {time}").format(time=clock_text(note.edited_at)))
    return marks


def pause_text(pause: Pause) -> str:
    """``18:30–18:35, 5 min: paused``."""
    reason = _(PAUSE_REASONS[pause.reason]) if pause.reason in PAUSE_REASONS else pause.reason
    if pause.app_closed and pause.reason != "closed":
        reason = _("{reason}, app closed for some of it").format(reason=reason)
    end = _("still paused") if pause.ended_at is None else clock_text(pause.ended_at)
    return f"{clock_text(pause.started_at)}–{end}, {length_text(pause.seconds)}: {reason}"


def round_text(record: RoundRecord) -> str:
    """How a round went, in counts only."""
    words = _("{spoke} spoke, {passed} passed").format(
        spoke=number_text(record.spoke), passed=number_text(record.passed)
    )
    if record.passed:
        words += " " + _("({again} spoke when offered again, {declined} declined)").format(
            again=number_text(record.spoke_when_offered_again),
            declined=number_text(record.declined),
        )
    return words + ("" if record.done else _("; the round did not reach its end"))


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
    text = _("{time}, in {part}: {changes}").format(
        time=clock_text(rebalance.at),
        part=part_title(summary, rebalance.part),
        changes="; ".join(changes),
    )
    if rebalance.over_by:
        text += " " + _("(still {minutes} over)").format(minutes=length_text(rebalance.over_by))
    if rebalance.undone_at is not None:
        text += " " + _("(undone at {time})").format(time=clock_text(rebalance.undone_at))
    return text


def follow_through_text(record: FollowThrough) -> str:
    """One follow-through in a line: when, where, the steps, what is due and whether done."""
    steps = "; ".join(_(step) for step in record.step_words)
    debrief = _("a debrief within 72 hours planned") if record.debrief else _("no debrief planned")
    done = (
        _("done {day}").format(day=day_text(record.done_at.date()))
        if record.done_at
        else _("not yet done")
    )
    return _("{time}, {place}: {steps}. Follow-up due {due} ({done}); {debrief}.").format(
        time=clock_text(record.at),
        place=_(record.place_words),
        steps=steps,
        due=day_text(record.due),
        done=done,
        debrief=debrief,
    )


def people_text(count: int) -> str:
    """An attendance in words: ``1 person``, ``6 people``."""
    return ngettext("{count} person", "{count} people", count).format(count=number_text(count))


def started_text(timeline: Timeline, *, label: bool = True) -> str:
    """``Started 18:00, ended 19:30``; without ``label``, ``18:00, ended 19:30``."""
    words = _("Started {start}, ended {end}") if label else _("{start}, ended {end}")
    return words.format(start=clock_text(timeline.started_at), end=clock_text(timeline.ended_at))


def time_text(timeline: Timeline) -> str:
    """Planned against run and paused time: ``planned 90 min, ran 95 min (+5 min over), …``."""
    ran = _("planned {planned}, ran {ran}").format(
        planned=length_text(timeline.planned_seconds), ran=length_text(timeline.running_seconds)
    )
    if timeline.overrun_seconds >= 0.5:
        ran += " " + _("({over} over)").format(over=over_text(timeline.overrun_seconds))
    return ran + ", " + _("paused {paused}").format(paused=length_text(timeline.paused_seconds))


def shown_text(summary: Summary, shown: ShownResource, escape: Callable[[str], str] = str) -> str:
    """``18:20, in Check-in: Find a helpline (crisis)``, outside text passed through ``escape``."""
    text = _("{time}, in {part}: {resource}").format(
        time=clock_text(shown.at),
        part=escape(part_title(summary, shown.part)),
        resource=escape(shown.title),
    )
    return text + (" (" + _("crisis") + ")" if shown.crisis else "")


def debrief_items(debrief: Debrief) -> list[tuple[str, str]]:
    """The debrief's answers, each with its label: ``How it went``, ``To follow up``…"""
    return [
        (_("How it went"), debrief.how_it_went),
        (_("To follow up"), debrief.follow_up),
        (_("Self-care"), debrief.self_care),
    ]
