"""The example session the export tests write out holds every case the exports must show.

The example itself is built in ``export_example.py``; these tests check it keeps every
kind of note and event, so the golden files cannot quietly lose a case.
"""

from __future__ import annotations

from export_example import example_session

from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.export import Audience, summary_of


def test_the_example_holds_every_case_the_exports_must_show() -> None:
    session = example_session()
    timeline = session.timeline()
    notes = session.notes()
    assert {note.kind for note in notes} == set(NoteKind)
    assert any(note.facilitator_only for note in notes)
    assert any(note.source is NoteSource.DROP_BOX for note in notes)
    assert any("\n" in note.text for note in notes)
    assert timeline.parts[0].overrun_seconds == 120
    assert timeline.rebalances and timeline.resources_shown
    assert {pause.reason for pause in timeline.pauses} == {"pause", "crisis"}
    assert timeline.parts[1].round is not None and timeline.parts[1].round.passed == 2
    assert session.debrief() is not None
    assert timeline.state == "ended"


def test_the_handout_summary_keeps_only_shared_themes_and_actions() -> None:
    summary = summary_of(example_session(), Audience.PARTICIPANTS)
    assert summary.record is None
    assert all(part.details is None for part in summary.parts)
    assert [(n.kind, n.facilitator_only) for n in summary.notes] == [
        (NoteKind.THEME, False),
        (NoteKind.ACTION, False),
        (NoteKind.THEME, False),
    ]
    assert [r.url for r in summary.resources] == [
        "https://findahelpline.com",
        "mailto:wellbeing@example.org",
        "https://intranet.example.org/mentoring",
    ]


def test_the_record_summary_keeps_every_note() -> None:
    session = example_session()
    summary = summary_of(session, Audience.FACILITATOR)
    assert summary.record is not None
    assert [n.id for n in summary.notes] == [n.id for n in session.notes()]
    assert summary.record.debrief == session.debrief()
