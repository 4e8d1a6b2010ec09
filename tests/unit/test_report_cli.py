"""`circlekeeper report` on real records exported from two facilitators' data folders."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_example import saved_session
from store_support import PROGRAM

from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.tui.cli import cli


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[Path]:
    """The facilitator record of one real session in each of two data folders."""
    root = tmp_path_factory.mktemp("facilitators")
    runner = CliRunner()
    paths = []
    for name in ("anna", "ben"):
        folders = Folders.under(root / name)
        session_id = saved_session(folders)
        path = root / f"{name}.json"
        result = runner.invoke(
            cli,
            ["--data-dir", str(folders.data), "export", session_id]
            + ["-a", "facilitator", "-f", "json", "-o", str(path)],
        )
        assert result.exit_code == 0, result.output
        paths.append(path)
    return paths


def report(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PROGRAM, "report", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_csv_reads_back_one_row_per_session_per_figure(records) -> None:
    result = report(*map(str, records), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["table", "session", "figure", "value", "sessions"]
    people = {(r["session"], r["value"], r["sessions"]) for r in rows if r["table"] == "Attendance"}
    assert people == {
        ("2026-03-04", "7", "1"),
        ("2026-03-04 #2", "7", "1"),
        ("All sessions", "14", "2"),
    }
    crisis = [r["value"] for r in rows if r["table"] == "Crisis key"]
    assert crisis == ["<5", "<5", "<5"]  # one use each, and two in all: all below k
    time = {(r["session"], r["figure"]): r["value"] for r in rows if r["table"] == "Time"}
    assert time["All sessions", "Minutes run"] == "78"
    # No words of any session: not a note, not the title, not the debrief.
    data = json.loads(records[0].read_text(encoding="utf-8"))
    for text in [n["text"] for n in data["notes"]] + [data["title"]]:
        assert text not in result.stdout


def test_min_count_below_three_is_refused_in_one_line(records) -> None:
    result = CliRunner().invoke(cli, ["report", str(records[0]), "--min-count", "2"])
    assert result.exit_code != 0
    assert result.stderr.strip() == (
        "Error: --min-count: the minimum count must be at least 3 (got 2): "
        "a smaller count could point at one person"
    )


def test_a_file_that_is_not_a_record_is_one_line_and_the_rest_still_report(
    records, tmp_path
) -> None:
    handout = tmp_path / "handout.json"
    data = json.loads(records[0].read_text(encoding="utf-8"))
    handout.write_text(json.dumps(dict(data, audience="participants")), encoding="utf-8")
    broken = tmp_path / "notes.txt"
    broken.write_text("not json {", encoding="utf-8")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(dict(data, version=9)), encoding="utf-8")
    out = tmp_path / "r.json"
    args = [str(records[0]), str(handout), str(broken), str(newer), str(tmp_path / "gone.json")]
    result = CliRunner().invoke(cli, ["report", *args, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines == [
        f"{handout}: not a circlekeeper record: a handout holds no counts; "
        "export the facilitator record",
        f"{broken}: not a circlekeeper record: it is not JSON (line 1)",
        f"{newer}: not a circlekeeper record: version 9 is newer than this circlekeeper "
        "reads (up to 1); update it",
        f"{tmp_path / 'gone.json'}: not a circlekeeper record: No such file or directory",
    ]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["n"] == 1 and written["min_count"] == 5
    again = CliRunner().invoke(cli, ["report", str(records[0]), "-f", "json", "-o", str(out)])
    assert again.exit_code != 0 and "use --force" in again.stderr
    none = CliRunner().invoke(cli, ["report", str(broken)])
    assert none.exit_code != 0 and "none of the files is a record" in none.stderr


def test_the_html_is_one_page_with_inline_charts_and_no_request(records, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", *map(str, records), "-o", str(out), "-k", "7"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") >= 6 and "<script" not in page
    assert "default-src 'none'" in page and "@media print" in page
    assert "://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "&lt;7" in page  # the crisis uses, under the coordinator's own k
