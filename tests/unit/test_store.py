"""The sessions folder: creating, opening, listing and the index, on real files."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage import session_file as storage
from circlekeeper.sessions.storage.index import ID_PATTERN
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.record import SCHEMA_VERSION
from circlekeeper.sessions.storage.session_store import (
    SessionLocked,
    SessionStore,
    UnknownSession,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def make(store: SessionStore, now: datetime, title: str = "", state: str = "ready") -> str:
    """Create a session the way the engine does: create, write meta, update the index."""
    with store.create(now) as handle:
        if title or state != "ready":
            handle.record.write_meta(title=title, state=state, updated=now.isoformat())
            store.update_index(handle.record.read_meta())
        return handle.id


def test_the_default_folder_is_in_the_data_folder_and_not_made_until_written(
    isolated_dirs: dict[str, Path], clock: FakeClock, folders
) -> None:
    store = SessionStore.in_folders(folders)
    assert store.root == folders.sessions == isolated_dirs["data"] / "sessions"
    assert store.list().sessions == []
    assert not isolated_dirs["data"].exists()

    with store.create(clock.now()) as handle:
        assert mode(isolated_dirs["data"]) == 0o700
        assert mode(store.root) == 0o700
        assert mode(handle.path) == 0o600
        assert mode(store.root / "index.json") == 0o600


def test_a_new_session_is_ready_locked_and_listed(store: SessionStore, clock: FakeClock) -> None:
    handle = store.create(clock.now())
    assert ID_PATTERN.match(handle.id)
    assert handle.id.startswith("2026-03-04-")
    assert handle.path == store.path_of(handle.id)
    assert handle.record.read_meta() == {
        "schema": SCHEMA_VERSION,
        "id": handle.id,
        "created": "2026-03-04T18:00:00+00:00",
        "updated": "2026-03-04T18:00:00+00:00",
        "state": "ready",
        "ended": None,
        "title": "",
        "template": "",
    }
    with pytest.raises(SessionLocked, match="already open in another window"):
        store.open(handle.id)
    [summary] = store.list().sessions
    assert (summary.id, summary.state, summary.created) == (handle.id, "ready", clock.now())
    handle.close()
    assert handle.closed
    handle.close()


def test_ids_are_unique_and_safe_as_file_names(store: SessionStore, clock: FakeClock) -> None:
    ids = {make(store, clock.now()) for _ in range(40)}
    assert len(ids) == 40
    assert all(ID_PATTERN.match(i) and "/" not in i for i in ids)


def test_a_session_reopens_with_everything_it_had(store: SessionStore, clock: FakeClock) -> None:
    with store.create(clock.now()) as handle:
        session_id = handle.id
        handle.record.write_meta(title="Finding mentors", state="running")
        handle.record.append_event({"kind": "start"})
        handle.record.put_note({"id": "n1", "text": "sleep came up"})
    with store.open(session_id) as handle:
        assert handle.record.read_meta()["title"] == "Finding mentors"
        assert handle.record.events() == [{"kind": "start"}]
        assert handle.record.notes() == [{"id": "n1", "text": "sleep came up"}]
        handle.record.put_note({"id": "n2", "text": "follow up"})
    with SessionStore(store.root).open(session_id) as handle:
        assert [n["id"] for n in handle.record.notes()] == ["n1", "n2"]


@pytest.mark.parametrize("session_id", ["2026-03-04-zzzz", "../index", "index", ""])
def test_opening_an_unknown_session_says_so(store: SessionStore, session_id: str) -> None:
    with pytest.raises(UnknownSession, match="No session"):
        store.open(session_id)


def test_the_list_is_newest_first_with_what_the_engine_recorded(
    store: SessionStore, clock: FakeClock
) -> None:
    first = make(store, clock.now(), "Check-in circle")
    clock.advance(minutes=90)
    second = make(store, clock.now(), "Finding mentors", "running")
    listing = store.list()
    assert [(s.id, s.title, s.state) for s in listing.sessions] == [
        (second, "Finding mentors", "running"),
        (first, "Check-in circle", "ready"),
    ]
    assert listing.damaged == []
    assert not listing.index_rebuilt


def test_a_note_writes_only_its_own_session_file(store: SessionStore, clock: FakeClock) -> None:
    other = make(store, clock.now())
    with store.create(clock.now()) as handle:
        index, other_file = store.root / "index.json", store.path_of(other)
        before = {p: p.stat().st_mtime_ns for p in (index, other_file)}
        handle.record.put_note({"id": "n1", "text": "a theme"})
        assert {p: p.stat().st_mtime_ns for p in (index, other_file)} == before
        assert "a theme" in journal_path(handle.path).read_text()
    assert "a theme" in handle.path.read_text()
    assert not journal_path(handle.path).exists()


def test_a_change_made_without_updating_the_index_is_still_listed(
    store: SessionStore, clock: FakeClock
) -> None:
    with store.create(clock.now()) as handle:
        handle.record.write_meta(title="Written after the index", updated="2026-03-05T09:00:00Z")
    [summary] = store.list().sessions
    assert summary.title == "Written after the index"
    assert summary.updated == datetime.fromisoformat("2026-03-05T09:00:00+00:00")


def test_a_damaged_index_is_rebuilt_from_the_session_files(
    store: SessionStore, clock: FakeClock
) -> None:
    ids = {make(store, clock.now(), f"Group {n}") for n in range(3)}
    index = store.root / "index.json"
    index.write_text('{"version": 1, "sessions": ')
    listing = store.list()
    assert listing.index_rebuilt
    assert {s.id for s in listing.sessions} == ids
    assert set(json.loads(index.read_text())["sessions"]) == ids
    assert not store.list().index_rebuilt


@pytest.mark.parametrize(
    "index_text",
    [
        "[]",
        '{"version": 1, "sessions": {"2026-03-04-abcd": {"title": "no stamp"}}}',
        '{"version": 99, "sessions": {}}',
    ],
)
def test_an_index_of_the_wrong_shape_counts_as_damaged(
    store: SessionStore, clock: FakeClock, index_text: str
) -> None:
    session_id = make(store, clock.now(), "Kept")
    (store.root / "index.json").write_text(index_text)
    listing = store.list()
    assert listing.index_rebuilt
    assert [s.id for s in listing.sessions] == [session_id]


def test_a_session_file_removed_behind_our_back_leaves_the_list(
    store: SessionStore, clock: FakeClock
) -> None:
    gone = make(store, clock.now())
    kept = make(store, clock.now())
    store.path_of(gone).unlink()
    assert [s.id for s in store.list().sessions] == [kept]
    assert gone not in json.loads((store.root / "index.json").read_text())["sessions"]


def test_an_older_file_is_migrated_when_opened(
    store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = make(store, clock.now(), "Old layout")
    path = store.path_of(session_id)
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema"] = SCHEMA_VERSION - 1
    data["meta"]["1"]["title"] = "old title"
    path.write_text(json.dumps(data))

    def lift(old: dict) -> dict:
        old["meta"]["1"]["title"] = old["meta"]["1"]["title"].upper()
        return old

    monkeypatch.setitem(storage.MIGRATIONS, SCHEMA_VERSION - 1, lift)
    with store.open(session_id) as handle:
        assert handle.record.read_meta()["title"] == "OLD TITLE"
        assert handle.record.read_meta()["schema"] == SCHEMA_VERSION
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_stale_temp_files_are_removed_when_the_folder_is_opened(
    store: SessionStore, clock: FakeClock
) -> None:
    free = make(store, clock.now())
    busy = store.create(clock.now())
    stale = [store.root / f".{free}.json.k3j9x_2a.tmp", store.root / ".index.json.qq81mz.tmp"]
    in_use = store.root / f".{busy.id}.json.p0o9i8.tmp"
    unrelated = store.root / ".notes-draft.tmp"
    for path in [*stale, in_use, unrelated]:
        path.write_text("{half a fi")

    SessionStore(store.root).list()

    assert not any(p.exists() for p in stale)
    assert in_use.exists(), "a save may be under way in the window that has it open"
    assert unrelated.exists()
    busy.close()


def test_purge_and_expired_count_from_the_last_update(
    store: SessionStore, clock: FakeClock
) -> None:
    old = make(store, clock.now() - timedelta(days=100), "Spring group")
    recent = make(store, clock.now() - timedelta(days=5), "This week")
    assert [s.id for s in store.expired(30, clock.now())] == [old]
    assert store.purge(30, clock.now()) == [old]
    assert not store.path_of(old).exists()
    assert [s.id for s in store.list().sessions] == [recent]
    assert store.purge(30, clock.now()) == []
    with pytest.raises(ValueError, match="negative"):
        store.purge(-1, clock.now())


def test_purge_leaves_a_session_that_is_open(store: SessionStore, clock: FakeClock) -> None:
    long_ago = clock.now() - timedelta(days=400)
    closed = make(store, long_ago)
    with store.create(long_ago) as still_open:
        assert store.purge(30, clock.now()) == [closed]
        assert still_open.path.exists()
