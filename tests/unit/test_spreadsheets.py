"""Sessions and notes for a spreadsheet, and a handout that reads as plain text, by the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner
from engine_support import agenda
from markdown_it import MarkdownIt
from store_support import run_cli

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.host.opening import start_session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.cli import cli

LONG_TITLE = "Returning to work after a long absence: finding your feet again, together"


def a_session(data: Path) -> str:
    """A session with a long title, a hostile note, a private note and one for the handout."""
    clock = FakeClock(datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc))
    long_agenda = agenda()._replace(title=LONG_TITLE)
    opened = start_session(SessionStore(data / "sessions"), long_agenda, clock, attendance=7)
    try:
        session = opened.session
        session.start()
        clock.advance(125)
        session.add_note("[name removed] found the walk helped", kind="theme")
        session.add_note('=HYPERLINK("http://evil.example","click")', kind="action")
        session.add_note("Check in with the quiet one", kind="theme", facilitator_only=True)
        session.add_note("see [this](http://evil.example) and *that*", kind="theme")
        session.pause()
    finally:
        opened.close()
    return opened.handle.id


def test_sessions_list_as_csv_json_and_a_table_with_whole_titles(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = a_session(data)
    listed = run_cli(data, "sessions", "list", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    (row,) = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert row == {
        "id": session_id, "date": "2026-03-04", "agenda": LONG_TITLE, "group": "",
        "attendance": "7", "planned_minutes": "60", "actual_minutes": "2.1", "state": "paused",
    }  # fmt: skip
    runner = CliRunner()
    as_json = runner.invoke(cli, ["--data-dir", str(data), "sessions", "list", "-f", "json"])
    assert json.loads(as_json.output)[0]["attendance"] == 7
    table = runner.invoke(cli, ["--data-dir", str(data), "sessions", "list"]).output.splitlines()
    assert table[0].split()[:5] == ["ID", "DATE", "AGENDA", "PEOPLE", "PLANNED"]
    assert LONG_TITLE in table[1] and "2.1" in table[1].split()


def test_notes_as_csv_for_the_record_and_the_handout(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = a_session(data)
    record = run_cli(data, "export", session_id, "-a", "facilitator", "-f", "csv")
    assert record.returncode == 0, record.stderr
    rows = list(csv.DictReader(io.StringIO(record.stdout)))
    assert [r["note"] for r in rows] == [
        "[name removed] found the walk helped",
        '\'=HYPERLINK("http://evil.example","click")',  # text, never a formula
        "Check in with the quiet one",
        "see [this](http://evil.example) and *that*",
    ]
    assert [r["facilitator_only"] for r in rows] == ["no", "no", "yes", "no"]
    assert rows[0]["minutes_in"] == "2.1" and rows[0]["part_title"] == "Welcome"
    handout = run_cli(data, "export", session_id, "-a", "participants", "-f", "csv")
    notes = [r["note"] for r in csv.DictReader(io.StringIO(handout.stdout))]
    assert "Check in with the quiet one" not in notes and len(notes) == 3
    assert "facilitator_only" not in handout.stdout.splitlines()[0]


def test_the_markdown_handout_reads_as_plain_text_and_keeps_markup_inert(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = a_session(data)
    handout = run_cli(data, "export", session_id, "-a", "participants", "-f", "md").stdout
    assert "- [name removed] found the walk helped" in handout.splitlines()
    assert "\\[" not in handout
    tokens = MarkdownIt("commonmark").parse(handout)
    inline = [child for t in tokens for child in (t.children or [])]
    assert not [t for t in inline if t.type in ("link_open", "em_open", "image")]
    words = "".join(t.content for t in inline if t.type == "text")
    assert "see [this](http://evil.example) and *that*" in words
