"""Damaged session files are reported with their path, set aside, and never overwritten."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage.record import SCHEMA_VERSION
from circlekeeper.sessions.storage.session_store import DamagedSession, NewerSchema, SessionStore


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def make(store: SessionStore, now: datetime) -> str:
    with store.create(now) as handle:
        return handle.id


def meta_edit(store: SessionStore, session_id: str, **changes: object) -> bytes:
    """Change (or with ``None``, drop) metadata fields straight in the file; returns its bytes."""
    path = store.path_of(session_id)
    data = json.loads(path.read_text())
    for key, value in changes.items():
        if value is None:
            data["meta"]["1"].pop(key, None)
        else:
            data["meta"]["1"][key] = value
    path.write_text(json.dumps(data))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda s, i: s.path_of(i).write_text('{"meta": {"1": {"id": '), "not valid JSON"),
        (lambda s, i: s.path_of(i).write_text(""), "empty file"),
        (lambda s, i: s.path_of(i).write_text('{"meta": {}}'), "unknown schema version None"),
        (lambda s, i: meta_edit(s, i, schema=0), "unknown schema version 0"),
        (lambda s, i: meta_edit(s, i, schema="one"), "unknown schema version 'one'"),
        (lambda s, i: meta_edit(s, i, created=None), "missing field 'created'"),
        (lambda s, i: meta_edit(s, i, state="dancing"), "unknown state 'dancing'"),
        (lambda s, i: meta_edit(s, i, updated="last tuesday"), "'updated' is not a time"),
        (lambda s, i: meta_edit(s, i, id="2026-01-01-aaaa"), "does not match its file name"),
    ],
)
def test_a_damaged_file_is_set_aside_and_the_others_still_listed(
    store: SessionStore, clock: FakeClock, damage, reason: str
) -> None:
    good = make(store, clock.now())
    bad = make(store, clock.now())
    damage(store, bad)
    content = store.path_of(bad).read_bytes()

    listing = store.list()

    assert [s.id for s in listing.sessions] == [good]
    [entry] = listing.damaged
    assert entry.path == store.path_of(bad)
    assert reason in entry.reason
    assert entry.moved_to == store.root / f"{bad}.json.damaged"
    assert entry.moved_to.read_bytes() == content
    assert stat.S_IMODE(entry.moved_to.stat().st_mode) == 0o600
    assert entry.message() == f"{entry.path}: {entry.reason}; set aside as {bad}.json.damaged"
    assert not store.path_of(bad).exists()
    assert not (store.root / f"{bad}.lock").exists()

    # Reported again later as set aside, and the good session works as before.
    again = store.list()
    assert [(d.path, d.reason) for d in again.damaged] == [(entry.moved_to, "set aside earlier")]
    with store.open(good) as handle:
        handle.record.put_note({"id": "n1", "text": "still fine"})


def test_a_damaged_copy_never_overwrites_an_earlier_one(
    store: SessionStore, clock: FakeClock
) -> None:
    session_id = make(store, clock.now())
    path = store.path_of(session_id)
    earlier = path.with_name(path.name + ".damaged")
    earlier.write_text("the first damaged copy")
    path.write_text("{broken")

    [new, old] = sorted(store.list().damaged, key=lambda d: d.reason)
    assert new.moved_to == path.with_name(f"{path.name}.2.damaged")
    assert new.moved_to.read_text() == "{broken"
    assert (old.path, old.reason) == (earlier, "set aside earlier")
    assert earlier.read_text() == "the first damaged copy"


def test_opening_a_damaged_session_says_what_and_where(
    store: SessionStore, clock: FakeClock
) -> None:
    session_id = make(store, clock.now())
    path = store.path_of(session_id)
    path.write_text("[]")
    with pytest.raises(DamagedSession) as caught:
        store.open(session_id)
    assert str(caught.value) == (
        f"{path}: not a circlekeeper session file (unexpected layout); "
        f"set aside as {session_id}.json.damaged"
    )
    assert caught.value.entry.moved_to.read_text() == "[]"
    assert not path.exists()


def test_a_newer_file_is_reported_and_left_untouched(store: SessionStore, clock: FakeClock) -> None:
    session_id = make(store, clock.now())
    content = meta_edit(store, session_id, schema=SCHEMA_VERSION + 1)
    path = store.path_of(session_id)

    [entry] = store.list().damaged
    assert entry.path == path and entry.moved_to is None
    assert "newer circlekeeper" in entry.reason
    with pytest.raises(NewerSchema, match="left untouched"):
        store.open(session_id)
    assert path.read_bytes() == content
    assert store.list().sessions == []
