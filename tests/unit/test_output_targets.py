"""`export -o` and `qr --png/--svg` write only regular files, into folders that exist.

Run through the command line's root group on real files (and once as the installed
program, in a process of its own): a named pipe made with ``os.mkfifo``, a device, a
symbolic link to a file that must stay as it was, and a folder that does not exist. Each
is refused in one line on standard error with a non-zero exit, even with ``--force``, and
nothing is created or replaced. The device is a null device node of the test's own when
run as root, else ``/dev/null``: code that wrongly replaced a device would otherwise
replace the system's own.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_example import saved_session

from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.tui.cli import cli

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
URL = "https://example.org/eap"


@dataclass(frozen=True)
class Ran:
    """How a command ended: its exit code and what it wrote to each stream."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Ran:
    """Run the command line's root group in this process, as the program would run."""
    result = CliRunner().invoke(cli, list(args))
    stderr = result.stderr
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))  # shown as a crash
    return Ran(result.exit_code, result.stdout, stderr)


def run_installed(*args: str) -> Ran:
    """Run the installed program in a process of its own."""
    done = subprocess.run([PROGRAM, *args], capture_output=True, text=True, timeout=60)
    return Ran(done.returncode, done.stdout, done.stderr)


def export_to(session_id: str, target: Path, *extra: str, runner: Callable[..., Ran] = run) -> Ran:
    return runner(
        "export", session_id, "-a", "participants", "-f", "html", "-o", str(target), *extra
    )


def one_error_line(done: Ran) -> str:
    assert done.returncode != 0, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


@pytest.fixture
def session_id(folders: Folders) -> str:
    return saved_session(folders)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.html"
    os.mkfifo(path)
    return path


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device: the test's own when it may make one, else ``/dev/null``."""
    path = tmp_path / "null.html"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        return Path("/dev/null")  # not root, so it cannot be replaced either
    return path


@pytest.fixture
def link(tmp_path: Path) -> Path:
    """A symbolic link to a file whose content must survive."""
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me", encoding="utf-8")
    kept.chmod(0o644)
    path = tmp_path / "link.html"
    path.symlink_to(kept)
    return path


def assert_link_untouched(link: Path) -> None:
    assert link.is_symlink()
    kept = link.parent / "kept.txt"
    assert kept.read_text(encoding="utf-8") == "keep me"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o644


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_refuses_a_named_pipe(session_id, fifo, force) -> None:
    line = one_error_line(export_to(session_id, fifo, *force))
    assert line == f"Error: {fifo}: is a named pipe (FIFO), not a regular file; choose another name"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_refuses_a_device(session_id, device, force) -> None:
    line = one_error_line(export_to(session_id, device, *force))
    assert line == f"Error: {device}: is a device, not a regular file; choose another name"
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_refuses_a_symbolic_link(session_id, link, force) -> None:
    line = one_error_line(export_to(session_id, link, *force))
    assert line == f"Error: {link}: is a symbolic link; give the path of the file itself"
    assert_link_untouched(link)


def test_the_installed_export_refuses_a_missing_folder_unless_told_to_make_it(
    session_id, tmp_path
) -> None:
    target = tmp_path / "no-such-folder" / "inner" / "handout.html"
    line = one_error_line(export_to(session_id, target, runner=run_installed))
    assert line == (
        f"Error: {target}: the folder {target.parent} does not exist; add --mkdir to create it"
    )
    assert not (tmp_path / "no-such-folder").exists()

    done = export_to(session_id, target, "--mkdir", runner=run_installed)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_still_replaces_a_regular_file_with_force(session_id, tmp_path) -> None:
    target = tmp_path / "handout.html"
    target.write_text("old", encoding="utf-8")
    done = export_to(session_id, target, "--force")
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("option", ["--png", "--svg"])
def test_qr_refuses_a_named_pipe_a_device_and_a_symbolic_link(option, fifo, device, link) -> None:
    for target, reason in [
        (fifo, "is a named pipe (FIFO), not a regular file; choose another name"),
        (device, "is a device, not a regular file; choose another name"),
        (link, "is a symbolic link; give the path of the file itself"),
    ]:
        line = one_error_line(run("qr", URL, option, str(target)))
        assert line == f"Error: {target}: {reason}"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert_link_untouched(link)


@pytest.mark.parametrize("option", ["--png", "--svg"])
def test_qr_refuses_a_missing_folder_unless_told_to_make_it(option, tmp_path) -> None:
    target = tmp_path / "handouts" / f"eap.{option[2:]}"
    line = one_error_line(run("qr", URL, option, str(target)))
    assert line == (
        f"Error: {target}: the folder {target.parent} does not exist; add --mkdir to create it"
    )
    assert not target.parent.exists()

    done = run("qr", URL, option, str(target), "--mkdir")
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0


@pytest.mark.parametrize("command", [["export", "x"], ["qr", URL]])
def test_help_names_mkdir(command) -> None:
    done = run(*command, "--help")
    assert done.returncode == 0
    assert "--mkdir" in done.stdout
