"""A session's journal: what a crash leaves is read, folded in on opening, and never fatal."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage import journal as journal_module
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore

START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)


def left_open(store: SessionStore, *notes: str) -> tuple[str, Path]:
    """A session with ``notes`` saved, then left as a laptop that died leaves it."""
    handle = store.create(START)
    for n, text in enumerate(notes):
        handle.record.put_note({"id": f"n{n}", "kind": "theme", "text": text})
    # The lock goes with the process; the file and its journal stay as they are.
    handle.lock.release()
    return handle.id, handle.path


def texts(notes: list[dict[str, object]]) -> list[object]:
    return [note["text"] for note in notes]


def test_a_journal_left_behind_is_listed_read_and_folded_in_on_opening(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session_id, path = left_open(store, "evenings", "handovers", "quiet rooms")
    journal = journal_path(path)
    assert "evenings" not in path.read_text()
    # A kill in the middle of the next save: a line cut short, inside a character.
    with journal.open("ab") as cut:
        cut.write(b'{"c":[["put","notes","4",{"id":"n3","text":"caf' + "é".encode()[:1])

    assert texts(store.read(session_id).notes()) == ["evenings", "handovers", "quiet rooms"]
    assert [s.id for s in store.list().sessions] == [session_id]
    assert store.list().damaged == []
    with store.open(session_id) as handle:
        assert texts(handle.record.notes()) == ["evenings", "handovers", "quiet rooms"]
        assert not journal.exists()
        assert len(json.loads(path.read_text())["notes"]) == 3
        handle.record.put_note({"id": "n3", "text": "buddies"})
    assert texts(store.read(session_id).notes())[-1] == "buddies"
    assert not journal.exists()


def test_a_journal_already_written_into_the_file_changes_nothing(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    handle = store.create(START)
    for n, text in enumerate(("evenings", "handovers", "quiet rooms")):
        handle.record.put_note({"id": f"n{n}", "text": text})
    handle.record.delete_note("n0")
    handle.record.put_note({"id": "n1", "text": "handovers, twice"})
    kept = journal_path(handle.path).read_bytes()
    handle.close()
    # A crash after the file was written whole but before its journal was removed.
    journal_path(handle.path).write_bytes(kept)
    with store.open(handle.id) as again:
        assert texts(again.record.notes()) == ["handovers, twice", "quiet rooms"]


def test_a_save_cut_short_by_a_full_disk_is_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(tmp_path)
    handle = store.create(START)
    handle.record.put_note({"id": "n0", "text": "evenings"})
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "write", half_then_full)
    with pytest.raises(StorageError, match="No space left"):
        handle.record.put_note({"id": "n1", "text": "lost to the full disk"})
    monkeypatch.setattr(journal_module.os, "write", real_write)
    handle.record.put_note({"id": "n2", "text": "handovers"})
    assert texts(store.read(handle.id).notes()) == ["evenings", "handovers"]
    handle.close()
    with store.open(handle.id) as again:
        assert texts(again.record.notes()) == ["evenings", "handovers"]


def test_deleting_a_session_removes_its_journal(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session_id, path = left_open(store, "evenings")
    removed = store.delete(session_id)
    assert journal_path(path) in removed
    assert not journal_path(path).exists()


def test_a_long_journal_is_folded_into_the_file_while_the_session_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_module, "COMPACT_BYTES", 300)
    store = SessionStore(tmp_path)
    with store.create(START) as handle:
        for n in range(6):
            handle.record.put_note({"id": f"n{n}", "text": "evenings " * 10})
        in_file = json.loads(handle.path.read_text())["notes"]
        assert len(in_file) >= 4
        assert len(store.read(handle.id).notes()) == 6
