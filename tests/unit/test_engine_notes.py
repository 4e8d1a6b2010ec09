"""Notes and their guard, the watch list, resources, the crisis action and the debrief."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from engine_support import SESSION_ID, agenda, file_record, new_session, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.crisis import HELPLINE_DIRECTORY
from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.session import NoteFlagged, Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.privacy.guard import WatchList
from circlekeeper.sessions.templates.agenda import Resource


def test_a_note_has_a_kind_a_part_a_time_and_a_source(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    session.next_part()
    clock.advance(minutes=3)
    note = session.add_note("  Several feel isolated working from home  ", NoteKind.THEME)
    assert note.text == "Several feel isolated working from home"
    assert (note.kind, note.kind.label) == (NoteKind.THEME, "Theme")
    assert note.part == 1
    assert note.at == clock.now()
    assert note.elapsed == 180
    assert not note.facilitator_only
    assert note.source is NoteSource.FACILITATOR
    card = session.add_note(
        "How do others say no?", "question", source="drop-box", facilitator_only=True
    )
    assert (card.kind, card.source, card.facilitator_only) == (
        NoteKind.QUESTION,
        NoteSource.DROP_BOX,
        True,
    )
    assert session.notes() == [note, card]
    assert session.notes(1) == [note, card]
    assert session.notes(0) == []
    assert session.notes(include_facilitator_only=False) == [note]
    assert session.note(card.id) == card
    assert [k.label for k in NoteKind] == [
        "Theme", "Action", "Question", "Support need", "Parking lot",
    ]  # fmt: skip


def test_notes_are_edited_and_deleted_for_real(clock: FakeClock) -> None:
    session = new_session(clock)
    note = session.add_note("Follow up on the rota", "action")
    clock.advance(minutes=2)
    edited = session.edit_note(note.id, text="Ask HR about the rota", facilitator_only=True)
    assert edited.id == note.id
    assert (edited.text, edited.kind, edited.facilitator_only) == (
        "Ask HR about the rota",
        NoteKind.ACTION,
        True,
    )
    assert edited.edited_at == clock.now()
    assert edited.at == note.at
    assert session.record.notes() == [edited.to_dict()]
    session.delete_note(note.id)
    assert session.notes() == []
    assert session.record.notes() == []
    with pytest.raises(SessionError, match="no note"):
        session.delete_note(note.id)
    with pytest.raises(SessionError, match="no note"):
        session.edit_note(note.id, text="again")


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("   ", "theme", "empty"),
        ("x" * 2001, "theme", "under 2000"),
        ("fine", "gossip", "not a kind of note"),
    ],
)
def test_a_bad_note_is_refused_with_a_reason(
    clock: FakeClock, text: str, kind: str, message: str
) -> None:
    session = new_session(clock)
    with pytest.raises(SessionError, match=message):
        session.add_note(text, kind)
    assert session.record.notes() == []


def test_personal_data_is_flagged_before_saving(clock: FakeClock) -> None:
    session = new_session(clock, watch_list=["Priya Sharma"])
    text = "Priya Sharma asked for mail at priya@example.com"
    with pytest.raises(NoteFlagged) as caught:
        session.add_note(text)
    flagged = caught.value
    assert [f.kind for f in flagged.findings] == ["name", "email"]
    assert flagged.text == text
    assert "personal data" in str(flagged)
    assert flagged.redacted == "[name removed] asked for mail at [email removed]"
    assert session.record.notes() == []
    assert session.notes() == []


def test_redacting_saves_the_text_with_markers(clock: FakeClock) -> None:
    session = new_session(clock, watch_list=["Priya"])
    note = session.add_note("Priya wants a buddy", redact=True)
    assert note.text == "[name removed] wants a buddy"
    assert note.kept == ()


def test_keeping_is_an_explicit_choice_and_is_remembered(clock: FakeClock) -> None:
    session = new_session(clock)
    note = session.add_note("Team line: +44 20 7946 0958", "action", keep=True)
    assert note.text == "Team line: +44 20 7946 0958"
    assert note.kept == ("phone",)
    with pytest.raises(ValueError, match="either keep or redact"):
        session.add_note("x@example.com", keep=True, redact=True)


def test_an_edit_is_checked_too(clock: FakeClock) -> None:
    session = new_session(clock, watch_list=WatchList(["Omar"]))
    note = session.add_note("Needs a quiet room", "support_need")
    with pytest.raises(NoteFlagged):
        session.edit_note(note.id, text="Omar needs a quiet room")
    assert session.note(note.id).text == "Needs a quiet room"
    edited = session.edit_note(note.id, text="Omar needs a quiet room", redact=True)
    assert edited.text == "[name removed] needs a quiet room"
    # A kind-only edit leaves the text alone.
    assert session.edit_note(note.id, kind="action").text == edited.text


def test_names_added_to_the_watch_list_later_are_looked_for(clock: FakeClock) -> None:
    session = new_session(clock)
    session.add_note("Dana spoke about burnout")
    session.watch_list.add("Dana")
    with pytest.raises(NoteFlagged):
        session.add_note("Dana again")


def test_the_watch_list_is_never_written_to_disk(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "session.json"
    names = ["Zebedee Quartermain", "Ottoline"]
    session = Session.create(
        file_record(path), agenda(), clock, session_id=SESSION_ID, attendance=5, watch_list=names
    )
    session.start()
    clock.advance(minutes=3)
    session.heartbeat()
    with pytest.raises(NoteFlagged):
        session.add_note("Zebedee Quartermain is struggling")
    session.add_note("Ottoline is struggling", redact=True)
    session.next_part()
    session.pause()
    session.record.close()
    session = Session.resume(file_record(path), clock, watch_list=names)
    session.end()
    session.save_debrief("Went well", "Call Ottoline's manager", redact=True)
    session.record.close()
    text = path.read_text(encoding="utf-8").lower()
    for word in ("zebedee", "quartermain", "ottoline"):
        assert word not in text
    assert "[name removed]" in text


def test_the_debrief_is_guarded_and_facilitator_only(clock: FakeClock) -> None:
    session = new_session(clock, watch_list=["Kim"])
    session.start()
    session.end()
    with pytest.raises(NoteFlagged):
        session.save_debrief("Fine", "Check in with Kim")
    with pytest.raises(SessionError, match="empty"):
        session.save_debrief("  ")
    debrief = session.save_debrief("Fine", "Check in with Kim", "A walk", redact=True)
    assert (debrief.how_it_went, debrief.follow_up, debrief.self_care) == (
        "Fine",
        "Check in with [name removed]",
        "A walk",
    )
    assert debrief.at == clock.now()
    assert session.record.read_meta()["debrief"]["facilitator_only"] is True
    replaced = session.save_debrief("Better than I thought")
    assert session.debrief() == replaced
    assert replaced.follow_up == ""


def test_resources_shown_are_recorded_with_their_time(clock: FakeClock) -> None:
    helpline = Resource("Helpline", "https://example.org/help", line=30)
    session = new_session(clock, agenda(part("Only", 30), resources=(helpline,)))
    session.start()
    clock.advance(minutes=4)
    session.resource_shown(helpline)
    [shown] = session.timeline().resources_shown
    assert (shown.title, shown.url, shown.part, shown.crisis) == (
        "Helpline",
        "https://example.org/help",
        0,
        False,
    )
    assert shown.at == clock.now()


def test_a_resource_added_during_the_session_is_checked(clock: FakeClock) -> None:
    session = new_session(clock)
    added = session.add_resource(" Local group ", "https://example.org/group")
    assert added == Resource("Local group", "https://example.org/group")
    assert session.resources()[-1] == added
    assert session.add_resource("Same again", "https://example.org/group") == added
    for url, message in [
        ("javascript:alert(1)", "only http, https, mailto and tel"),
        ("https://example.org/a b", "contains a space"),
        ("", "empty"),
        # A facilitator types a number or an address as they would say it: say how.
        ("0800 123 456", "looks like a phone number: write it as tel:0800123456"),
        ("+44 (0)20 7946-0958", r"write it as tel:\+442079460958 "),  # no trunk 0 after +44
        ("help@eap.example.org", "looks like an email address: write it as mailto:help@eap"),
        # Not every run of digits or @ is a number or an address.
        ("10.0.0.1", "has no scheme"),
        ("example.org/@me", "has no scheme"),
    ]:
        with pytest.raises(SessionError, match=f"cannot add the resource: .*{message}"):
            session.add_resource("Bad", url)
    untitled = session.add_resource("", "tel:+441234567890")
    assert untitled.title == "tel:+441234567890"
    again = Session.resume(session.record, clock)
    assert again.resources() == (added, untitled)
    assert again.timeline().resources_added == (added, untitled)


def test_the_crisis_action_pauses_and_records_the_crisis_resource(clock: FakeClock) -> None:
    crisis_line = Resource("Crisis line", "tel:116123", crisis=True)
    session = new_session(clock, agenda(part("Only", 30), resources=(crisis_line,)))
    session.start()
    clock.advance(minutes=7)
    assert session.crisis() == crisis_line
    assert session.status().paused_seconds == 0
    clock.advance(minutes=5)
    status = session.status()
    assert (status.state.value, status.part_elapsed, status.paused_seconds) == (
        "paused",
        420,
        300,
    )
    [pause] = session.timeline().pauses
    assert pause.reason == "crisis"
    [shown] = session.timeline().resources_shown
    assert (shown.title, shown.crisis, shown.at) == (
        "Crisis line",
        True,
        clock.now() - timedelta(minutes=5),
    )
    # A second crisis while paused shows it again without another pause.
    session.crisis()
    assert len(session.timeline().pauses) == 1
    assert len(session.timeline().resources_shown) == 2


def test_without_a_crisis_resource_a_directory_of_helplines_is_shown(clock: FakeClock) -> None:
    session = new_session(clock)
    assert session.crisis() == HELPLINE_DIRECTORY
    own = Resource("Our EAP", "https://eap.example.org", crisis=True)
    assert session.crisis(own) == own
    session.start()
    session.end()
    assert session.crisis() == HELPLINE_DIRECTORY  # never refused, nothing recorded
    assert [e["type"] for e in session.record.events()][-1] == "end"
