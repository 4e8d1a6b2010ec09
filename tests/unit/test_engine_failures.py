"""The engine when a write fails or a heartbeat in the file is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import agenda, file_record

from circlekeeper.sessions.engine.session import Session, SessionState


def running(clock, path: Path) -> Session:
    session = Session.create(file_record(path), agenda(), clock, session_id="s", attendance=5)
    session.start()
    return session


def test_time_is_not_lost_when_an_event_cannot_be_written(clock, tmp_path: Path) -> None:
    session = running(clock, tmp_path / "s.json")
    clock.advance(minutes=4)
    real = session.record.append_event

    def refuse(event, **_):
        raise OSError("disk full")

    session.record.append_event = refuse  # type: ignore[method-assign]
    with pytest.raises(OSError):
        session.pause()
    session.record.append_event = real  # type: ignore[method-assign]
    clock.advance(minutes=1)
    session.pause()
    assert session.status().session_elapsed == pytest.approx(5 * 60)


@pytest.mark.parametrize(
    "pending",
    ["garbage", {"seq": None}, {"at": "yesterday"}, {"ms": "x", "at": "2026-03-04T18:00"}],
)
def test_a_damaged_heartbeat_is_passed_over_on_resume(clock, tmp_path: Path, pending) -> None:
    path = tmp_path / "s.json"
    session = running(clock, path)
    clock.advance(minutes=2)
    if isinstance(pending, dict) and "seq" not in pending:
        pending = {**pending, "seq": len(session.record.events())}
    session.record.write_meta(pending=pending)
    session.record.close()
    clock.advance(minutes=10)

    again = Session.resume(file_record(path), clock)
    assert again.state is SessionState.PAUSED
    assert again.status().paused_seconds >= 10 * 60
