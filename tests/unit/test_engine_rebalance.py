"""Rebalance: shorten the parts still to come in proportion so the session ends on time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from engine_support import agenda, new_session, part
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.rebalance import plan_rebalance
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError


def overrun_session(clock: FakeClock, minutes_over: float, *parts_: object, **options: object):
    """A running session whose first part has run ``minutes_over`` past its plan."""
    session = new_session(clock, agenda(*parts_) if parts_ else None, **options)  # type: ignore[arg-type]
    session.start()
    clock.advance(minutes=session.agenda.parts[0].minutes + minutes_over)
    return session


def test_the_parts_to_come_shrink_in_proportion_and_fixed_parts_keep_theirs(
    clock: FakeClock,
) -> None:
    # Welcome 10 runs to 18: 8 minutes to find in Check-in 15 and Sharing 25 (Check-out fixed).
    session = overrun_session(clock, 8)
    plan = session.rebalance()
    assert plan.overrun == 480
    assert plan.fits and plan.over_by == 0
    assert [(c.title, c.before, c.after) for c in plan.changes] == [
        ("Check-in", 900, 720),
        ("Sharing", 1500, 1200),
        ("Check-out", 600, 600),
    ]
    status = session.status()
    assert [p.planned for p in status.parts] == [600, 720, 1200, 600]
    assert [p.original for p in status.parts] == [600, 900, 1500, 600]
    assert status.over_by == 0
    assert status.projected_end == status.planned_end
    assert status.can_undo_rebalance


def test_a_round_keeps_its_minutes_a_speaker_and_says_how_many_turns_fit(
    clock: FakeClock,
) -> None:
    session = overrun_session(clock, 8, attendance=8)
    plan = session.rebalance()
    check_in = plan.changes[0]
    assert (check_in.minutes_a_speaker, check_in.turns_fit) == (2, 6)
    assert plan.short_rounds == (check_in,)
    assert "Check-in: 6 turns of 2 min fit for 8 people" in plan.message
    session.next_part()
    round_status = session.status().round
    assert round_status is not None
    assert (round_status.minutes_a_speaker, round_status.turns_fit) == (2, 6)


def test_no_part_goes_below_one_minute(clock: FakeClock) -> None:
    session = overrun_session(clock, 14, part("Long", 30), part("Short", 2), part("Big", 20))
    plan = session.rebalance()
    # 22 minutes to come must become 8: in proportion Short would get 44 s, so it keeps
    # one minute and Big gives the rest.
    assert [(c.title, c.after) for c in plan.changes] == [("Short", 60), ("Big", 420)]
    assert plan.fits


def test_when_it_cannot_fit_parts_go_to_one_minute_and_the_overrun_is_said(
    clock: FakeClock,
) -> None:
    session = overrun_session(clock, 30, part("A", 10), part("B", 5), part("C", 5, fixed=True))
    plan = session.rebalance()
    assert [(c.title, c.after) for c in plan.changes] == [("B", 60), ("C", 300)]
    assert not plan.fits
    assert plan.over_by == 26 * 60
    assert "still run about 26 minutes over" in plan.message
    assert session.status().over_by == 26 * 60
    with pytest.raises(SessionError, match="cannot be shortened any further.*26 minutes"):
        session.rebalance()


def test_on_time_there_is_nothing_to_rebalance(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=9)
    plan = session.preview_rebalance()
    assert not plan.changed
    assert plan.message == "The session is on time; nothing needs shortening."
    with pytest.raises(SessionError, match="on time"):
        session.rebalance()
    assert [e["type"] for e in session.record.events()] == ["created", "start"]


def test_a_pause_counts_towards_the_overrun(clock: FakeClock) -> None:
    session = new_session(clock)
    session.start()
    clock.advance(minutes=5)
    session.crisis()
    clock.advance(minutes=8)
    session.resume_timer()
    assert session.preview_rebalance().overrun == 480


def test_a_rebalance_is_recorded_and_can_be_undone(clock: FakeClock) -> None:
    session = overrun_session(clock, 8)
    session.rebalance()
    clock.advance(minutes=1)
    restored = session.undo_rebalance()
    assert restored == (600, 900, 1500, 600)
    assert [p.planned for p in session.status().parts] == [600, 900, 1500, 600]
    assert not session.status().can_undo_rebalance
    [record] = session.timeline().rebalances
    assert record.before == (600, 900, 1500, 600)
    assert record.after == (600, 720, 1200, 600)
    assert record.undone_at is not None
    assert record.undone_at - record.at == timedelta(minutes=1)
    with pytest.raises(SessionError, match="no rebalance to undo"):
        session.undo_rebalance()


def test_rebalances_stack_and_undo_one_at_a_time(clock: FakeClock) -> None:
    session = overrun_session(clock, 4)
    first = session.rebalance()
    session.next_part()
    clock.advance(minutes=20)
    second = session.rebalance()
    assert session.status().over_by == 0
    assert session.undo_rebalance() == first.plan
    assert session.undo_rebalance() == (600, 900, 1500, 600)
    assert second.plan != first.plan


def test_a_rebalance_survives_a_resume(clock: FakeClock) -> None:
    session = overrun_session(clock, 8)
    plan = session.rebalance()
    again = Session.resume(session.record, clock)
    assert tuple(p.planned for p in again.status().parts) == plan.plan
    again.undo_rebalance()
    assert [p.planned for p in again.status().parts] == [600, 900, 1500, 600]


def test_the_rebalance_counts_only_what_is_left_of_a_part_already_visited(
    clock: FakeClock,
) -> None:
    session = new_session(clock, agenda(part("A", 10), part("B", 10), part("C", 20)))
    session.start()
    session.go_to_part(2)
    clock.advance(minutes=15)  # C, 20 minutes, has 5 left
    session.go_to_part(0)
    clock.advance(minutes=15)  # A runs 5 over; 10 + 5 left to do, 10 minutes remain
    plan = session.rebalance()
    # 15 minutes left of B and C (10 + 5) shrink to 10 in proportion.
    assert [(c.title, c.after) for c in plan.changes] == [("B", 400), ("C", 900 + 200)]
    assert plan.fits


@settings(max_examples=60, deadline=None)
@given(
    minutes=st.lists(st.integers(1, 40), min_size=2, max_size=7),
    fixed=st.lists(st.booleans(), min_size=7, max_size=7),
    over=st.integers(0, 120 * 60),
)
def test_the_arithmetic_holds_for_any_agenda(
    minutes: list[int], fixed: list[bool], over: int
) -> None:
    pairs = zip(minutes, fixed, strict=False)  # as many parts as there are lengths
    parts = [part(f"P{i}", m, fixed=f) for i, (m, f) in enumerate(pairs)]
    plan = [m * 60 for m in minutes]
    total = sum(plan)
    actual = [plan[0] + over] + [0] * (len(plan) - 1)
    result = plan_rebalance(
        parts, plan, actual, current=0, used=plan[0] + over, planned_total=total, attendance=8
    )
    for change, p in zip(result.changes, parts[1:], strict=True):
        assert change.after <= change.before
        if p.fixed:
            assert change.after == change.before
        else:
            assert change.after >= min(60, change.before)
    end = plan[0] + over + sum(c.after for c in result.changes)
    assert end - total == result.over_by
    if result.over_by:
        # It could not fit: every flexible part is down to its floor.
        assert all(c.after == min(60, c.before) for c in result.changes if not c.fixed)
    if result.overrun == 0:
        assert not result.changed
