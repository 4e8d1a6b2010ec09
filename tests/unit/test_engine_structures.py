"""A structured part run by the engine: steps moved on by the facilitator, each timed, kept
in the record so a resumed session is on the same step, shrunk by a rebalance, and shown
planned against actual in the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import SESSION_ID, agenda, file_record, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.structures.marks import StructureMark
from circlekeeper.sessions.structures.progress import StepStatus

TROIKA = StructureMark("troika")


def troika_session(path: Path, clock: FakeClock) -> Session:
    """A session of Welcome 5, a 30-minute Troika, Close 5, started in the Troika."""
    parts = (part("Welcome", 5), part("Troika", 30, structure=TROIKA), part("Close", 5))
    session = Session.create(
        file_record(path), agenda(*parts), clock, session_id=SESSION_ID, attendance=9
    )
    session.start()
    with pytest.raises(SessionError, match="does not follow a structure"):
        session.next_step()
    session.next_part()
    return session


def step(session: Session) -> StepStatus:
    status = session.status().step
    assert status is not None
    return status


def test_a_full_troika_step_by_step(tmp_path: Path, clock: FakeClock) -> None:
    session = troika_session(tmp_path / "s.json", clock)
    planned = [s.minutes for s in session.part.steps]
    assert planned == [1, 2, 2, 5, 1, 2, 2, 5, 1, 2, 2, 4, 1]
    seen = []
    for number, minutes in enumerate(planned, start=1):
        now = step(session)
        assert (now.number, now.of, now.planned, now.elapsed) == (number, 13, minutes * 60, 0)
        seen.append((now.step.name, now.step.who))
        clock.advance(minutes=minutes - 0.5)
        assert (step(session).left, step(session).overrun) == (30, 0)
        if number == 4:
            # The consultants run on a minute past their time; the step never moves by itself.
            clock.advance(minutes=1.5)
            assert (step(session).left, step(session).overrun) == (0, 60)
            assert step(session).number == 4
            # The part has time left, but the steps to come need theirs (20 minutes), then
            # the closing part its 5: the projected end moves back with the overrun.
            whole = session.status()
            assert whole.part_overrun == 0
            assert (whole.projected_end - whole.at).total_seconds() == 25 * 60
        else:
            clock.advance(seconds=30)
        if number < 13:
            assert now.next == session.part.steps[number]
            session.next_step()
    assert step(session).next is None
    with pytest.raises(SessionError, match="last step"):
        session.next_step()
    assert seen[0] == ("Think", "")
    assert seen[3] == ("Consultants talk", "Client 1 of 3")
    assert seen[12] == ("What was valuable", "Client 3 of 3")
    # The whole part ran its 30 minutes and the minute the consultants ran over.
    assert session.status().part_overrun == 60
    records = session.timeline().parts[1].steps
    assert [r.planned_seconds for r in records] == [m * 60 for m in planned]
    assert records[3].actual_seconds == 6 * 60
    assert [r.actual_seconds for r in records if r is not records[3]] == [
        m * 60 for i, m in enumerate(planned) if i != 3
    ]


def test_a_resumed_session_is_on_the_same_step_with_its_time(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "s.json"
    session = troika_session(path, clock)
    clock.advance(minutes=1)
    session.next_step()
    clock.advance(seconds=50)
    session.pause()
    before = step(session)
    session.record.close()
    again = Session.resume(file_record(path), clock)
    assert step(again) == before
    assert (before.number, before.elapsed) == (2, 50)
    again.resume_timer()
    clock.advance(seconds=10)
    again.next_step()
    assert step(again).number == 3


def test_a_rebalance_shrinks_the_steps_to_come_in_proportion(
    tmp_path: Path, clock: FakeClock
) -> None:
    session = troika_session(tmp_path / "s.json", clock)
    session.previous_part()
    clock.advance(minutes=25)  # the welcome runs 20 minutes over
    plan = session.rebalance()
    troika = next(c for c in plan.changes if c.index == 1)
    assert troika.after < troika.before
    session.next_part()
    records = session.timeline().parts[1].steps
    assert sum(r.planned_seconds for r in records) == troika.after
    assert all(r.planned_seconds >= 60 for r in records)
    consult = records[3].planned_seconds
    assert consult == max(r.planned_seconds for r in records)
    assert step(session).planned == records[0].planned_seconds


def test_a_rebalance_keeps_a_minute_a_step(tmp_path: Path, clock: FakeClock) -> None:
    session = troika_session(tmp_path / "s.json", clock)
    session.previous_part()
    clock.advance(minutes=60)
    plan = session.rebalance()
    troika = next(c for c in plan.changes if c.index == 1)
    assert troika.after == 13 * 60
    session.next_part()
    assert [r.planned_seconds for r in session.timeline().parts[1].steps] == [60] * 13
