"""The atomic JSON storage: what lands on disk, with which modes, and what a failure leaves."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage import atomic as storage
from circlekeeper.sessions.storage import session_file
from circlekeeper.sessions.storage.atomic import DamagedFile, write_atomic
from circlekeeper.sessions.storage.record import SCHEMA_VERSION, SessionRecord
from circlekeeper.sessions.storage.session_file import AtomicJSONStorage, NewerSchema, migrate


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=["memory", "json"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TinyDB]:
    """A TinyDB in memory or in an atomic JSON file: the record must behave the same."""
    if request.param == "memory":
        database = TinyDB(storage=MemoryStorage)
    else:
        database = TinyDB(tmp_path / "s" / "session.json", storage=AtomicJSONStorage)
    yield database
    database.close()


def test_record_round_trip(db: TinyDB) -> None:
    record = SessionRecord(db)
    record.write_meta(id="2026-03-04-abcd", state="ready")
    record.write_meta(state="running")
    record.append_event({"kind": "start", "at": "2026-03-04T18:00:00+00:00"})
    record.append_event({"kind": "pause", "at": "2026-03-04T18:05:00+00:00"})
    record.put_note({"id": "n1", "text": "sleep came up a lot", "kind": "theme"})
    record.put_note({"id": "n2", "text": "share the helpline", "kind": "action"})
    record.put_note({"id": "n1", "text": "sleep and rest", "kind": "theme"})
    assert record.delete_note("n2") is True
    assert record.delete_note("n9") is False

    assert record.read_meta() == {
        "schema": SCHEMA_VERSION,
        "id": "2026-03-04-abcd",
        "state": "running",
    }
    assert [e["kind"] for e in record.events()] == ["start", "pause"]
    assert record.notes() == [{"id": "n1", "text": "sleep and rest", "kind": "theme"}]


def test_a_change_is_on_disk_when_the_call_returns(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    record = SessionRecord(TinyDB(path, storage=AtomicJSONStorage))
    record.put_note({"id": "n1", "text": "ä note with ünïcode"})
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert list(on_disk["notes"].values()) == [{"id": "n1", "text": "ä note with ünïcode"}]
    record.close()

    reopened = SessionRecord(TinyDB(path, storage=AtomicJSONStorage))
    assert reopened.notes() == [{"id": "n1", "text": "ä note with ünïcode"}]
    reopened.put_note({"id": "n2", "text": "second"})
    assert [n["id"] for n in reopened.notes()] == ["n1", "n2"]
    reopened.close()


def test_files_and_folders_are_owner_only_and_no_temp_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "data" / "sessions" / "index.json"
    write_atomic(target, '{"a": 1}')
    write_atomic(target, '{"a": 2}')
    assert json.loads(target.read_text()) == {"a": 2}
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["index.json"]


def test_each_write_replaces_the_file(tmp_path: Path) -> None:
    # A new inode each time shows the file was renamed into place, not rewritten in place
    # (a reader holding the old file sees it whole).
    target = tmp_path / "f.json"
    write_atomic(target, "[1]")
    with open(target) as old_handle:
        write_atomic(target, "[2]")
        assert old_handle.read() == "[1]"
    assert target.read_text() == "[2]"


def test_a_value_json_cannot_hold_never_touches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    record = SessionRecord(TinyDB(path, storage=AtomicJSONStorage))
    record.put_note({"id": "n1", "text": "kept"})
    before = path.read_bytes()

    with pytest.raises(StorageError, match=r"Could not save to .*session\.json"):
        record.put_note({"id": "n2", "text": object()})

    assert path.read_bytes() == before
    assert record.notes() == [{"id": "n1", "text": "kept"}]
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]


def test_disk_full_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "session.json"
    record = SessionRecord(TinyDB(path, storage=AtomicJSONStorage))
    record.put_note({"id": "n1", "text": "kept"})
    before = path.read_bytes()

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(storage.os, "write", full)
        with pytest.raises(StorageError) as caught:
            record.put_note({"id": "n2", "text": "lost to a full disk"})

    assert str(caught.value) == f"Could not save to {path}: No space left on device"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]
    # The session goes on once there is room again.
    assert record.notes() == [{"id": "n1", "text": "kept"}]
    record.put_note({"id": "n3", "text": "saved"})
    assert [n["id"] for n in SessionRecord(TinyDB(path, storage=AtomicJSONStorage)).notes()] == [
        "n1",
        "n3",
    ]


def test_a_failed_rename_is_a_storage_error_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    write_atomic(target, "[1]")

    def refuse(src: str, dst: str) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(StorageError, match=r"^Could not save to .*f\.json: Input/output error$"):
        write_atomic(target, "[2]")
    assert target.read_text() == "[1]"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_a_save_writes_the_file_once_and_only_if_something_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "session.json"
    record = SessionRecord(TinyDB(path, storage=AtomicJSONStorage))
    record.put_note({"id": "n1", "text": "one"})
    writes: list[Path] = []
    monkeypatch.setattr(session_file, "write_atomic", lambda p, text, **options: writes.append(p))

    record.put_note({"id": "n1", "text": "one"})
    assert writes == []
    # An upsert tries an update first; when nothing matched, only the insert writes.
    record.put_note({"id": "n2", "text": "two"})
    assert writes == [path]
    record.put_note({"id": "n1", "text": "changed"})
    assert writes == [path, path]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"{not json", "not valid JSON (line 1"),
        (b"\xff\xfe\x00", "not a text file"),
        (b"[1, 2]", "unexpected layout"),
        (b'{"notes": {"1": "text"}}', "unexpected layout"),
    ],
)
def test_a_damaged_file_is_reported_with_its_path(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(content)
    with pytest.raises(DamagedFile) as caught:
        AtomicJSONStorage(path).read()
    assert caught.value.path == path
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")
    assert path.read_bytes() == content


def with_schema(version: object) -> dict:
    return {"meta": {"1": {"schema": version, "id": "x"}}, "notes": {}}


def test_migrations_run_in_order_up_to_the_current_version(tmp_path: Path) -> None:
    steps = {
        1: lambda data: {**data, "notes": {"1": {"id": "moved"}}},
        2: lambda data: {**data, "extra": {}},
    }
    data, changed = migrate(with_schema(1), tmp_path, steps, target=3)
    assert changed
    assert data["meta"]["1"]["schema"] == 3
    assert data["notes"] == {"1": {"id": "moved"}}
    assert data["extra"] == {}


def test_a_current_file_is_left_as_it_is(tmp_path: Path) -> None:
    original = with_schema(SCHEMA_VERSION)
    data, changed = migrate(original, tmp_path)
    assert not changed
    assert data == with_schema(SCHEMA_VERSION)


def test_a_newer_file_is_reported_not_migrated(tmp_path: Path) -> None:
    with pytest.raises(NewerSchema, match="newer circlekeeper.*schema 7"):
        migrate(with_schema(7), tmp_path, {}, target=2)


@pytest.mark.parametrize("version", [None, "1", 1.5, True, -1, 0])
def test_an_unknown_version_is_damage(tmp_path: Path, version: object) -> None:
    with pytest.raises(DamagedFile, match="unknown schema version"):
        migrate(with_schema(version), tmp_path, {}, target=1)
