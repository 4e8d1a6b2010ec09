"""Languages through the command line: the agenda's language, the locale, the settings."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.host.opening import start_session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.parse import load_template_file
from circlekeeper.tui.cli import cli

AGENDAS = Path(__file__).parent / "fixtures" / "languages"


def _session(folders, template: str) -> str:
    agenda = load_template_file(AGENDAS / template)
    clock = FakeClock(datetime(2026, 3, 4, 18, 5, tzinfo=timezone.utc))
    opened = start_session(SessionStore.in_folders(folders), agenda, clock, attendance=6)
    try:
        opened.session.start()
        opened.session.add_note("Zeit für uns", kind="theme")
    finally:
        opened.close()
    return opened.handle.id


def _export(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_german_agenda_exports_in_german_whatever_the_locale(folders) -> None:
    session_id = _session(folders, "treffen.md")
    page = _export(session_id, "-a", "participants", "-f", "html", "-o", "-")
    assert '<html lang="de" dir="ltr">' in page
    assert "<h2>Ablauf</h2>" in page and "<h2>Themen</h2>" in page
    assert "Mittwoch, 4. März 2026" in page
    record = _export(session_id, "-a", "facilitator")
    assert "# Protokoll für die Moderation: Unterstützung im Job" in record
    assert "## Zeit pro Teil" in record and "| Teil | Geplant |" in record
    assert "Begonnen 18:05" in record


def test_an_arabic_agenda_is_written_right_to_left(folders) -> None:
    page = _export(_session(folders, "halaqa.md"), "-a", "participants", "-f", "html", "-o", "-")
    assert '<html lang="ar" dir="rtl">' in page


def test_the_locale_chooses_the_messages_and_a_twelve_hour_clock(
    folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = _session(folders, "check-in.md")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    result = CliRunner().invoke(cli, ["export", session_id, "-a", "participants", "-f", "pdf"])
    assert result.exit_code != 0
    assert "'pdf' kennen wir nicht; nimm md, html, json oder csv" in result.output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert re.search(r"Started 6:05\s?PM", _export(session_id, "-a", "facilitator"))
    (folders.config / "config.toml").parent.mkdir(parents=True, exist_ok=True)
    (folders.config / "config.toml").write_text('clock = "24h"\n', encoding="utf-8")
    assert "Started 18:05" in _export(session_id, "-a", "facilitator")


def test_the_language_setting_wins_over_the_locale(folders) -> None:
    session_id = _session(folders, "check-in.md")
    folders.config.mkdir(parents=True, exist_ok=True)
    (folders.config / "config.toml").write_text('language = "es"\n', encoding="utf-8")
    out = folders.data / "handout.md"
    result = CliRunner().invoke(cli, ["export", session_id, "-a", "participants", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Resumen para el grupo (Markdown) guardado en {out}\n"


def test_keywords_in_another_language_get_a_hint_naming_the_english(tmp_path: Path) -> None:
    template = tmp_path / "treffen.md"
    template.write_text(
        "# Treffen\n\n## Ankommen (10 Min, Runde 2 Min)\n\n## Cierre (10 minutos)\n\n"
        "## Ressourcen\n- [Hilfe](https://example.org)\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["templates", "check", str(template)])
    assert result.exit_code != 0
    assert (
        f"{template}:3: 'Runde 2 Min' is not a timing mark; "
        "timing marks stay English: write 'round 2 min'" in result.output
    )
    assert (
        f"{template}:5: a part needs its length, e.g. (10 min); "
        "timing marks stay English: write '10 min'" in result.output
    )
    assert (
        f"{template}:7: 'Ressourcen' looks like the Resources section; "
        "template keywords stay English: write ## Resources" in result.output
    )
