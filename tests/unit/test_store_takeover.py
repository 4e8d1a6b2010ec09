"""Two windows never write one session, even when its lock file is deleted while it is open."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_support import run_cli, saved_session

WINDOW = """
import sys
from pathlib import Path

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.host.opening import reopen_session
from circlekeeper.sessions.storage.session_store import SessionStore

opened = reopen_session(SessionStore(Path(sys.argv[1])), sys.argv[2], SystemClock())
print("open", flush=True)
for line in sys.stdin:
    try:
        opened.session.add_note(line.strip(), kind="theme")
        print("saved", flush=True)
    except SESSION_PROBLEMS as error:
        print(f"refused: {error}", flush=True)
opened.close()
print("closed", flush=True)
"""


class Window:
    """Another copy of the app with the session open, saving the notes it is sent."""

    def __init__(self, script: Path, root: Path, session_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(root), session_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.answer() == "open", self.process.stderr

    def answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def note(self, text: str) -> str:
        """Save a note; returns ``saved`` or the message of the refusal."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{text}\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self) -> str:
        assert self.process.stdin is not None
        self.process.stdin.close()
        said = self.answer()
        self.process.wait(timeout=30)
        return said


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[list[Window]]:
    opened: list[Window] = []
    yield opened
    for window in opened:
        process = window.process
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def test_a_window_whose_lock_file_went_stops_saving_and_loses_nothing(
    tmp_path: Path, windows: list[Window]
) -> None:
    data = tmp_path / "data"
    root = data / "sessions"
    session_id = saved_session(data)
    script = tmp_path / "window.py"
    script.write_text(WINDOW)

    first = Window(script, root, session_id)
    windows.append(first)
    assert [first.note(f"first window's theme {n}") for n in range(5)] == ["saved"] * 5
    (root / f"{session_id}.lock").unlink()
    second = Window(script, root, session_id)
    windows.append(second)
    assert [second.note(f"second window's theme {n}") for n in range(5)] == ["saved"] * 5

    refused = first.note("first window's late theme")

    assert refused == (
        f"refused: {root / f'{session_id}.json'}: stopped saving this session, because its "
        "lock file was removed or replaced while it was open here; it may be open in another "
        "window. What was saved before is kept and nothing is overwritten. Close it here and "
        "open it again in one window only."
    )
    assert first.note("and another") == refused
    assert first.close() == "closed"
    assert second.note("second window's last theme") == "saved"
    assert second.close() == "closed"
    record = run_cli(data, "export", session_id, "--audience", "facilitator")
    assert record.returncode == 0, record.stderr
    for n in range(5):
        assert f"first window's theme {n}" in record.stdout
        assert f"second window's theme {n}" in record.stdout
    assert "second window's last theme" in record.stdout
    assert "late theme" not in record.stdout and "and another" not in record.stdout


def test_a_file_changed_behind_an_open_window_is_never_overwritten(
    tmp_path: Path, windows: list[Window]
) -> None:
    data = tmp_path / "data"
    root = data / "sessions"
    session_id = saved_session(data, "a theme saved earlier")
    script = tmp_path / "window.py"
    script.write_text(WINDOW)
    window = Window(script, root, session_id)
    windows.append(window)
    assert window.note("a theme saved now") == "saved"
    path = root / f"{session_id}.json"
    restored = path.read_text().replace("a theme saved now", "a theme put back by hand")
    path.write_text(restored)

    refused = window.note("one more")

    assert refused.startswith(f"refused: {path}: stopped saving this session, because its file")
    assert window.close() == "closed"
    assert path.read_text() == restored
