"""Planned against actual time: elapsed, left, overrun, warning, projected end, pauses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from engine_support import JumpyClock, agenda, new_session, part

from circlekeeper.sessions.engine.clock import FakeClock


def test_time_left_then_overrun_in_the_current_part(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=4)
    status = session.status()
    assert status.part.title == "Welcome"
    assert (status.part_elapsed, status.part_left, status.part_overrun) == (240, 360, 0)
    assert not status.warning
    clock.advance(minutes=7)
    status = session.status()
    assert (status.part_elapsed, status.part_left, status.part_overrun) == (660, 0, 60)
    assert status.warning


@pytest.mark.parametrize(("minutes", "warning"), [(7.9, False), (8, True), (9.5, True)])
def test_the_warning_starts_in_the_last_minutes(
    clock: FakeClock, minutes: float, warning: bool
) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=minutes)
    assert session.status().warning is warning


def test_the_warning_length_is_the_facilitators_choice(clock: FakeClock) -> None:
    session = new_session(clock, agenda(part("Long", 30)), warning_minutes=5)
    assert not session.status().warning  # not before the start
    session.start()
    clock.advance(minutes=24.9)
    assert not session.status().warning
    clock.advance(minutes=0.1)
    assert session.status().warning


def test_a_short_part_warns_for_its_last_fifth_only(clock: FakeClock) -> None:
    session = new_session(clock, warning_minutes=5)  # the first part is 10 minutes long
    session.start()
    clock.advance(minutes=7.9)
    assert not session.status().warning
    clock.advance(minutes=0.1)
    assert session.status().warning


def test_pauses_are_not_counted_as_part_time(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=3)
    session.pause()
    clock.advance(minutes=20)
    status = session.status()
    assert status.part_elapsed == 180
    assert status.session_elapsed == 180
    assert status.paused_seconds == 1200
    assert status.since_start == 1380
    session.resume_timer()
    clock.advance(minutes=1)
    assert session.status().part_elapsed == 240
    [pause] = session.timeline().pauses
    assert (pause.reason, pause.seconds, pause.app_closed) == ("pause", 1200, False)
    assert pause.ended_at - pause.started_at == timedelta(minutes=20)


def test_time_before_the_start_is_not_counted(clock: FakeClock) -> None:
    session = new_session(clock)
    clock.advance(minutes=30)
    session.start()
    clock.advance(minutes=1)
    status = session.status()
    assert (status.session_elapsed, status.since_start) == (60, 60)


def test_planned_and_projected_end_follow_the_overrun(clock: FakeClock) -> None:
    session = new_session(clock)
    status = session.status()
    assert status.projected_end == clock.now() + timedelta(minutes=60)
    start = clock.now()
    session.start()
    clock.advance(minutes=14)  # the 10-minute welcome runs 4 minutes over
    status = session.status()
    assert status.planned_end == start + timedelta(minutes=60)
    assert status.projected_end == start + timedelta(minutes=64)
    assert status.over_by == 240
    session.next_part()
    clock.advance(minutes=10)  # 5 minutes short of the 15-minute check-in
    status = session.status()
    assert status.projected_end == start + timedelta(minutes=64)
    session.pause()
    clock.advance(minutes=6)  # a pause pushes the end back too
    status = session.status()
    assert status.projected_end == start + timedelta(minutes=70)
    assert status.over_by == 600


def test_planned_against_actual_for_every_part(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=12)
    session.next_part()
    clock.advance(minutes=15)
    session.go_to_part(3)  # Sharing skipped
    clock.advance(minutes=8)
    session.end()
    parts = session.status().parts
    assert [(p.planned, p.original, p.actual) for p in parts] == [
        (600, 600, 720),
        (900, 900, 900),
        (1500, 1500, 0),
        (600, 600, 480),
    ]
    assert [p.done for p in parts] == [True, True, True, True]
    assert [p.skipped for p in parts] == [False, False, True, False]
    timeline = session.timeline()
    assert timeline.parts[0].overrun_seconds == 120
    assert timeline.parts[2].skipped
    assert timeline.running_seconds == 35 * 60
    assert timeline.overrun_seconds == 0
    assert session.status().projected_end == clock.now()


def test_going_back_by_mistake_and_forward_again_keeps_the_timing_right(
    clock: FakeClock,
) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=10)
    session.next_part()
    clock.advance(minutes=5)
    session.next_part()
    clock.advance(seconds=20)
    session.previous_part()  # the mistake
    clock.advance(seconds=10)
    session.next_part()
    clock.advance(minutes=3)
    status = session.status()
    assert [p.actual for p in status.parts] == [600, 310, 200, 0]
    assert status.part_index == 2
    assert status.part_elapsed == 200
    assert status.session_elapsed == 1110
    visits = session.timeline().parts[1].visits
    assert [v.seconds for v in visits] == [300, 10]
    # The time still to come counts only what is left of each part.
    assert status.projected_end == clock.now() + timedelta(seconds=1300 + 600)


def test_a_part_revisited_counts_only_what_is_left_of_it(clock: FakeClock) -> None:
    session = new_session(clock, agenda(part("A", 10), part("B", 10), part("C", 10)))
    session.start()
    session.go_to_part(2)
    clock.advance(minutes=4)
    session.go_to_part(1)
    status = session.status()
    assert status.parts[2].actual == 240
    # B (10 min) then what is left of C (6 min).
    assert status.projected_end == clock.now() + timedelta(minutes=16)


def test_a_wall_clock_jump_changes_no_duration() -> None:
    clock = JumpyClock()
    session = new_session(clock)
    session.start()
    clock.advance(minutes=5)
    clock.jump(minutes=-90)
    clock.advance(minutes=2)
    session.pause()
    clock.jump(minutes=45)
    clock.advance(minutes=1)
    session.resume_timer()
    clock.advance(minutes=1)
    status = session.status()
    assert status.part_elapsed == 480
    assert status.session_elapsed == 480
    assert status.paused_seconds == 60
    assert status.over_by == 60
    [pause] = session.timeline().pauses
    assert pause.seconds == 60
    assert session.timeline().parts[0].visits[0].seconds == 480


def test_warning_in_a_one_minute_part_for_its_last_twelve_seconds(clock: FakeClock) -> None:
    session = new_session(clock, agenda(part("Quick", 1), part("Long", 30)))
    session.start()
    assert not session.status().warning
    clock.advance(seconds=48)
    assert session.status().warning
