"""A kill at any moment while a session is created leaves no session, or one that resumes.

The session is created in a process of its own, killed with SIGKILL before or after each
write; what it left on disk is then read back through the command line's root group.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from circlekeeper.tui.cli import cli

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import os
import signal
import sys
from pathlib import Path

from circlekeeper.sessions.engine.clock import SystemClock
from circlekeeper.sessions.host.opening import start_session
from circlekeeper.sessions.storage import atomic
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Part

root, kill_at = Path(sys.argv[1]), int(sys.argv[2])
real_write = atomic.write_file_atomic
calls = 0


def write_then_maybe_die(path, data, **options):
    # Every file goes through here: die just before write number kill_at / 2, or after it.
    global calls
    calls += 1
    if calls * 2 - 1 == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    real_write(path, data, **options)
    if calls * 2 == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


atomic.write_file_atomic = write_then_maybe_die
parts = (Part(title="Welcome", minutes=10, line=1), Part(title="Sharing", minutes=20, line=2))
agenda = Agenda(name="killed", title="Started under fire", parts=parts)
opened = start_session(SessionStore(root), agenda, SystemClock(), attendance=5)
print("started", opened.handle.id, flush=True)
"""


def run_cli(data: Path, *args: str) -> Result:
    """The command line on the data folder ``data``, run in this process."""
    return CliRunner().invoke(cli, ["--data-dir", str(data), *args])


def test_a_kill_while_creating_never_leaves_a_session_that_cannot_resume(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    kill_at, finished = 0, False
    stale_locks: list[str] = []
    while not finished:
        kill_at += 1
        assert kill_at < 40, "creating a session should take a handful of writes"
        data = tmp_path / f"data-{kill_at}"
        child = subprocess.run(
            [sys.executable, str(script), str(data / "sessions"), str(kill_at)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        finished = child.returncode == 0
        assert finished or child.returncode == -signal.SIGKILL, child.stderr

        listed = run_cli(data, "sessions", "list")
        assert listed.exit_code == 0, f"killed at {kill_at}: {listed.stderr} {listed.exception!r}"
        assert listed.stderr == "", f"killed at {kill_at}: {listed.stderr}"
        rows = listed.stdout.splitlines()[1:] if "No saved sessions" not in listed.stdout else []
        assert len(rows) == 1 if finished else len(rows) <= 1
        for row in rows:
            session_id = row.split()[0]
            assert "Started under fire" in row, f"killed at {kill_at}: {row}"
            exported = run_cli(data, "export", session_id, "--audience", "facilitator")
            assert exported.exit_code == 0, f"killed at {kill_at}: {exported.exception!r}"
            assert "Started under fire" in exported.stdout
        if not rows:
            folder = data / "sessions"
            assert not [p for p in folder.glob("*.json*") if not p.name.startswith("index")]
            stale_locks += [p.name for p in folder.glob("*.lock") if p.name != "index.json.lock"]
    assert kill_at > 2, "the kills landed before and after each write"
    assert stale_locks == [], "the lock of a session never made is removed"
