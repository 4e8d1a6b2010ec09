"""One bad file in the sessions folder is reported, and every other session keeps working.

The commands run as a facilitator runs them, as a separate program on real files. What
cannot be made real here (an unreadable file when the tests run as root, a full disk) is
simulated in-process, through the same command line.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from engine_support import agenda

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage import atomic
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli import cli

BAD_ID = "2026-01-02-b4dd"
"""The id the bad file is named after."""
BAD_TAIL = "-b4dd"

Damage = Callable[[Path], None]


def huge_number(path: Path) -> None:
    path.write_text('{"meta": {"1": {"schema": ' + "9" * 5000 + "}}}")


def deep_nesting(path: Path) -> None:
    path.write_text("[" * 200_000 + "]" * 200_000)


def wrong_types(path: Path) -> None:
    path.write_text('{"meta": {"1": {"schema": 1, "id": 7, "state": [], "created": {}}}}')


def fifo(path: Path) -> None:
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.mkdir()


def device(path: Path) -> None:
    os.mknod(path, 0o600 | 0o020000, os.makedev(1, 3))  # the null device: needs root


def symlink_to_session(path: Path) -> None:
    other = path.parent.parent / "elsewhere.json"
    good = next(p for p in path.parent.glob("20*.json") if BAD_TAIL not in p.name)
    shutil.copy(good, other)
    os.symlink(other, path)


def oversized(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(atomic.MAX_FILE_BYTES + 1)


SET_ASIDE = {"huge number": huge_number, "deep nesting": deep_nesting, "wrong types": wrong_types}
"""Damaged content: set aside as ``<name>.damaged``."""

LEFT_ALONE = {
    "FIFO": fifo,
    "folder": folder,
    "device": device,
    "symbolic link": symlink_to_session,
    "oversized": oversized,
}
"""Not a file circlekeeper wrote, or not one to read: skipped and left where it is."""


def make_session(folders: Folders, title: str = "Kept circle") -> str:
    """A real session, long ended, with a note, as the app leaves one."""
    store = SessionStore.in_folders(folders)
    clock = FakeClock(datetime(2024, 1, 1, 18, tzinfo=timezone.utc))
    handle = store.create(clock.now())
    session = Session.create(
        handle.record,
        agenda(),
        clock,
        session_id=handle.id,
        attendance=6,
        index=store.update_index,
    )
    session.start()
    session.add_note("Being new is lonely", "theme")
    clock.advance(minutes=30)
    session.end()
    handle.close()
    return handle.id


def program(folders: Folders) -> Callable[..., subprocess.CompletedProcess[str]]:
    command = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [command, "--data-dir", str(folders.data), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    return run


def listed_ids(stdout: str) -> list[str]:
    return [line.split()[0] for line in stdout.splitlines()[1:]]


def test_every_command_works_beside_every_kind_of_bad_session_file(folders: Folders) -> None:
    """All the kinds at once, each its own file: none may hide the others or the good one."""
    good = make_session(folders)
    bad: dict[str, Path] = {}
    for day, (kind, damage) in enumerate({**SET_ASIDE, **LEFT_ALONE}.items(), start=2):
        path = folders.sessions / f"2026-01-{day:02d}{BAD_TAIL}.json"
        try:
            damage(path)
        except PermissionError:  # a device node needs root; the other kinds still count
            continue
        bad[kind] = path
    run = program(folders)

    # A FIFO once hung this for good: the timeout turns a hang into a failure.
    listed = run("sessions", "list", timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert listed_ids(listed.stdout) == [good]
    for kind, path in bad.items():
        told = [line for line in listed.stderr.splitlines() if str(path) in line]
        assert len(told) == 1, (kind, listed.stderr)
        moved = Path(f"{path}.damaged")
        if kind in SET_ASIDE:
            assert f"set aside as {moved.name}" in told[0], kind
            assert moved.exists() and not os.path.lexists(path), kind
        else:
            assert "left where it is" in told[0], kind
            assert os.path.lexists(path) and not moved.exists(), kind

    exported = run("export", good, "--audience", "facilitator", "--format", "md")
    assert exported.returncode == 0, exported.stderr
    assert "Being new is lonely" in exported.stdout

    # Set aside, the damaged ones are all simply gone: asking for one of them is enough.
    asked = [kind for kind in bad if kind not in SET_ASIDE] + [next(iter(SET_ASIDE))]
    for kind, path in ((kind, bad[kind]) for kind in asked):
        bad_id = path.name.removesuffix(".json")
        refused = run("export", bad_id, "-a", "facilitator", "--format", "md", timeout=30)
        assert refused.returncode == 1, kind
        assert refused.stderr.startswith("Error: ") and len(refused.stderr.splitlines()) == 1

    purged = run("purge", "--older-than", "1", "--yes")
    assert purged.returncode == 0, purged.stderr
    assert "Deleted for good: 1 session." in purged.stdout
    assert not folders.sessions.joinpath(f"{good}.json").exists()


def test_delete_works_beside_a_bad_session_file(folders: Folders) -> None:
    good, other = make_session(folders), make_session(folders, "Another")
    fifo(folders.sessions / f"{BAD_ID}.json")
    run = program(folders)
    deleted = run("sessions", "delete", good, "--yes", timeout=30)
    assert deleted.returncode == 0, deleted.stderr
    assert listed_ids(run("sessions", "list", timeout=30).stdout) == [other]


def damaged_index(kind: str) -> Damage:
    def damage(path: Path) -> None:
        path.unlink(missing_ok=True)
        if kind == "folder":
            path.mkdir()
        elif kind == "FIFO":
            os.mkfifo(path)
        elif kind == "oversized":
            with path.open("wb") as file:
                file.truncate(atomic.MAX_FILE_BYTES + 1)
        elif kind == "huge number":
            path.write_text('{"version": ' + "9" * 5000 + "}")
        else:
            path.write_text('{"version": 1, "sessions": ' + "[" * 200_000 + "]" * 200_000 + "}")

    return damage


@pytest.mark.parametrize("kind", ["huge number", "deep nesting", "FIFO", "folder", "oversized"])
def test_a_bad_index_is_rebuilt_from_the_session_files(folders: Folders, kind: str) -> None:
    good = make_session(folders)
    index = folders.sessions / "index.json"
    damaged_index(kind)(index)
    run = program(folders)
    listed = run("sessions", "list", timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert listed_ids(listed.stdout) == [good]
    exported = run("export", good, "--audience", "facilitator", "--format", "md", timeout=30)
    assert exported.returncode == 0, exported.stderr
    if kind != "folder":  # a folder cannot be replaced by a file; it is simply not used
        assert index.is_file() and good in index.read_text()


# Simulated: the tests run as root, whom no file permission stops.


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make opening the file called ``name`` fail as an unreadable file does, however opened."""

    def refusing(real_open: Callable[..., Any]) -> Callable[..., Any]:
        def guarded_open(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, os.PathLike)) and Path(path).name == name:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, *args, **kwargs)

        return guarded_open

    monkeypatch.setattr(os, "open", refusing(os.open))
    monkeypatch.setattr(io, "open", refusing(io.open))


