"""`circlekeeper groups ...` and the groups part of `purge`, on real files."""

from __future__ import annotations

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
