"""`circlekeeper groups ...` and the groups part of `purge`, on real files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli import cli


def test_list_show_rename_agreements_and_a_damaged_file(folders: Folders) -> None:
    runner = CliRunner()
    store = GroupStore(folders.groups)
    store.create("Tuesday circle", datetime.now(timezone.utc), template="first-meeting")
    (folders.groups / "zzzz.json").write_text("[1, 2", encoding="utf-8")

    listed = runner.invoke(cli, ["groups", "list"])
    assert listed.exit_code == 1  # the damaged file is reported, the rest still listed
    assert "Tuesday circle" in listed.stdout and "first-meeting" in listed.stdout
    assert "zzzz.json" in listed.stderr and "Traceback" not in listed.output

    added = runner.invoke(
        cli, ["groups", "agreements", "tuesday circle", "--add", "Phones away", "--add", "Pass"]
    )
    assert added.exit_code == 0, added.output
    assert added.stdout.splitlines() == ["1. Phones away", "2. Pass"]
    removed = runner.invoke(cli, ["groups", "agreements", "Tuesday circle", "--remove", "1"])
    assert removed.stdout.splitlines() == ["1. Pass"]
    refused = runner.invoke(cli, ["groups", "agreements", "Tuesday circle", "--add", "sam@x.org"])
    assert refused.exit_code == 1 and "personal data" in refused.stderr

    bad_name = runner.invoke(cli, ["groups", "rename", "Tuesday circle", "ring 07700 900123"])
    assert bad_name.exit_code == 1 and "personal data" in bad_name.stderr
    renamed = runner.invoke(cli, ["groups", "rename", "Tuesday circle", "Thursday circle"])
    assert renamed.exit_code == 0, renamed.output
    shown = runner.invoke(cli, ["groups", "show", "Thursday circle"])
    assert shown.exit_code == 0 and "Agreements (1):" in shown.stdout and "Pass" in shown.stdout
    unknown = runner.invoke(cli, ["groups", "show", "Tuesday circle"])
    assert unknown.exit_code == 1 and "no group called" in unknown.stderr


def test_delete_asks_first_and_leaves_or_takes_the_sessions(folders: Folders) -> None:
    runner = CliRunner()
    store, sessions = GroupStore(folders.groups), SessionStore.in_folders(folders)
    now = datetime.now(timezone.utc)
    ids = []
    for name in ("Keep", "Take"):
        with sessions.create(now) as handle:
            handle.record.write_meta(title=name, state="ended", updated=now.isoformat())
            sessions.update_index(handle.record.read_meta())
            ids.append(handle.id)
        group = store.create(name, now)
        store.update(group.id, lambda g, i=ids[-1]: g.with_changes(sessions=(i,)), now)

    said_no = runner.invoke(cli, ["groups", "delete", "Keep"], input="n\n")
    assert "Nothing deleted." in said_no.stdout and store.find("Keep")
    kept = runner.invoke(cli, ["groups", "delete", "Keep"], input="y\n")
    assert kept.exit_code == 0, kept.output
    assert sessions.path_of(ids[0]).exists()
    taken = runner.invoke(cli, ["groups", "delete", "Take", "--with-sessions", "--yes"])
    assert taken.exit_code == 0, taken.output
    assert not sessions.path_of(ids[1]).exists()
    assert [g.name for g in store.list().groups] == []


def test_purge_covers_groups_not_changed_for_days(folders: Folders) -> None:
    store = GroupStore(folders.groups)
    now = datetime.now(timezone.utc)
    store.create("Old group", now - timedelta(days=100))
    store.create("New group", now)
    result = CliRunner().invoke(cli, ["purge", "--older-than", "90", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Old group" in result.stdout
    assert [g.name for g in store.list().groups] == ["New group"]


def _meeting(day: str, attendance: int, crisis: int) -> dict:
    return {
        "session": f"{day}-x", "date": day, "attendance": attendance, "newcomers": 1,
        "minutes_planned": 60, "minutes_run": 62, "parts_overran": 1, "crisis_uses": crisis,
        "notes": {"theme": 4, "action": 2, "question": 0, "support_need": 0},
        "mood": {"1": 0, "2": 0, "3": 1, "4": 3, "5": 2},
    }  # fmt: skip


def test_report_of_a_group_with_its_own_k_in_every_format(folders: Folders, tmp_path) -> None:
    runner = CliRunner()
    store = GroupStore(folders.groups)
    now = datetime.now(timezone.utc)
    group = store.create("Harbour set", now)
    history = (_meeting("2026-03-03", 6, 1), _meeting("2026-03-10", 4, 0), {"attendance": "x"})
    store.update(group.id, lambda g: g.with_changes(history=history, min_count=4), now)

    made = runner.invoke(cli, ["groups", "report", "harbour set", "--format", "csv"])
    assert made.exit_code == 0, made.output
    assert "1 meeting left out: counts unavailable" in made.stderr
    rows = list(csv.DictReader(io.StringIO(made.stdout)))
    people = {(r["session"], r["value"]) for r in rows if r["table"] == "Attendance"}
    # The group's k is 4: the meeting of 4 shows, and no total gives a count below it away.
    assert people == {("2026-03-03", "6"), ("2026-03-10", "4"), ("All sessions", "10")}
    assert {r["value"] for r in rows if r["table"] == "Crisis key"} == {"<4"}
    stricter = runner.invoke(cli, ["groups", "report", "Harbour set", "-f", "csv", "-k", "5"])
    assert ("2026-03-10", "<5") in {
        (r["session"], r["value"]) for r in csv.DictReader(io.StringIO(stricter.stdout))
        if r["table"] == "Attendance"
    }  # fmt: skip

    as_json = runner.invoke(cli, ["groups", "report", "Harbour set", "--format", "json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)
    page = tmp_path / "harbour.html"
    saved = runner.invoke(cli, ["groups", "report", "Harbour set", "-o", str(page)])
    assert saved.exit_code == 0 and "Saved the report of 2 meetings (html)" in saved.stdout
    again = runner.invoke(cli, ["groups", "report", "Harbour set", "-o", str(page)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    for text in (made.stdout, as_json.stdout, page.read_text(encoding="utf-8")):
        assert "harbour" not in text.casefold()

    refused = runner.invoke(cli, ["groups", "report", "Harbour set", "--min-count", "2"])
    assert refused.exit_code == 1 and "--min-count" in refused.stderr
    assert "Traceback" not in refused.output and refused.stdout == ""
    empty = store.create("Wednesday set", now)
    none_yet = runner.invoke(cli, ["groups", "report", empty.name])
    assert none_yet.exit_code == 1 and "no meetings' counts yet" in none_yet.stderr


def test_set_changes_k_and_the_last_time_minutes_within_bounds(folders: Folders) -> None:
    runner = CliRunner()
    GroupStore(folders.groups).create("Harbour set", datetime.now(timezone.utc))
    changed = runner.invoke(
        cli, ["groups", "set", "harbour set", "--min-count", "7", "--last-time-minutes", "12"]
    )
    assert changed.exit_code == 0, changed.output
    shown = runner.invoke(cli, ["groups", "show", "Harbour set"]).stdout
    assert "'From last time' part: 12 min" in shown and "reports (k): 7" in shown
    for option, value, said in [
        ("--min-count", "2", "at least 3"),
        ("--last-time-minutes", "0", "1 to 30"),
        ("--last-time-minutes", "31", "1 to 30"),
    ]:
        refused = runner.invoke(cli, ["groups", "set", "Harbour set", option, value])
        assert refused.exit_code == 1 and said in refused.stderr, refused.output
    group = GroupStore(folders.groups).find("Harbour set")
    assert (group.min_count, group.from_last_time_minutes) == (7, 12)
