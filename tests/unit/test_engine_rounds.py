"""Speaking rounds: speaker k of n, time a speaker, passes offered again, the round's end."""

from __future__ import annotations

import pytest
from engine_support import agenda, new_session, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.rounds import RoundStatus
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError


def round_session(clock: FakeClock, attendance: int = 4) -> Session:
    """A running session in a 15-minute round of 3 minutes a speaker."""
    session = new_session(
        clock, agenda(part("Round", 15, round_minutes=3), part("After", 10)), attendance=attendance
    )
    session.start()
    return session


def speaker(status: RoundStatus | None) -> tuple[int, int]:
    assert status is not None
    return status.speaker, status.of


def test_speaker_k_of_n_with_the_speakers_time(clock: FakeClock) -> None:
    session = round_session(clock)
    status = session.status().round
    assert status is not None
    assert speaker(status) == (1, 4)
    assert (status.speaker_elapsed, status.speaker_left, status.turns_fit) == (0, 180, 5)
    clock.advance(minutes=2)
    status = session.status().round
    assert status is not None
    assert (status.speaker_elapsed, status.speaker_left, status.speaker_overrun) == (120, 60, 0)
    clock.advance(minutes=2)
    status = session.status().round
    assert status is not None
    assert (status.speaker_left, status.speaker_overrun) == (0, 60)
    after = session.next_speaker()
    assert speaker(after) == (2, 4)
    assert after.speaker_elapsed == 0
    clock.advance(seconds=30)
    assert session.status().round.speaker_elapsed == 30  # type: ignore[union-attr]


def test_the_speakers_time_stops_during_a_pause(clock: FakeClock) -> None:
    session = round_session(clock)
    clock.advance(minutes=1)
    session.pause()
    clock.advance(minutes=10)
    session.resume_timer()
    clock.advance(seconds=30)
    assert session.status().round.speaker_elapsed == 90  # type: ignore[union-attr]


def test_those_who_passed_are_offered_a_turn_again_at_the_end(clock: FakeClock) -> None:
    session = round_session(clock, attendance=4)
    session.next_speaker()
    session.pass_speaker()
    status = session.status().round
    assert status is not None
    assert (speaker(status), status.passed, status.offering_again) == ((3, 4), 1, False)
    session.pass_speaker()
    status = session.next_speaker()  # the fourth spoke: the first pass is over
    assert status.offering_again
    assert (status.again_speaker, status.again_of, status.passed) == (1, 2, 2)
    assert not status.done
    status = session.next_speaker()  # the first who passed speaks now
    assert (status.again_speaker, status.again_of) == (2, 2)
    status = session.pass_speaker()  # the second passes again
    assert status.done
    assert not status.offering_again
    assert status.speaker_left == 0
    with pytest.raises(SessionError, match="round is over"):
        session.next_speaker()
    record = session.timeline().parts[0].round
    assert record is not None
    assert (record.spoke, record.passed) == (2, 2)
    assert (record.spoke_when_offered_again, record.declined, record.done) == (1, 1, True)


def test_a_round_with_no_passes_ends_after_the_last_speaker(clock: FakeClock) -> None:
    session = round_session(clock, attendance=2)
    session.next_speaker()
    status = session.next_speaker()
    assert status.done
    assert not status.offering_again


def test_the_count_follows_the_attendance(clock: FakeClock) -> None:
    session = round_session(clock, attendance=3)
    session.next_speaker()
    session.set_attendance(5)
    assert speaker(session.status().round) == (2, 5)
    session.next_speaker()
    session.next_speaker()
    session.set_attendance(3)  # two left early: speaker 4 is shown as 4 of 4
    assert speaker(session.status().round) == (4, 4)
    assert session.next_speaker().done


def test_a_round_keeps_its_place_when_the_facilitator_leaves_and_comes_back(
    clock: FakeClock,
) -> None:
    session = round_session(clock)
    session.next_speaker()
    clock.advance(minutes=1)
    session.next_part()
    assert session.status().round is None
    with pytest.raises(SessionError, match="not a speaking round"):
        session.pass_speaker()
    clock.advance(minutes=5)
    session.previous_part()
    clock.advance(seconds=10)
    status = session.status().round
    assert status is not None
    assert speaker(status) == (2, 4)
    assert status.speaker_elapsed == 70


def test_turns_that_fit_follow_the_plan(clock: FakeClock) -> None:
    session = round_session(clock, attendance=7)
    assert session.status().round.turns_fit == 5  # type: ignore[union-attr]
