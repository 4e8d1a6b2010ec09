"""Deleting and purging remove every copy of a session's notes, through the installed command."""

from __future__ import annotations

import os
import time
from pathlib import Path

from store_support import run_cli, saved_session

NOTE = "a theme nobody should find later"


def holds_the_note(folder: Path) -> list[str]:
    """The names of the files in ``folder`` that still hold the test's note."""
    return sorted(
        path.name for path in folder.iterdir() if path.is_file() and NOTE in path.read_text()
    )


def age(path: Path, days: float) -> None:
    """Make ``path`` look last changed ``days`` days ago."""
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_delete_removes_the_set_aside_copies_and_a_crash_s_temp_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id, kept = saved_session(data, NOTE), saved_session(data, NOTE)
    folder = data / "sessions"
    path = folder / f"{session_id}.json"
    text = path.read_text()
    (folder / f"{session_id}.json.damaged").write_text(text[:-9])
    (folder / f"{session_id}.json.2.damaged").write_text(text[:-3])
    temp = folder / f".{session_id}.json.k2j4x9.tmp"
    temp.write_text(text)

    deleted = run_cli(data, "sessions", "delete", "--yes", session_id)

    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.splitlines() == [
        f"Deleted for good: session {session_id} ({path}).",
        f"  and {folder / f'{session_id}.json.damaged'}",
        f"  and {folder / f'{session_id}.json.2.damaged'}",
        f"  and {temp}",
    ]
    assert holds_the_note(folder) == [f"{kept}.json"]
    assert not (folder / f"{session_id}.lock").exists()


def test_delete_of_a_session_left_only_as_a_set_aside_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = saved_session(data, NOTE)
    folder = data / "sessions"
    path = folder / f"{session_id}.json"
    path.write_text(path.read_text()[:-2])
    listed = run_cli(data, "sessions", "list")
    assert f"set aside as {session_id}.json.damaged" in listed.stderr

    asked = run_cli(data, "sessions", "delete", session_id)
    assert asked.returncode == 1
    assert "only its set-aside copies are left: 1 file" in asked.stdout
    deleted = run_cli(data, "sessions", "delete", "--yes", session_id)

    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout == (
        f"Deleted for good: session {session_id} ({folder / f'{session_id}.json.damaged'}).\n"
    )
    assert holds_the_note(folder) == []
    assert run_cli(data, "sessions", "delete", "--yes", session_id).stderr == (
        f"Error: No session {session_id!r} in {folder}\n"
    )


def test_purge_lists_set_aside_files_with_their_age_and_removes_the_old(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = data / "sessions"
    old, recent = saved_session(data, NOTE), saved_session(data, NOTE)
    for session_id, days in ((old, 120), (recent, 3)):
        path = folder / f"{session_id}.json"
        path.write_text(path.read_text()[:-2])
        age(path, days)
    assert run_cli(data, "sessions", "list").returncode == 0

    purged = run_cli(data, "purge", "--older-than", "90", "--yes")

    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.splitlines() == [
        "1 file set aside as damaged, which may hold notes:",
        f"  {folder / f'{old}.json.damaged'}  last changed 120 days ago",
        "Deleted for good: 1 set-aside file.",
    ]
    assert holds_the_note(folder) == [f"{recent}.json.damaged"]


def test_purge_removes_the_set_aside_copies_of_the_sessions_it_deletes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = data / "sessions"
    session_id = saved_session(data, NOTE)
    path = folder / f"{session_id}.json"
    (folder / f"{session_id}.json.damaged").write_text(path.read_text()[:-2])

    purged = run_cli(data, "purge", "--older-than", "90", "--yes")

    assert purged.returncode == 0, purged.stderr
    assert "Deleted for good: 1 session." in purged.stdout
    assert f"{session_id}.json.damaged  last changed 0 days ago" in purged.stdout
    assert holds_the_note(folder) == []
