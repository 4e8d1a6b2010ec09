"""A symbolic link named like a session file is never followed: not opened, not changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from store_support import run_cli, saved_session

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.session_store import SessionStore


def test_setting_a_damaged_link_aside_leaves_what_it_points_to_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    saved_session(data)
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("not a session, and not ours\n")
    victim.chmod(0o644)
    link = data / "sessions" / "2026-03-04-link.json"
    link.symlink_to(victim)

    listed = run_cli(data, "sessions", "list")

    assert listed.returncode == 0, listed.stderr
    assert "2026-03-04-link.json" in listed.stderr
    assert "Traceback" not in listed.stderr
    after = victim.stat()
    assert stat.S_IMODE(after.st_mode) == 0o644
    assert after.st_nlink == 1, "no second name was made for a file outside the folder"
    assert victim.read_text() == "not a session, and not ours\n"


def test_a_session_file_that_is_a_link_is_refused_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = saved_session(data, "a theme worth keeping")
    path = data / "sessions" / f"{session_id}.json"
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(path, elsewhere)
    path.symlink_to(elsewhere)
    before = elsewhere.read_bytes()

    exported = run_cli(data, "export", session_id, "--audience", "facilitator")

    assert exported.returncode == 1
    assert exported.stderr == (
        f"Error: {path}: a symbolic link, not a session file; it was not opened "
        "(move the file it points to into the folder instead)\n"
    )
    assert exported.stdout == ""
    with pytest.raises(StorageError, match="a symbolic link"):
        SessionStore(data / "sessions").open(session_id)
    assert elsewhere.read_bytes() == before
    assert path.is_symlink()