def test_an_unreadable_session_file_hides_no_other_session(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_session(folders)
    bad = folders.sessions / f"{BAD_ID}.json"
    shutil.copy(folders.sessions / f"{good}.json", bad)
    refuse_to_open(monkeypatch, bad.name)
    result = CliRunner().invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [good]
    assert result.stderr == (
        f"skipped: {bad}: could not be read (Permission denied); left where it is\n"
    )
    assert bad.exists()


def test_an_unreadable_index_stops_no_session_from_opening(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_session(folders)
    refuse_to_open(monkeypatch, "index.json")
    listed = CliRunner().invoke(cli, ["sessions", "list"])
    assert listed.exit_code == 0, listed.output
    assert listed_ids(listed.stdout) == [good]
    exported = CliRunner().invoke(cli, ["export", good, "-a", "facilitator", "--format", "md"])
    assert exported.exit_code == 0, exported.output
    assert CliRunner().invoke(cli, ["sessions", "delete", good, "--yes"]).exit_code == 0


def test_listing_needs_no_write_on_a_full_disk(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_session(folders)
    second = make_session(folders, "Another")
    (folders.sessions / "index.json").unlink()  # so listing would want to write it
    stale_temp = folders.sessions / f".{first}.json.x1y2.tmp"
    stale_temp.write_text("{")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", disk_full)
    monkeypatch.setattr(atomic.os, "replace", disk_full)
    monkeypatch.setattr(atomic.os, "unlink", disk_full)
    result = CliRunner().invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0, result.output
    assert sorted(listed_ids(result.stdout)) == sorted([first, second])


def test_listing_works_when_the_index_lock_cannot_be_made(
    folders: Folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_session(folders)
    refuse_to_open(monkeypatch, "index.json.lock")
    result = CliRunner().invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [good]


def test_a_session_file_too_large_is_reported_with_the_cap(folders: Folders) -> None:
    make_session(folders)
    oversized(folders.sessions / f"{BAD_ID}.json")
    listed = program(folders)("sessions", "list", timeout=30)
    assert f"larger than {atomic.MAX_FILE_BYTES >> 20} MB" in listed.stderr
