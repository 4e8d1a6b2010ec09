"""``circlekeeper templates ...`` and ``circlekeeper resources``, called as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from circlekeeper.tui.cli import cli

OURS = """---
title: Our check-in
summary: Check in, share, check out.
duration: 40
audience: the Tuesday group
---

# Our check-in

Arrive early.

## Welcome (10 min)

- What is said here stays here.

> Facilitator: mention the fire exits.

## Check-in round (20 min, round 2 min)

Read the [agreements](https://example.org/agreements).

## Check-out (10 min, round 1 min, fixed)

## Resources

- [Helpline](https://findahelpline.com) (crisis)
"""

BROKEN = "# Broken\n\n## Welcome\n\n- [x](ftp://example.org)\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="circlekeeper")


@pytest.fixture
def user_dir(isolated_dirs: dict[str, Path]) -> Path:
    folder = isolated_dirs["templates"]
    folder.mkdir(parents=True)
    return folder


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_list_shows_builtins_and_where_your_own_go(isolated_dirs: dict[str, Path]) -> None:
    result = run("templates", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "TITLE", "LENGTH", "PARTS", "WHERE"]
    assert any(line.startswith("first-meeting ") and "built-in" in line for line in lines)
    assert f"Your own templates go in {isolated_dirs['templates']}" in result.stdout


def test_list_marks_yours_overrides_and_broken(user_dir: Path) -> None:
    (user_dir / "ours.md").write_text(OURS, encoding="utf-8")
    (user_dir / "first-meeting.md").write_text(OURS, encoding="utf-8")
    (user_dir / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = run("templates", "list")
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:] if line}
    assert "Our check-in" in rows["ours"] and "40 min" in rows["ours"]
    assert rows["ours"].rstrip().endswith("yours")
    assert rows["first-meeting"].rstrip().endswith("yours, overrides built-in")
    assert "has problems, run templates check" in rows["broken"]
    assert f"circlekeeper templates check {user_dir / 'broken.md'}" in result.stdout


def test_show_reads_the_agenda(user_dir: Path) -> None:
    (user_dir / "ours.md").write_text(OURS, encoding="utf-8")
    result = run("templates", "show", "ours")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Our check-in\n")
    assert "40 min in 3 parts" in out
    assert "Opening words (facilitator only):\n  Arrive early." in out
    assert "1. Welcome  [0:00, 10 min]" in out
    assert "2. Check-in round  [0:10, 20 min, round of 2 min a speaker]" in out
    assert "3. Check-out  [0:30, 10 min, round of 1 min a speaker, fixed]" in out
    assert "Prompts (shown to participants):\n     - What is said here stays here." in out
    assert "Guidance (facilitator only):\n     > Facilitator: mention the fire exits." in out
    assert "Resource: agreements <https://example.org/agreements>" in out
    assert "  - Helpline <https://findahelpline.com>  (crisis)" in out
    assert "Ends at 0:40." in out


def test_show_a_file_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(OURS, encoding="utf-8")
    result = run("templates", "show", str(path))
    assert result.exit_code == 0 and "(template: draft)" in result.stdout


def test_show_an_unknown_template() -> None:
    result = run("templates", "show", "nope")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no template named 'nope'")
    assert len(result.stderr.splitlines()) == 1
    _no_traceback(result)


def test_show_a_broken_template(user_dir: Path) -> None:
    (user_dir / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = run("templates", "show", "broken")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{user_dir / 'broken.md'}:3: a part needs its length, e.g. (10 min)",
        f"{user_dir / 'broken.md'}:5: the link has 'ftp:'; only http, https, mailto and tel "
        "links can be shown as QR codes",
        "Error: the template 'broken' has problems; it cannot be shown",
    ]


def test_check_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "ours.md"
    path.write_text(OURS, encoding="utf-8")
    result = run("templates", "check", str(path))
    assert result.exit_code == 0
    assert result.stdout == f"{path}: ok (3 parts, 40 min)\n"


def test_check_reports_every_problem_and_a_verdict(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(OURS, encoding="utf-8")
    bad.write_text(BROKEN, encoding="utf-8")
    result = run("templates", "check", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok (3 parts, 40 min)",
        f"{bad}:3: a part needs its length, e.g. (10 min)",
        f"{bad}:5: the link has 'ftp:'; only http, https, mailto and tel links can be shown "
        "as QR codes",
        f"{bad}: 2 problems",
        "1 of 2 templates are fine",
    ]
    _no_traceback(result)


def test_check_a_folder_checks_its_markdown_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OURS, encoding="utf-8")
    (tmp_path / "b.md").write_text(OURS, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    result = run("templates", "check", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "2 of 2 templates are fine"


def test_check_an_empty_folder(tmp_path: Path) -> None:
    result = run("templates", "check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}: no templates (.md files) in this folder\n"


def test_check_a_missing_file(tmp_path: Path) -> None:
    result = run("templates", "check", str(tmp_path / "gone.md"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / 'gone.md'}: cannot read: ")
    _no_traceback(result)


def test_check_a_template_by_name(user_dir: Path) -> None:
    (user_dir / "ours.md").write_text(OURS, encoding="utf-8")
    result = run("templates", "check", "ours", "first-meeting")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{user_dir / 'ours.md'}: ok (3 parts, 40 min)"


def test_check_needs_a_path() -> None:
    assert run("templates", "check").exit_code == 2


def test_copy_then_refuse_then_force(isolated_dirs: dict[str, Path]) -> None:
    target = isolated_dirs["templates"] / "first-meeting.md"
    result = run("templates", "copy", "first-meeting")
    assert result.exit_code == 0, result.output
    assert f"Copied 'first-meeting' to {target}" in result.stdout
    assert f"circlekeeper templates check {target}" in result.stdout
    assert target.is_file()
    target.write_text(OURS, encoding="utf-8")
    again = run("templates", "copy", "first-meeting")
    assert again.exit_code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == OURS
    assert run("templates", "copy", "first-meeting", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != OURS


def test_copy_an_unknown_template() -> None:
    result = run("templates", "copy", "nope")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no built-in template named 'nope'")


@pytest.mark.parametrize(
    "args",
    [
        ["templates"],
        ["templates", "list"],
        ["templates", "show"],
        ["templates", "check"],
        ["templates", "copy"],
        ["resources"],
    ],
)
def test_every_command_has_help_with_examples(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    assert "  Examples:\n    circlekeeper " in result.stdout


def test_resources_when_there_is_no_file(isolated_dirs: dict[str, Path]) -> None:
    result = run("resources")
    assert result.exit_code == 0
    assert f"No resources file yet. It would be {isolated_dirs['config'] / 'resources.md'}" in (
        result.stdout
    )
    assert "- [Our crisis line](tel:+441234567890) (crisis)" in result.stdout


def test_resources_lists_them_and_says_where(isolated_dirs: dict[str, Path]) -> None:
    path = isolated_dirs["config"] / "resources.md"
    path.parent.mkdir(parents=True)
    path.write_text("- [EAP](https://eap.example.org)\n- [Line](tel:+4412345) (crisis)\n")
    result = run("resources")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"Your organisation's resources, from {path}:",
        "  - EAP <https://eap.example.org>",
        "  - Line <tel:+4412345>  (crisis)",
    ]
    checked = run("resources", "--check")
    assert checked.stdout == f"{path}: ok (2 resources, a crisis resource marked)\n"


def test_resources_with_problems(isolated_dirs: dict[str, Path]) -> None:
    path = isolated_dirs["config"] / "resources.md"
    path.parent.mkdir(parents=True)
    path.write_text("# Ours\n\n- [EAP](eap.example.org)\n")
    for args in (["resources"], ["resources", "--check"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.splitlines()[0].startswith(f"{path}:3: the link has no scheme")
        assert result.stderr.splitlines()[-1] == f"{path}: 1 problem"


def _console_script() -> str:
    beside = Path(sys.executable).parent / "circlekeeper"
    found = str(beside) if beside.exists() else shutil.which("circlekeeper")
    assert found, "the circlekeeper console script is not installed"
    return found


def test_check_through_the_installed_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xef\xbb\xbf---\r\nduration: 99\r\n---\r\n## One (10 min)\r\n")
    result = subprocess.run(
        [_console_script(), "templates", "check", str(bad)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{bad}:2: the front matter says 99 minutes but the parts add up to 10; change one, "
        "or leave duration out",
        f"{bad}: 1 problem",
    ]
    assert result.stderr == ""
