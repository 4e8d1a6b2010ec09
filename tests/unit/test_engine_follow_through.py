"""The facilitator's follow-through after the crisis key: recorded, guarded, replayed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from engine_support import file_record, new_session

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import NoteFlagged, Session
from circlekeeper.sessions.errors import SessionError


def test_a_follow_through_is_recorded_and_read_back(clock: FakeClock, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    session = Session.create(
        file_record(path), new_session(clock).agenda, clock, attendance=6, session_id="s"
    )
    session.start()
    session.crisis()
    due = date(2026, 3, 5)
    saved = session.save_follow_through(
        "remote", ["stayed", "signposted"], due, debrief=True, words="Checked in after the call"
    )
    assert (saved.place, saved.steps, saved.due, saved.debrief) == (
        "remote",
        ("stayed", "signposted"),
        due,
        True,
    )
    assert saved.done_at is None
    clock.advance(minutes=5)
    session.end()
    session.follow_up_done()  # after the end too
    again = Session.resume(file_record(path), clock, read_only=True)
    (record,) = again.follow_throughs
    assert record.words == "Checked in after the call"
    assert record.done_at == clock.now()
    assert record.step_words[1] == "helpline or EAP shown"


def test_no_step_reads_as_none_of_these(clock: FakeClock) -> None:
    session = new_session(clock)
    saved = session.save_follow_through("room", [], date(2026, 3, 5), debrief=False)
    assert saved.step_words == ("none of these",)


def test_its_words_go_through_the_personal_data_guard(clock: FakeClock) -> None:
    session = new_session(clock, watch_list=["Maria"])
    with pytest.raises(NoteFlagged):
        session.save_follow_through("room", [], date(2026, 3, 5), debrief=False, words="Call Maria")
    assert session.follow_throughs == ()
    saved = session.save_follow_through(
        "room", [], date(2026, 3, 5), debrief=False, words="Call Maria", redact=True
    )
    assert "Maria" not in saved.words


def test_unknown_places_and_steps_are_refused(clock: FakeClock) -> None:
    session = new_session(clock)
    with pytest.raises(SessionError, match="not a place"):
        session.save_follow_through("moon", [], date(2026, 3, 5), debrief=False)
    with pytest.raises(SessionError, match="not a step"):
        session.save_follow_through("room", ["prayed"], date(2026, 3, 5), debrief=False)
    with pytest.raises(SessionError, match="no crisis follow-up is open"):
        session.follow_up_done()
