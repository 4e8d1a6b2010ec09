"""``circlekeeper privacy check``: findings as line:col, exit codes, and unreadable input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.sessions.settings.config import PHONE_REGION_ENV as REGION_ENV
from circlekeeper.tui.cli import cli

HANDOUT = """\
# Check-in, March

Theme: feeling isolated since the reorg.
Action: Sam to email hr-help@example.org by Friday.
Meeting at 10:30, 2 min each; budget 2024.
Support need: call me on 07700 900123.
"""


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, ["privacy", "check", *args], input=input)


def test_each_finding_is_printed_as_line_col_kind_text() -> None:
    result = run("--region", "GB", "--watch", "Sam", input=HANDOUT)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "4:9: name: Sam",
        "4:22: email: hr-help@example.org",
        "6:26: phone: 07700 900123",
    ]
    assert "3 possible pieces of personal data found" in result.stderr


def test_a_clean_text_exits_0_and_prints_no_findings() -> None:
    result = run("--region", "GB", input="Theme: feeling isolated since the reorg\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no personal data found" in result.stderr


def test_a_file_is_read_when_named(tmp_path: Path) -> None:
    handout = tmp_path / "handout.md"
    handout.write_text(HANDOUT, encoding="utf-8")
    result = run("--region", "GB", str(handout))
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["email", "phone"]


def test_a_dash_means_standard_input() -> None:
    result = run("-", "--region", "GB", input="ring 020 7946 0958\n")
    assert (result.exit_code, result.stdout) == (1, "1:6: phone: 020 7946 0958\n")


def test_watch_names_repeat_and_match_phrases_across_lines() -> None:
    text = "José spoke.\nThen anne\nmarie’s turn."
    result = run("-w", "Jose", "--watch", "Anne Marie", input=text)
    assert result.stdout.splitlines() == ["1:1: name: José", "2:6: name: anne marie"]


def test_a_byte_order_mark_does_not_shift_columns(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes("Sam said hi".encode("utf-8-sig"))
    result = run("-w", "Sam", str(notes))
    assert result.stdout == "1:1: name: Sam\n"


def test_a_local_number_is_found_whatever_region_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    # A wrong or missing region must not let a number through.
    text = "call 020 7946 0958"
    assert run("--region", "gb", input=text).exit_code == 1
    assert run("--region", "US", input=text).exit_code == 1
    monkeypatch.setenv(REGION_ENV, "DE")
    assert run(input=text).exit_code == 1
    assert run("--region", "US", input="we were 12 in 2024, 9 in 2025").exit_code == 0


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    result = run(str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {missing}: no such file\n"
    assert result.stdout == ""


def test_a_folder_is_refused_with_exit_2(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}: is a folder, not a file\n"


def test_text_that_is_not_utf8_is_one_line_and_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes("Theme: caf\u00e9\n".encode() + "Action: caf\u00e9".encode("latin-1"))
    result = run(str(notes))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {notes}:2: not UTF-8 text (byte 0xe9); save it as UTF-8 and try again\n"
    )
    assert "Traceback" not in result.output


def test_stdin_that_is_not_utf8_names_stdin() -> None:
    result = run(input=b"\xff\xfe")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: stdin:1: not UTF-8 text")


@pytest.mark.skipif(sys.platform == "win32", reason="file modes")
def test_an_unreadable_file_is_refused_with_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    notes.chmod(0)
    try:
        if os.access(notes, os.R_OK):
            pytest.skip("this user can read any file")
        result = run(str(notes))
        assert result.exit_code == 2
        assert result.stderr == f"Error: {notes}: not allowed to read it\n"
    finally:
        notes.chmod(0o600)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "XX"], "'XX' is not a two-letter region"),
        (["--watch", "  "], "a name on the watch list needs letters"),
        (["a.md", "b.md"], "unexpected extra argument"),
        (["--colour"], "No such option"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(args: list[str], message: str) -> None:
    result = run(*args, input="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_help_shows_examples_and_exit_codes() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "circlekeeper privacy check --watch Maria" in result.stdout
    assert "Exit codes: 0 nothing found, 1 something found" in result.stdout
    assert "never saved" in result.stdout


def test_the_installed_command_reads_standard_input() -> None:
    program = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
    completed = subprocess.run(
        [program, "privacy", "check", "--region", "GB", "--watch", "Maria"],
        input="Maria’s idea: write to maria.lopez@example.org\nMeeting at 10:30\n".encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.decode().splitlines() == [
        "1:1: name: Maria",
        "1:24: email: maria.lopez@example.org",
    ]
    assert b"Traceback" not in completed.stderr
