"""The reports and click's own errors in the language chosen, through the real command line.

The HTML page is read by people and speaks their language; the CSV is data and keeps its
English header and words, so a spreadsheet or a script reads it the same everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

from click.testing import CliRunner

from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.tui.cli import cli


def _speak(folders: Folders, language: str) -> None:
    folders.config.mkdir(parents=True, exist_ok=True)
    (folders.config / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")


def _figures(day: str, attendance: int) -> dict[str, object]:
    return {
        "date": day, "attendance": attendance, "newcomers": None, "minutes_planned": 60,
        "minutes_run": 62, "parts_overran": 1, "crisis_uses": 1,
        "notes": {"theme": 4, "action": 2, "question": 0, "support_need": 0},
        "mood": {"1": 0, "2": 0, "3": 1, "4": 3, "5": 2},
    }  # fmt: skip


def _record(day: str, attendance: int) -> dict[str, object]:
    """A facilitator record as the JSON export writes it, cut to what a report reads."""
    return {
        "format": "circlekeeper-summary", "version": 1, "audience": "facilitator", "date": day,
        "session": {"attendance": attendance, "newcomers": 2, "planned_seconds": 3600,
                    "running_seconds": 3720},
        "notes": [], "agenda": [], "resources_shown": [],
    }  # fmt: skip


def test_group_and_coordinator_reports_speak_german_but_their_csv_stays_data(
    folders: Folders, tmp_path
) -> None:
    _speak(folders, "de")
    runner = CliRunner()
    store = GroupStore(folders.groups)
    now = datetime.now(timezone.utc)
    group = store.create("Hafenrunde", now)
    history = (_figures("2026-03-03", 6), _figures("2026-03-10", 7))
    store.update(group.id, lambda g: g.with_changes(history=history), now)
    records = []
    for day, people in (("2026-03-04", 7), ("2026-03-11", 8)):
        records.append(tmp_path / f"{day}.json")
        records[-1].write_text(json.dumps(_record(day, people)), encoding="utf-8")

    page = runner.invoke(cli, ["groups", "report", "Hafenrunde"])
    coordinator = runner.invoke(cli, ["report", *map(str, records)])
    assert page.exit_code == coordinator.exit_code == 0, page.output + coordinator.output
    assert '<html lang="de" dir="ltr">' in page.stdout
    assert "<h1>Gruppenbericht</h1>" in page.stdout
    assert "<h2>Krisentaste</h2>" in page.stdout and "<h2>Notizen nach Art</h2>" in page.stdout
    assert "Alle Treffen (n = 2)" in page.stdout and "Wie es mir geht (1)" not in page.stdout
    assert "Gut (4)" in page.stdout and "2 Treffen. Nur Zahlen" in page.stdout
    assert "Krisentaste (n = 2 Treffen)" in page.stdout  # the chart's title
    assert '<html lang="de" dir="ltr">' in coordinator.stdout
    assert "<h1>Bericht für die Koordination</h1>" in coordinator.stdout
    assert "<h2>Neu dabei</h2>" in coordinator.stdout
    for html in (page.stdout, coordinator.stdout):
        for english in ("Attendance", "All sessions", "Counts only", "sessions)"):
            assert english not in html

    for args in (["groups", "report", "Hafenrunde"], ["report", *map(str, records)]):
        spreadsheet = runner.invoke(cli, [*args, "--format", "csv"])
        rows = list(csv.reader(io.StringIO(spreadsheet.stdout)))
        assert rows[0] == ["table", "session", "figure", "value", "sessions"]
        assert rows[3][:3] == ["Attendance", "All sessions", "People"]
        assert "Crisis key" in {row[0] for row in rows}


def test_clicks_own_errors_speak_spanish_and_stay_english_by_default(folders: Folders) -> None:
    runner = CliRunner()
    english = runner.invoke(cli, ["report", "--bogus"])
    assert english.exit_code == 2
    assert english.stderr.endswith(
        "Try 'cli report --help' for help.\n\nError: No such option '--bogus'.\n"
    )
    _speak(folders, "es")
    unknown = runner.invoke(cli, ["report", "--bogus"])
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "Uso: cli report [OPTIONS] RECORDS...\n"
        "Para ver la ayuda, usa 'cli report --help'.\n\n"
        "Error: No existe la opción '--bogus'.\n"
    )
    missing = runner.invoke(cli, ["report"])
    assert missing.exit_code == 2 and "Error: Falta el dato 'RECORDS...'." in missing.stderr
    bad = runner.invoke(cli, ["report", "-k", "tres", "a.json"])
    assert bad.stderr.endswith(
        "Error: Valor no válido para '--min-count' / '-k': 'tres' no es un número entero.\n"
    )
    refused = runner.invoke(cli, ["report", "-k", "2", "a.json"])
    assert refused.exit_code == 1 and refused.stderr.startswith("Error: --min-count: ")
