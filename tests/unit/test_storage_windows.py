"""Sessions are saved, set aside and deleted where a folder cannot be flushed and there is
no ``os.fchmod``, as on Windows. The whole storage suite runs this way with
``--windows-like`` (``scripts/test-pythons``, run by CI); these tests keep that path covered in
every run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage import atomic
from circlekeeper.sessions.storage.atomic import write_file_atomic
from circlekeeper.sessions.storage.session_store import SessionStore

pytestmark = pytest.mark.usefixtures("as_on_windows")


def test_the_simulation_takes_away_what_windows_lacks(tmp_path: Path) -> None:
    assert atomic._FCHMOD is None
    with pytest.raises(PermissionError):
        os.open(tmp_path, os.O_RDONLY)


def test_a_file_with_its_own_mode_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "handout.txt"
    write_file_atomic(target, b"one", mode=0o644)
    write_file_atomic(target, b"two", mode=0o644)
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.txt"]


def test_a_session_is_saved_reopened_set_aside_and_deleted(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = SessionStore(tmp_path / "sessions")
    with store.create(clock.now()) as handle:
        kept = handle.id
    with store.create(clock.now()) as handle:
        damaged = handle.id
    store.path_of(damaged).write_text("{")
    listing = store.list()
    assert [summary.id for summary in listing.sessions] == [kept]
    assert len(listing.damaged) == 1
    assert not store.path_of(damaged).exists()  # set aside under another name
    store.delete(kept)
    assert not store.path_of(kept).exists()
