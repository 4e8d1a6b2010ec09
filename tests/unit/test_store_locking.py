"""One session, two processes: the second is refused; deleting is for real and respects locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage.session_store import SessionLocked, SessionStore, UnknownSession

HOLDER = """
import sys
import threading
from pathlib import Path
from circlekeeper.sessions.storage.session_store import SessionStore

handle = SessionStore(Path(sys.argv[1])).open(sys.argv[2])
print("open", flush=True)
sys.stdin.read()
handle.close()
"""


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


@pytest.fixture
def session_id(store: SessionStore, clock: FakeClock) -> str:
    with store.create(clock.now()) as handle:
        handle.record.put_note({"id": "n1", "text": "a theme"})
        return handle.id


@pytest.fixture
def other_window(
    tmp_path: Path, store: SessionStore, session_id: str
) -> Iterator[subprocess.Popen]:
    """Another process that has the session open until its standard input closes."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    child = subprocess.Popen(
        [sys.executable, str(script), str(store.root), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "open\n", child.stderr
    yield child
    if child.poll() is None:
        child.kill()
    child.communicate()


def test_a_second_process_is_refused_until_the_first_closes(
    store: SessionStore, session_id: str, other_window: subprocess.Popen
) -> None:
    with pytest.raises(SessionLocked) as caught:
        store.open(session_id)
    assert str(caught.value) == (
        f"This session is already open in another window ({session_id}); close it there first"
    )
    other_window.communicate("")
    assert other_window.returncode == 0
    with store.open(session_id) as handle:
        assert handle.record.notes() == [{"id": "n1", "text": "a theme"}]


def test_the_lock_goes_with_a_process_that_dies(
    store: SessionStore, session_id: str, other_window: subprocess.Popen
) -> None:
    os.kill(other_window.pid, signal.SIGKILL)
    other_window.wait()
    with store.open(session_id) as handle:
        assert handle.id == session_id


def test_a_session_open_elsewhere_is_not_deleted(
    store: SessionStore, session_id: str, other_window: subprocess.Popen, clock: FakeClock
) -> None:
    with pytest.raises(SessionLocked):
        store.delete(session_id)
    assert store.purge(0, clock.now().replace(year=2030)) == []
    assert store.path_of(session_id).exists()
    assert [s.id for s in store.list().sessions] == [session_id]


def test_delete_removes_the_file_its_lock_and_its_index_entry(
    store: SessionStore, session_id: str, clock: FakeClock
) -> None:
    with store.create(clock.now()) as other:
        kept = other.id
    path = store.path_of(session_id)

    assert store.delete(session_id) == [path]

    assert not path.exists()
    assert not (store.root / f"{session_id}.lock").exists()
    leftovers = [p.name for p in store.root.iterdir() if p.name.startswith(session_id)]
    assert leftovers == [], "nothing of the session is kept"
    assert list(json.loads((store.root / "index.json").read_text())["sessions"]) == [kept]
    assert [s.id for s in store.list().sessions] == [kept]
    with pytest.raises(UnknownSession):
        store.open(session_id)
    with pytest.raises(UnknownSession, match=f"No session '{session_id}'"):
        store.delete(session_id)


def test_a_session_open_in_this_process_is_not_deleted_either(
    store: SessionStore, session_id: str
) -> None:
    with store.open(session_id), pytest.raises(SessionLocked):
        store.delete(session_id)
    assert store.path_of(session_id).exists()


def test_a_session_closed_from_a_worker_thread_is_released(
    store: SessionStore, session_id: str
) -> None:
    handle = store.open(session_id)
    worker = threading.Thread(target=handle.close)
    worker.start()
    worker.join()
    assert handle.closed
    with store.open(session_id) as again:
        assert again.record.notes() == [{"id": "n1", "text": "a theme"}]
