"""A session's life: ready, running, paused, ended; its meta, index and event log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from engine_support import SESSION_ID, agenda, memory_record, new_session, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session, SessionState
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda


def test_a_new_session_is_ready_with_its_own_copy_of_the_agenda(clock: FakeClock) -> None:
    original = agenda()
    session = new_session(clock, original)
    assert session.state is SessionState.READY
    assert session.part_index == 0
    assert session.attendance == 8
    meta = session.record.read_meta()
    assert Agenda.from_dict(meta["agenda"]) == original

    # A later edit of the template is a different Agenda; the record keeps the old one.
    edited = original._replace(title="Renamed", parts=original.parts[:1])
    assert edited != original
    reopened = Session.resume(session.record, clock)
    assert reopened.agenda == original
    assert reopened.agenda.title == "A test agenda"


def test_meta_holds_what_the_index_needs(clock: FakeClock) -> None:
    session = new_session(clock)
    meta = session.record.read_meta()
    for field in ("id", "schema", "created", "title", "template", "state", "updated", "ended"):
        assert field in meta
    assert meta["id"] == SESSION_ID
    assert meta["title"] == "A test agenda"
    assert meta["template"] == "test-agenda"
    assert meta["state"] == "ready"
    assert meta["ended"] is None
    assert meta["attendance"] == 8
    assert meta["created"] == clock.now().isoformat()


def test_the_states_go_ready_running_paused_ended_with_the_time_of_each(
    clock: FakeClock,
) -> None:
    session = new_session(clock)
    clock.advance(minutes=1)
    session.start()
    assert session.state is SessionState.RUNNING
    clock.advance(minutes=2)
    session.pause()
    assert session.state is SessionState.PAUSED
    clock.advance(minutes=3)
    session.resume_timer()
    assert session.state is SessionState.RUNNING
    clock.advance(minutes=4)
    session.end()
    assert session.state is SessionState.ENDED

    created = clock.now() - timedelta(minutes=10)
    steps = [(t.state, t.at - created, t.cause) for t in session.timeline().transitions]
    assert steps == [
        ("ready", timedelta(0), "created"),
        ("running", timedelta(minutes=1), "start"),
        ("paused", timedelta(minutes=3), "pause"),
        ("running", timedelta(minutes=6), "resume"),
        ("ended", timedelta(minutes=10), "end"),
    ]
    meta = session.record.read_meta()
    assert meta["state"] == "ended"
    assert meta["ended"] == clock.now().isoformat()
    assert meta["updated"] == clock.now().isoformat()


def test_toggle_starts_pauses_and_resumes(clock: FakeClock) -> None:
    session = new_session(clock)
    assert session.toggle() is SessionState.RUNNING
    assert session.toggle() is SessionState.PAUSED
    assert session.toggle() is SessionState.RUNNING
    session.end()
    with pytest.raises(SessionError, match="ended"):
        session.toggle()


@pytest.mark.parametrize(
    ("setup", "action", "message"),
    [
        ((), "pause", "start the session first"),
        ((), "resume_timer", "start the session first"),
        ((), "end", "has not started"),
        ((), "next_speaker", "start the session first"),
        (("start",), "start", "already started"),
        (("start",), "resume_timer", "already running"),
        (("start", "pause"), "pause", "already paused"),
        (("start", "end"), "start", "has ended"),
        (("start", "end"), "pause", "has ended"),
        (("start", "end"), "resume_timer", "has ended"),
        (("start", "end"), "end", "has ended"),
        (("start", "end"), "next_part", "has ended"),
        (("start", "end"), "previous_part", "has ended"),
        (("start", "end"), "rebalance", "has ended"),
        (("start", "end"), "undo_rebalance", "has ended"),
        (("start",), "previous_part", "first part"),
        (("start",), "undo_rebalance", "no rebalance to undo"),
        (("start",), "rebalance", "on time"),
        (("start",), "next_speaker", "not a speaking round"),
        (("start",), "save_debrief", "after the end"),
    ],
)
def test_actions_that_are_not_possible_say_why_and_change_nothing(
    clock: FakeClock, setup: tuple[str, ...], action: str, message: str
) -> None:
    session = new_session(clock)
    for step in setup:
        getattr(session, step)()
    events = session.record.events()
    state = session.state
    args: tuple[Any, ...] = ("It went well",) if action == "save_debrief" else ()
    with pytest.raises(SessionError, match=message):
        getattr(session, action)(*args)
    assert session.record.events() == events
    assert session.state is state


def test_moving_between_parts(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    session.next_part()
    assert session.part_index == 1
    assert session.part.title == "Check-in"
    session.go_to_part(3)
    assert session.part_index == 3
    with pytest.raises(SessionError, match="last part"):
        session.next_part()
    session.previous_part()
    assert session.part_index == 2
    with pytest.raises(SessionError, match="no part 5; the agenda has 4 parts"):
        session.go_to_part(4)
    with pytest.raises(SessionError, match="already the current part"):
        session.go_to_part(2)
    with pytest.raises(SessionError, match="no part 0"):
        session.go_to_part(-1)


def test_parts_can_be_looked_through_before_the_start(clock: FakeClock) -> None:
    session = new_session(clock)
    session.next_part()
    clock.advance(minutes=5)
    assert session.status().parts[1].actual == 0
    session.start()
    clock.advance(minutes=1)
    assert session.status().part_elapsed == 60
    assert session.status().parts[0].skipped


def test_each_action_appends_exactly_one_event_and_notes_add_none(clock: FakeClock) -> None:
    session = new_session(clock)
    record = session.record
    assert [e["type"] for e in record.events()] == ["created"]
    session.start()
    session.add_note("People want more time for sharing", "theme")
    session.next_part()
    session.next_speaker()
    session.set_attendance(9)
    session.pause()
    kinds = [e["type"] for e in record.events()]
    assert kinds == ["created", "start", "part", "speaker", "attendance", "pause"]
    for event in record.events():
        assert set(event) >= {"type", "at", "ms"}


def test_the_index_is_told_of_each_state_change_but_not_of_notes(clock: FakeClock) -> None:
    seen: list[dict[str, Any]] = []
    session = new_session(clock, index=seen.append)
    assert [m["state"] for m in seen] == ["ready"]
    session.start()
    session.add_note("A theme", "theme")
    session.add_note("Another theme", "theme")
    session.set_attendance(6)
    session.end()
    assert [m["state"] for m in seen] == ["ready", "running", "running", "ended"]
    assert seen[-2]["attendance"] == 6
    last = seen[-1]
    assert "agenda" not in last
    assert last == {k: v for k, v in session.record.read_meta().items() if k in last}
    assert set(last) == {
        "id", "schema", "created", "title", "template", "state", "updated", "ended", "attendance",
        "follow_up_due",
    }  # fmt: skip


def test_attendance_is_a_sensible_whole_number(clock: FakeClock) -> None:
    for bad in (0, -3, 501, 2.5, True, "8"):
        with pytest.raises(SessionError, match="attendance"):
            new_session(clock, attendance=bad)
    session = new_session(clock)
    with pytest.raises(SessionError, match="between 1 and 500"):
        session.set_attendance(0)
    session.set_attendance(12)
    assert session.attendance == 12
    assert session.record.read_meta()["attendance"] == 12
    session.set_attendance(12)
    assert [e["type"] for e in session.record.events()].count("attendance") == 1


def test_a_record_holds_one_session_and_an_agenda_needs_parts(clock: FakeClock) -> None:
    session = new_session(clock)
    with pytest.raises(SessionError, match="already holds a session"):
        Session.create(session.record, agenda(), clock, session_id="x", attendance=3)
    empty = Agenda(name="empty", title="Empty", parts=())
    with pytest.raises(SessionError, match="no parts"):
        Session.create(memory_record(), empty, clock, session_id="x", attendance=3)
    with pytest.raises(SessionError, match="no agenda"):
        Session.resume(memory_record(), clock)


def test_an_ended_session_refuses_changes_but_takes_a_debrief(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    note = session.add_note("Sleep came up a lot", "theme")
    session.end()
    for action, args in [
        ("add_note", ("late",)),
        ("set_attendance", (5,)),
        ("add_resource", ("Site", "https://example.org")),
        ("go_to_part", (2,)),
        ("pass_speaker", ()),
    ]:
        with pytest.raises(SessionError, match="ended"):
            getattr(session, action)(*args)
    debrief = session.save_debrief("Calm; good energy", "Book a bigger room")
    assert debrief.facilitator_only
    assert session.debrief() == debrief
    assert Session.resume(session.record, clock).debrief() == debrief
    # Taking something out stays possible.
    session.delete_note(note.id)
    assert session.notes() == []


def test_a_store_session_is_listed_with_the_engines_meta(tmp_path: Path, clock: FakeClock) -> None:
    store = SessionStore(tmp_path / "sessions")
    with store.create(clock.now()) as handle:
        session = Session.create(
            handle.record,
            agenda(part("Only", 5)),
            clock,
            session_id=handle.id,
            attendance=4,
            index=store.update_index,
        )
        clock.advance(minutes=1)
        session.start()
    [summary] = store.list().sessions
    assert summary.id == handle.id
    assert summary.title == "A test agenda"
    assert summary.template == "test-agenda"
    assert summary.state == "running"
    assert summary.updated == clock.now()
    with store.open(handle.id) as again:
        assert Session.resume(again.record, clock).state is SessionState.PAUSED
