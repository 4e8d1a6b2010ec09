"""The summary as JSON another tool can import: format ``circlekeeper-summary``, version 1.

The layout is published as a JSON Schema, ``schema/summary-v1.schema.json`` beside this
module (:func:`schema`). A handout holds only ``title``, ``date``, ``agenda``, ``notes``
and ``resources``; a record adds ``session``, the parts' timing and text, every note with
its marks, the resources shown, pauses, rebalances and the debrief. Template text is
inline CommonMark as the template wrote it (render it with raw HTML off); note text is
plain text. Times are ISO 8601 with their offset; durations are seconds.

``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: the
same JSON to any parser, and inert if the file is ever served or pasted as HTML. Every
string is made safe (:func:`~circlekeeper.sessions.safe_text.safe_text`) first, so no
control character is in the data, even escaped.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any

from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.engine.note_model import Note
from circlekeeper.sessions.export.json_text import indented_json
from circlekeeper.sessions.export.model import PartSummary, RecordDetails, Summary
from circlekeeper.sessions.reports.figures import RATING_ITEMS

FORMAT = "circlekeeper-summary"
"""The ``format`` field of every summary."""

VERSION = 1
"""The ``version`` field; a change that breaks a reader makes a new version and schema."""

SCHEMA_NAME = "summary-v1.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of version 1."""
    text = files(__package__).joinpath("schema").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _seconds(value: float) -> float:
    return round(value, 3)


def _note(note: Note, *, full: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": note.kind.value, "text": note.text, "part": note.part}
    if full:
        data.update(
            id=note.id,
            at=_time(note.at),
            elapsed_seconds=_seconds(note.elapsed),
            facilitator_only=note.facilitator_only,
            source=note.source.value,
            edited_at=_time(note.edited_at),
        )
    return data


def _part(part: PartSummary) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": part.index,
        "title": part.title,
        "minutes": part.minutes,
        "round_minutes": part.round_minutes,
        "prompts": list(part.prompts),
    }
    details = part.details
    if details is not None:
        round_ = details.round
        data.update(
            text=list(details.text),
            guidance=list(details.guidance),
            fixed=details.fixed,
            planned_seconds=details.planned_seconds,
            actual_seconds=_seconds(details.actual_seconds),
            overrun_seconds=_seconds(details.overrun_seconds),
            skipped=details.skipped,
            round=None
            if round_ is None
            else {
                "minutes_a_speaker": round_.minutes_a_speaker,
                "spoke": round_.spoke,
                "passed": round_.passed,
                "spoke_when_offered_again": round_.spoke_when_offered_again,
                "declined": round_.declined,
                "done": round_.done,
            },
        )
    return data


def _follow_throughs(records: tuple[FollowThrough, ...]) -> dict[str, Any]:
    # Only where there is one, so a record without a crisis reads as it always did.
    if not records:
        return {}
    return {
        "follow_throughs": [
            {
                "at": _time(r.at),
                "place": r.place,
                "steps": list(r.steps),
                "due": r.due.isoformat(),
                "debrief_planned": r.debrief,
                "words": r.words,
                "done_at": _time(r.done_at),
            }
            for r in records
        ]
    }


def _group(record: RecordDetails) -> dict[str, Any]:
    # Only for a group's meeting, so a record of any other session reads as it always did.
    data: dict[str, Any] = {}
    if record.group:
        data["group"] = record.group
    if record.newcomers is not None:
        data["newcomers"] = record.newcomers
    return data


def _rating(record: RecordDetails) -> dict[str, Any]:
    # Only where a check was taken, so a record without one reads as it always did.
    if record.rating is None:
        return {}
    means = dict(zip(RATING_ITEMS, record.rating.means, strict=True))
    return {"rating_check": {"answers": record.rating.answers, **means}}


def _record(record: RecordDetails, template: str) -> dict[str, Any]:
    timeline = record.timeline
    debrief = record.debrief
    return {
        "session": {
            "id": record.session_id,
            "template": template,
            "state": record.state,
            "created_at": _time(timeline.created_at),
            "started_at": _time(timeline.started_at),
            "ended_at": _time(timeline.ended_at),
            "attendance": record.attendance,
            "planned_seconds": timeline.planned_seconds,
            "running_seconds": _seconds(timeline.running_seconds),
            "paused_seconds": _seconds(timeline.paused_seconds),
            "overrun_seconds": _seconds(timeline.overrun_seconds),
            # How many times the crisis key was used: a count a coordinator may be given,
            # with nothing of what happened.
            "crisis_uses": sum(1 for shown in record.resources_shown if shown.crisis),
            **_group(record),
        },
        "intro": list(record.intro),
        "resources_shown": [
            {"title": s.title, "url": s.url, "at": _time(s.at), "part": s.part, "crisis": s.crisis}
            for s in record.resources_shown
        ],
        "pauses": [
            {
                "reason": p.reason,
                "started_at": _time(p.started_at),
                "ended_at": _time(p.ended_at),
                "seconds": _seconds(p.seconds),
                "app_closed": p.app_closed,
            }
            for p in record.pauses
        ],
        "rebalances": [
            {
                "at": _time(r.at),
                "part": r.part,
                "before_seconds": list(r.before),
                "after_seconds": list(r.after),
                "over_by_seconds": r.over_by,
                "undone_at": _time(r.undone_at),
            }
            for r in record.rebalances
        ],
        **_follow_throughs(timeline.follow_throughs),
        **_rating(record),
        "debrief": None
        if debrief is None
        else {
            "how_it_went": debrief.how_it_went,
            "follow_up": debrief.follow_up,
            "self_care": debrief.self_care,
            "at": _time(debrief.at),
        },
    }


def summary_data(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready data, in the layout of the schema."""
    full = summary.record is not None
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "audience": summary.audience.value,
        "title": summary.title,
        "date": None if summary.day is None else summary.day.isoformat(),
        "agenda": [_part(part) for part in summary.parts],
        "notes": [_note(note, full=full) for note in summary.notes],
        "resources": [
            {"title": r.title, "url": r.url, "crisis": r.crisis, "link_ok": r.link_ok}
            for r in summary.resources
        ],
    }
    if summary.record is not None:
        data.update(_record(summary.record, summary.template))
    return data


def render_json(summary: Summary) -> str:
    """The summary as indented JSON text, ending in a newline."""
    text = indented_json(summary_data(summary))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text + "\n"
