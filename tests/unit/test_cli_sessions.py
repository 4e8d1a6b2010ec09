"""`circlekeeper sessions list|delete` and `circlekeeper purge`, called as a facilitator would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make(folders: Folders, title: str, days_ago: float, state: str = "ended") -> str:
    """A session last updated ``days_ago`` days before now, in the default data folder."""
    store = SessionStore.in_folders(folders)
    when = datetime.now(timezone.utc) - timedelta(days=days_ago)
    with store.create(when) as handle:
        handle.record.write_meta(title=title, state=state, updated=when.isoformat())
        store.update_index(handle.record.read_meta())
        return handle.id


def test_list_shows_each_session_newest_first(runner: CliRunner, folders) -> None:
    old = make(folders, "Finding mentors", 40)
    new = make(folders, "Check-in circle", 1, "paused")
    result = runner.invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == [
        "ID", "DATE", "AGENDA", "PEOPLE", "PLANNED", "ACTUAL", "STATE", "LAST", "UPDATE"
    ]  # fmt: skip
    assert [row.split()[0] for row in rows] == [new, old]
    assert "Check-in circle" in rows[0] and "paused" in rows[0]
    assert "Finding mentors" in rows[1] and "ended" in rows[1]


def test_list_with_nothing_saved(runner: CliRunner, isolated_dirs: dict[str, Path]) -> None:
    result = runner.invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0
    assert result.stdout == f"No saved sessions in {isolated_dirs['data'] / 'sessions'}.\n"


def test_list_reports_a_damaged_file_and_that_it_was_set_aside(runner: CliRunner, folders) -> None:
    good = make(folders, "Kept", 2)
    bad = make(folders, "Broken", 3)
    path = SessionStore.in_folders(folders).path_of(bad)
    path.write_text("{oops")
    result = runner.invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"damaged: {path}: not valid JSON (line 1: Expecting property name enclosed in "
        f"double quotes); set aside as {bad}.json.damaged\n"
    )
    assert [row.split()[0] for row in result.stdout.splitlines()[1:]] == [good]


def test_list_says_when_the_index_was_rebuilt(runner: CliRunner, folders) -> None:
    make(folders, "Kept", 2)
    (SessionStore.in_folders(folders).root / "index.json").write_text("garbage")
    result = runner.invoke(cli, ["sessions", "list"])
    assert result.exit_code == 0
    assert "index was damaged and has been rebuilt" in result.stderr
    assert "Kept" in result.stdout


def test_delete_asks_first_and_deletes_for_good(runner: CliRunner, folders) -> None:
    session_id = make(folders, "Finding mentors", 3)
    path = SessionStore.in_folders(folders).path_of(session_id)

    refused = runner.invoke(cli, ["sessions", "delete", session_id], input="n\n")
    assert refused.exit_code == 0
    assert refused.output.endswith("Nothing deleted.\n")
    assert f"Delete session {session_id} (Finding mentors, last updated" in refused.output
    assert path.exists()

    accepted = runner.invoke(cli, ["sessions", "delete", session_id], input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert f"Deleted for good: session {session_id} ({path})." in accepted.output
    assert not path.exists()


def test_delete_yes_does_not_ask(runner: CliRunner, folders) -> None:
    session_id = make(folders, "Finding mentors", 3)
    result = runner.invoke(cli, ["sessions", "delete", "--yes", session_id])
    assert result.exit_code == 0
    assert result.stdout.startswith("Deleted for good")
    assert SessionStore.in_folders(folders).list().sessions == []


def test_delete_an_unknown_id_is_one_line(
    runner: CliRunner, isolated_dirs: dict[str, Path]
) -> None:
    result = runner.invoke(cli, ["sessions", "delete", "--yes", "2026-01-01-nope"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: No session '2026-01-01-nope' in {isolated_dirs['data'] / 'sessions'}\n"
    )


def test_delete_an_open_session_is_refused_in_one_line(runner: CliRunner, folders) -> None:
    session_id = make(folders, "Running now", 0, "running")
    with SessionStore.in_folders(folders).open(session_id):
        result = runner.invoke(cli, ["sessions", "delete", "--yes", session_id])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: This session is already open in another window ({session_id}); "
        "close it there first\n"
    )
    assert SessionStore.in_folders(folders).path_of(session_id).exists()


def test_purge_lists_then_deletes_only_the_old_ones(runner: CliRunner, folders) -> None:
    old = make(folders, "Spring group", 120)
    older = make(folders, "Winter group", 200)
    recent = make(folders, "This week", 2)

    result = runner.invoke(cli, ["purge", "--older-than", "90"], input="y\n")

    assert result.exit_code == 0, result.output
    assert "2 sessions last updated more than 90 days ago:" in result.output
    assert old in result.output and older in result.output and recent not in result.output
    assert "Deleted for good: 2 sessions." in result.output
    assert [s.id for s in SessionStore.in_folders(folders).list().sessions] == [recent]


def test_purge_answered_no_keeps_everything(runner: CliRunner, folders) -> None:
    old = make(folders, "Spring group", 120)
    result = runner.invoke(cli, ["purge", "--older-than", "90"], input="n\n")
    assert result.exit_code == 0
    assert result.output.endswith("Nothing deleted.\n")
    assert [s.id for s in SessionStore.in_folders(folders).list().sessions] == [old]


def test_purge_leaves_an_open_session_and_says_so(runner: CliRunner, folders) -> None:
    closed = make(folders, "Spring group", 120)
    still_open = make(folders, "Left open", 150, "paused")
    with SessionStore.in_folders(folders).open(still_open):
        result = runner.invoke(cli, ["purge", "--older-than", "30", "--yes"])
    assert result.exit_code == 1
    assert "Deleted for good: 1 session." in result.stdout
    assert result.stderr == f"{still_open}: left alone, it is open in another window\n"
    assert [s.id for s in SessionStore.in_folders(folders).list().sessions] == [still_open]
    assert not SessionStore.in_folders(folders).path_of(closed).exists()


def test_purge_with_nothing_old_enough(runner: CliRunner, folders) -> None:
    make(folders, "This week", 2)
    result = runner.invoke(cli, ["purge", "--older-than", "30"])
    assert result.exit_code == 0
    assert result.stdout == "No sessions were last updated more than 30 days ago.\n"


@pytest.mark.parametrize("days", ["ninety", "-5", "1.5", ""])
def test_purge_with_a_bad_number_is_one_line(runner: CliRunner, days: str) -> None:
    result = runner.invoke(cli, ["purge", "--older-than", days, "--yes"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: --older-than: {days!r} is not a number of days (use a whole number, 0 or more)\n"
    )


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["sessions", "--help"], "circlekeeper sessions delete 2026-03-04-7kq2"),
        (["sessions", "list", "--help"], "circlekeeper sessions list"),
        (["sessions", "delete", "--help"], "circlekeeper sessions delete --yes"),
        (["purge", "--help"], "circlekeeper purge --older-than 90"),
    ],
)
def test_help_has_examples(runner: CliRunner, args: list[str], example: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert "Examples:" in result.output and example in result.output


def test_the_installed_command_lists_deletes_and_purges(tmp_path: Path) -> None:
    program = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
    data = tmp_path / "elsewhere"
    store = SessionStore(data / "sessions")
    long_ago = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with store.create(long_ago) as first, store.create(long_ago) as second:
        ids = [first.id, second.id]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [program, "--data-dir", str(data), *args], capture_output=True, text=True, timeout=60
        )

    listed = run("sessions", "list")
    assert listed.returncode == 0, listed.stderr
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()[1:]) == sorted(ids)

    deleted = run("sessions", "delete", "--yes", ids[0])
    assert deleted.returncode == 0 and "Deleted for good" in deleted.stdout
    bad = run("purge", "--older-than", "soon")
    assert (bad.returncode, bad.stderr.count("\n")) == (1, 1)
    purged = run("purge", "--older-than", "30", "--yes")
    assert purged.returncode == 0 and "Deleted for good: 1 session." in purged.stdout
    assert store.list().sessions == []


def test_the_installed_command_answered_no_deletes_nothing_and_succeeds(tmp_path: Path) -> None:
    """A "no" at the prompt is the facilitator's choice: exit 0, said in words, files kept."""
    program = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")
    data = tmp_path / "elsewhere"
    store = SessionStore(data / "sessions")
    with store.create(datetime(2024, 1, 1, tzinfo=timezone.utc)) as handle:
        session_id = handle.id
    for args in (["sessions", "delete", session_id], ["purge", "--older-than", "30"]):
        result = subprocess.run(
            [program, "--data-dir", str(data), *args],
            input="n\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode, result.stderr) == (0, ""), args
        assert result.stdout.endswith("Nothing deleted.\n"), result.stdout
        assert store.path_of(session_id).exists()
