"""When the run screen reads the clock next: just past the part's next whole second."""

from __future__ import annotations

from dataclasses import replace

import pytest
from engine_support import new_session

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.events import SessionState
from circlekeeper.sessions.engine.status import Status
from circlekeeper.tui.screens.run_ticks import LATE_BY, STOPPED_SECONDS, seconds_to_next_tick


@pytest.fixture
def running() -> Status:
    session = new_session(FakeClock())
    session.start()
    return session.status()


@pytest.mark.parametrize(
    ("elapsed", "wait"), [(12.25, 0.75), (12.0, 1.0), (0.999, 0.001), (605.5, 0.5)]
)
def test_a_running_timer_is_read_as_its_second_turns(running, elapsed, wait):
    status = replace(running, part_elapsed=elapsed)
    assert seconds_to_next_tick(status) == pytest.approx(wait + LATE_BY)


@pytest.mark.parametrize("state", [SessionState.READY, SessionState.PAUSED, SessionState.ENDED])
def test_a_timer_standing_still_is_read_once_a_second(running, state):
    status = replace(running, state=state, part_elapsed=12.25)
    assert seconds_to_next_tick(status) == STOPPED_SECONDS
