"""What one action costs the disk: one line in its own journal, the index only when it changes.

Counted on real files, never timed: each action is appended once to its session's journal
(the file is written whole only on closing), the session file is never read back or
re-parsed while it is open, and the index of all sessions is rewritten only when something
it lists (not just the time of the last change) is different.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from engine_support import agenda

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.storage import session_file
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore

START = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the session storage and the index write, in order."""
    seen: list[Path] = []
    real = session_file.write_atomic

    def counting(path: Path, text: str, **options: object) -> None:
        seen.append(path)
        real(path, text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(session_file, "write_atomic", counting)
    from circlekeeper.sessions.storage import index

    real_index = index.write_atomic

    def counting_index(path: Path, text: str, **options: object) -> None:
        seen.append(path)
        real_index(path, text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(index, "write_atomic", counting_index)
    return seen


def started(tmp_path: Path, clock: FakeClock) -> tuple[SessionStore, Session]:
    store = SessionStore(tmp_path / "sessions")
    handle = store.create(clock.now())
    session = Session.create(
        handle.record, agenda(), clock, session_id=handle.id, attendance=6,
        index=store.update_index,
    )  # fmt: skip
    session.start()
    return store, session


def only_session(store: SessionStore) -> str:
    return store.list().sessions[0].id


def journal_lines(path: Path) -> list[str]:
    journal = journal_path(path)
    return journal.read_text().splitlines() if journal.exists() else []


def test_an_event_is_one_line_of_its_own_journal(tmp_path: Path, writes: list[Path]) -> None:
    clock = FakeClock(START)
    store, session = started(tmp_path, clock)
    session_id = only_session(store)
    path = store.path_of(session_id)
    writes.clear()
    lines = len(journal_lines(path))
    clock.advance(30)
    session.go_to_part(1)
    assert writes == []
    assert len(journal_lines(path)) == lines + 1
    # Only what changed goes in: never the session's copy of its agenda.
    assert "agenda" not in journal_lines(path)[-1]
    assert store.read(session_id).read_meta()["updated"] == clock.now().isoformat()
    session.record.close()
    assert writes == [path]
    assert not journal_path(path).exists()
    meta = json.loads(path.read_text())["meta"]["1"]
    assert meta["updated"] == clock.now().isoformat()


def test_the_index_is_written_only_when_what_it_lists_changes(
    tmp_path: Path, writes: list[Path]
) -> None:
    clock = FakeClock(START)
    store, session = started(tmp_path, clock)
    index = store.root / "index.json"
    writes.clear()
    for _ in range(3):
        clock.advance(30)
        session.go_to_part(session.part_index + 1)
    assert index not in writes
    clock.advance(30)
    session.toggle()  # paused: the state the index lists has changed
    assert writes.count(index) == 1
    assert store.list().sessions[0].state == "paused"
    assert store.list().sessions[0].updated == clock.now()


def test_a_note_is_one_line_and_the_file_is_never_read_back(
    tmp_path: Path, writes: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(START)
    store, session = started(tmp_path, clock)
    session_id = only_session(store)
    reads: list[object] = []
    real = session_file.AtomicJSONStorage.read
    monkeypatch.setattr(
        session_file.AtomicJSONStorage, "read", lambda self: reads.append(self) or real(self)
    )
    writes.clear()
    lines = len(journal_lines(store.path_of(session_id)))
    note = session.add_note("Evenings are the hardest part", "theme")
    session.edit_note(note.id, text="Evenings and Sundays are the hardest part")
    assert writes == []
    assert len(journal_lines(store.path_of(session_id))) == lines + 2
    session.record.close()
    assert reads == []
    saved = json.loads(store.path_of(session_id).read_text())["notes"]
    assert [n["text"] for n in saved.values()] == ["Evenings and Sundays are the hardest part"]
