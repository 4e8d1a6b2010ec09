"""Follow-throughs after a crisis with no session open: kept whole in one file, guarded,
and a damaged file is reported, never overwritten."""

from __future__ import annotations

from datetime import date

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.notebook import NoteFlagged
from circlekeeper.sessions.errors import SessionError, StorageError
from circlekeeper.sessions.follow_ups import FILE_NAME, HomeFollowThroughs


def test_a_record_is_kept_due_until_marked_done_then_stays_in_the_file(tmp_path) -> None:
    clock = FakeClock()
    log = HomeFollowThroughs(tmp_path / "data" / FILE_NAME, clock)
    assert log.records() == () and log.open_due() is None
    log.add("room", ["stayed"], date(2026, 3, 5), debrief=True)
    log.add("remote", [], date(2026, 3, 4), debrief=False)
    assert HomeFollowThroughs(log.path, clock).open_due() == "2026-03-04"
    assert log.follow_up_done() == 2
    assert log.open_due() is None
    assert [r.steps for r in log.records()] == [("stayed",), ()]
    with pytest.raises(SessionError):
        log.follow_up_done()


def test_words_go_through_the_personal_data_guard(tmp_path) -> None:
    log = HomeFollowThroughs(tmp_path / FILE_NAME, FakeClock())
    with pytest.raises(NoteFlagged):
        log.add("room", [], date(2026, 3, 5), debrief=False, words="rang jo@example.org")
    assert not log.path.exists()
    (record,) = [
        log.add(
            "room", [], date(2026, 3, 5), debrief=False, words="rang jo@example.org", redact=True
        )
    ]
    assert "jo@example.org" not in record.words


def test_a_damaged_file_is_reported_and_left_as_it_was(tmp_path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('[{"place": "room"}]', encoding="utf-8")
    log = HomeFollowThroughs(path, FakeClock())
    with pytest.raises(StorageError, match=FILE_NAME):
        log.open_due()
    with pytest.raises(StorageError):
        log.add("room", [], date(2026, 3, 5), debrief=False)
    assert path.read_text(encoding="utf-8") == '[{"place": "room"}]'
