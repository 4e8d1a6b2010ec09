"""Resume after a quit or a crash: the same place, the closed time as a pause, heartbeats."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from engine_support import SESSION_ID, agenda, file_record, memory_record, new_session

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session, SessionState
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.storage.record import SessionRecord


def crash(session: Session, path: Path) -> SessionRecord:
    """Drop the session without a word, as a crash would, and reopen its file."""
    session.record.close()
    return file_record(path)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "session.json"


def started(path: Path, clock: FakeClock) -> Session:
    session = Session.create(
        file_record(path), agenda(), clock, session_id=SESSION_ID, attendance=6
    )
    session.start()
    return session


def test_resume_reopens_exactly_where_it_was(path: Path, clock: FakeClock) -> None:
    session = started(path, clock)
    clock.advance(minutes=12)
    session.next_part()
    clock.advance(minutes=1)
    session.pass_speaker()
    session.next_speaker()
    note = session.add_note("Commuting is hard", "theme")
    session.set_attendance(7)
    clock.advance(minutes=18)
    session.rebalance()
    clock.advance(seconds=40)
    session.pause()
    before = session.status()
    record = crash(session, path)

    clock.advance(minutes=30)
    again = Session.resume(record, clock)
    after = again.status()
    assert again.state is SessionState.PAUSED
    assert (after.part_index, after.attendance) == (1, 7)
    assert after.round == before.round
    assert [p.planned for p in after.parts] == [p.planned for p in before.parts]
    assert [p.actual for p in after.parts] == [p.actual for p in before.parts]
    assert after.can_undo_rebalance
    assert again.notes() == [note]
    assert again.id == SESSION_ID
    # The time closed is part of the pause it was already in.
    assert after.paused_seconds == before.paused_seconds + 30 * 60
    [pause] = again.timeline().pauses
    assert pause.app_closed
    assert pause.reason == "pause"


def test_a_crash_while_running_counts_time_up_to_the_last_heartbeat(
    path: Path, clock: FakeClock
) -> None:
    session = started(path, clock)
    clock.advance(minutes=4)
    session.heartbeat()
    clock.advance(seconds=15)
    session.heartbeat()
    clock.advance(seconds=9)  # lost in the crash
    record = crash(session, path)

    clock.advance(minutes=10)
    again = Session.resume(record, clock)
    status = again.status()
    assert status.state is SessionState.PAUSED
    assert status.part_elapsed == 255
    assert status.session_elapsed == 255
    assert status.paused_seconds == 10 * 60 + 9
    [pause] = again.timeline().pauses
    assert (pause.reason, pause.app_closed) == ("closed", True)
    assert pause.started_at == clock.now() - timedelta(minutes=10, seconds=9)
    # The time closed never counts as speaking time, even once running again.
    again.resume_timer()
    clock.advance(minutes=1)
    assert again.status().part_elapsed == 315
    assert again.timeline().transitions[-2].cause == "closed"


def test_without_a_heartbeat_the_running_time_since_the_last_event_is_lost(
    path: Path, clock: FakeClock
) -> None:
    session = started(path, clock)
    clock.advance(minutes=2)
    session.next_part()
    clock.advance(minutes=3)
    record = crash(session, path)
    clock.advance(minutes=1)
    status = Session.resume(record, clock).status()
    assert [p.actual for p in status.parts[:2]] == [120, 0]
    assert status.paused_seconds == 4 * 60


def test_a_heartbeat_from_before_the_last_event_is_not_counted_twice(
    path: Path, clock: FakeClock
) -> None:
    session = started(path, clock)
    clock.advance(minutes=2)
    session.heartbeat()
    clock.advance(minutes=1)
    session.next_part()  # clears the heartbeat's claim
    clock.advance(seconds=10)
    record = crash(session, path)
    assert record.read_meta()["pending"] is None
    status = Session.resume(record, clock).status()
    assert [p.actual for p in status.parts[:2]] == [180, 0]


def test_a_heartbeat_writes_meta_only_and_only_while_running(path: Path, clock: FakeClock) -> None:
    session = Session.create(
        file_record(path), agenda(), clock, session_id=SESSION_ID, attendance=6
    )
    session.heartbeat()
    assert session.record.read_meta().get("pending") is None
    session.start()
    clock.advance(seconds=15)
    events = session.record.events()
    session.heartbeat()
    assert session.record.events() == events
    assert session.record.read_meta()["pending"]["ms"] == 15000
    session.pause()
    assert session.record.read_meta()["pending"] is None


def test_a_ready_or_ended_session_resumes_as_it_was(clock: FakeClock) -> None:
    ready = new_session(clock)
    clock.advance(minutes=5)
    again = Session.resume(ready.record, clock)
    assert again.state is SessionState.READY
    assert [e["type"] for e in again.record.events()] == ["created"]

    ended = new_session(clock)
    ended.start()
    clock.advance(minutes=3)
    ended.end()
    clock.advance(minutes=60)
    again = Session.resume(ended.record, clock)
    assert again.state is SessionState.ENDED
    assert again.status().session_elapsed == 180
    assert again.timeline().ended_at == clock.now() - timedelta(minutes=60)


def test_resuming_twice_is_two_closed_spells(path: Path, clock: FakeClock) -> None:
    session = started(path, clock)
    clock.advance(minutes=1)
    session.heartbeat()
    record = crash(session, path)
    clock.advance(minutes=1)
    session = Session.resume(record, clock)
    session.resume_timer()
    clock.advance(minutes=1)
    session.heartbeat()
    record = crash(session, path)
    clock.advance(minutes=1)
    again = Session.resume(record, clock)
    status = again.status()
    assert status.session_elapsed == 120
    assert status.paused_seconds == 120
    assert [(p.reason, p.seconds) for p in again.timeline().pauses] == [
        ("closed", 60),
        ("closed", 60),
    ]


def test_a_damaged_record_is_reported_not_replayed(clock: FakeClock) -> None:
    session = new_session(clock)
    session.record.append_event({"type": "part", "at": clock.now().isoformat(), "ms": 0})
    with pytest.raises(SessionError, match="event 2 of the session record is damaged"):
        Session.resume(session.record, clock)

    record = memory_record()
    record.write_meta(agenda={"title": "no parts or name"})
    with pytest.raises(SessionError, match="copy of its agenda is damaged"):
        Session.resume(record, clock)

    session = new_session(clock)
    session.record.put_note({"id": "x", "text": "t", "kind": "gossip"})
    with pytest.raises(SessionError, match="note 1 of the session record is damaged"):
        Session.resume(session.record, clock)


def test_an_event_from_a_newer_version_is_skipped_but_its_time_counts(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=2)
    session.record.append_event(
        {"type": "poll", "at": clock.now().isoformat(), "ms": 120000, "question": "?"}
    )
    status = Session.resume(session.record, clock).status()
    assert status.session_elapsed == 120


def test_reading_a_session_writes_nothing(path: Path, clock: FakeClock) -> None:
    session = started(path, clock)
    clock.advance(minutes=5)
    session.next_part()
    note = session.add_note("Money worries", "theme")
    clock.advance(minutes=2)
    session.heartbeat()
    record = crash(session, path)
    before = path.read_bytes()

    clock.advance(minutes=10)
    view = Session.resume(record, clock, read_only=True)
    assert view.state is SessionState.RUNNING
    status = view.status()
    assert [p.actual for p in status.parts[:2]] == [300, 0]
    clock.advance(minutes=1)
    assert view.status().session_elapsed == 300  # not running here
    assert view.notes() == [note]
    for action, args in [
        ("pause", ()),
        ("next_part", ()),
        ("add_note", ("More",)),
        ("delete_note", (note.id,)),
        ("edit_note", (note.id,)),
        ("add_resource", ("Site", "https://example.org")),
    ]:
        with pytest.raises(SessionError, match="reading only"):
            getattr(view, action)(*args)
    view.heartbeat()
    assert view.crisis().crisis
    assert path.read_bytes() == before
