"""`circlekeeper export`, called as a facilitator would: through click, and once installed."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_example import GOLDEN, saved_session

from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli import cli

HANDOUT_NAME = "2026-03-04-example-agenda-handout.html"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def golden(name: str) -> str:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return text.replace("2026-03-04-k7q2", "{id}")


@pytest.mark.parametrize(
    ("audience", "fmt", "name"),
    [
        ("participants", "md", "example-handout.md"),
        ("facilitator", "md", "example-record.md"),
        ("participants", "json", "example-handout.json"),
        ("facilitator", "json", "example-record.json"),
    ],
)
def test_markdown_and_json_go_to_standard_output(runner, audience, fmt, name, folders) -> None:
    session_id = saved_session(
        folders,
    )
    result = runner.invoke(cli, ["export", session_id, "--audience", audience, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout == golden(name).replace("{id}", session_id)
    assert result.stderr == ""


def test_markdown_is_the_format_unless_told(runner, folders) -> None:
    session_id = saved_session(
        folders,
    )
    result = runner.invoke(cli, ["export", session_id, "-a", "participants"])
    assert result.stdout == golden("example-handout.md")


def test_html_without_a_file_is_saved_in_the_exports_folder(runner, isolated_dirs, folders) -> None:
    session_id = saved_session(
        folders,
    )
    result = runner.invoke(cli, ["export", session_id, "-a", "participants", "-f", "html"])
    assert result.exit_code == 0, result.output
    path = isolated_dirs["exports"] / HANDOUT_NAME
    assert result.stdout == f"Saved the handout (HTML) to {path}\n"
    assert path.read_text(encoding="utf-8") == golden("example-handout.html")


def test_a_file_is_never_overwritten_without_force(runner, tmp_path, folders) -> None:
    session_id = saved_session(
        folders,
    )
    out = tmp_path / "record.json"
    out.write_text("keep me", encoding="utf-8")
    args = ["export", session_id, "-a", "facilitator", "-f", "json", "-o", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(cli, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["session"]["id"] == session_id
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_as_output_gets_the_usual_file_name(runner, tmp_path, folders) -> None:
    session_id = saved_session(
        folders,
    )
    result = runner.invoke(
        cli, ["export", session_id, "-a", "participants", "-f", "html", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / HANDOUT_NAME).is_file()


def test_dash_sends_even_html_to_standard_output(runner, folders) -> None:
    session_id = saved_session(
        folders,
    )
    result = runner.invoke(
        cli, ["export", session_id, "-a", "participants", "-f", "html", "-o", "-"]
    )
    assert result.stdout == golden("example-handout.html")


def test_a_session_open_in_the_app_can_still_be_exported_and_is_left_alone(runner, folders) -> None:
    session_id, handle = saved_session(folders, keep_open=True)
    # While it is open, its actions are in its journal: the export reads them there.
    files = (handle.path, journal_path(handle.path))
    before = [path.read_bytes() for path in files]
    try:
        result = runner.invoke(cli, ["export", session_id, "-a", "facilitator"])
        assert result.exit_code == 0, result.output
        assert result.stdout == golden("example-record.md").replace("{id}", session_id)
        assert [path.read_bytes() for path in files] == before
    finally:
        handle.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "-a", "participants"], "Error: No session 'nope' in {sessions}\n"),
        (
            ["{id}", "-a", "everyone"],
            "Error: --audience: 'everyone' is not known; use participants or facilitator\n",
        ),
        (
            ["{id}", "-a", "participants", "-f", "pdf"],
            "Error: --format: 'pdf' is not known; use md, html, json or csv\n",
        ),
        (
            ["{id}", "-a", "participants", "-o", "{tmp}/a-file/out.md"],
            "Error: {tmp}/a-file/out.md: could not write: a file is in the way of its folder\n",
        ),
    ],
)
def test_every_problem_is_one_line_and_a_failing_exit(
    runner, tmp_path, isolated_dirs, args, message, folders
) -> None:
    session_id = saved_session(
        folders,
    )
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    values = {"id": session_id, "tmp": tmp_path, "sessions": isolated_dirs["data"] / "sessions"}
    result = runner.invoke(cli, ["export", *(a.format(**values) for a in args)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message.format(**values)


def test_a_damaged_session_is_reported_and_left_where_it_is(runner, folders) -> None:
    session_id = saved_session(
        folders,
    )
    path = SessionStore.in_folders(folders).path_of(session_id)
    path.write_text("{oops", encoding="utf-8")
    result = runner.invoke(cli, ["export", session_id, "-a", "facilitator"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: not valid JSON")
    assert len(result.stderr.splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "{oops"


def test_the_audience_must_be_chosen(runner, folders) -> None:
    result = runner.invoke(
        cli,
        [
            "export",
            saved_session(
                folders,
            ),
        ],
    )
    assert result.exit_code == 2
    assert "Missing option '--audience'" in result.stderr


def test_the_installed_command_writes_the_handout(tmp_path, isolated_dirs, folders) -> None:
    program = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
    session_id = saved_session(
        folders,
    )
    out = tmp_path / "handout.html"
    done = subprocess.run(
        [
            program,
            "export",
            session_id,
            "--audience",
            "participants",
            "--format",
            "html",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Saved the handout (HTML) to {out}\n"
    assert out.read_text(encoding="utf-8") == golden("example-handout.html")
    again = subprocess.run(
        [program, "export", session_id, "-a", "participants", "-f", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 1
    assert again.stderr == f"Error: {out}: already exists; use --force to overwrite it\n"


def test_the_installed_command_never_saves_in_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no exports folder set and no Documents folder, exports get their own folder."""
    program = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
    monkeypatch.delenv("CIRCLEKEEPER_EXPORTS_DIR", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # a home with no Documents folder
    data = tmp_path / "data"
    session_id = saved_session(
        Folders(data=data, config=tmp_path / "config", templates=tmp_path, cache=tmp_path)
    )
    here = tmp_path / "terminal-was-here"
    here.mkdir()
    done = subprocess.run(
        [
            program,
            "--data-dir",
            str(data),
            "export",
            session_id,
            "-a",
            "participants",
            "-f",
            "html",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=here,
    )
    assert done.returncode == 0, done.stderr
    assert list(here.iterdir()) == []
    assert done.stdout == f"Saved the handout (HTML) to {data / 'exports' / HANDOUT_NAME}\n"
