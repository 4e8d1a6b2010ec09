"""The command line in German and Spanish: help, headings and messages from each module.

Each test runs the real command (click's runner, as the other command-line tests do) on
files in a temporary folder, with the locale the way a facilitator's system would set it.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.host.opening import start_session
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.parse import load_template_file
from circlekeeper.tui.cli import cli

GERMAN = {"LANG": "de_DE.UTF-8"}
SPANISH = {"LANG": "es_ES.UTF-8"}


def _run(folder: Path, env: dict[str, str], *args: str) -> Result:
    options = ["--data-dir", str(folder / "data"), "--config-dir", str(folder / "config")]
    return CliRunner().invoke(cli, [*options, *args], env=env, prog_name="circlekeeper")


def test_settings_problems_are_told_in_german_and_spanish(tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text("bell = yes\nwarning_minutes = -5\n", encoding="utf-8")
    german = _run(tmp_path, GERMAN, "config", "check")
    assert german.exit_code == 1
    assert german.output.splitlines() == [
        f"{config}:1: bell = yes: nimm true oder false (klein geschrieben, ohne Anführungszeichen)",
        f"{config}:2: warning_minutes = -5 liegt außerhalb des Bereichs: nimm eine ganze Zahl "
        "Minuten von 0 bis 60",
        "2 Probleme; die App nimmt jeweils den Standardwert.",
    ]
    spanish = _run(tmp_path, SPANISH, "config", "check")
    assert f"{config}:1: bell = yes: usa true o false (en minúsculas, sin comillas)" in (
        spanish.output
    )
    assert spanish.output.endswith(
        "2 problemas; la app usa el valor predeterminado en cada caso.\n"
    )


def test_a_broken_template_is_explained_in_each_language(tmp_path: Path) -> None:
    template = tmp_path / "kaputt.md"
    template.write_text(
        "---\ntitle: Trauer: ein Kreis\n---\n# Trauer\n\n## Ankommen (10 min)\n", encoding="utf-8"
    )
    german = _run(tmp_path, GERMAN, "templates", "check", str(template))
    assert german.exit_code == 1
    assert (
        f"{template}:2: der Wert von 'title' enthält einen Doppelpunkt, den YAML als neuen "
        'Schlüssel liest; setz den Wert in Anführungszeichen: title: "Trauer: ein Kreis"'
    ) in german.output
    assert german.output.endswith(f"{template}: 1 Problem\n")
    template.write_text("# Duelo\n\n## Llegada (10 min)\n## Llegada (5 min)\n", encoding="utf-8")
    spanish = _run(tmp_path, SPANISH, "templates", "check", str(template))
    assert (
        f"{template}:4: el título de parte 'Llegada' se usa dos veces (la primera en la línea 3)"
    ) in spanish.output
    assert spanish.output.endswith(f"{template}: 1 problema\n")


def test_lists_and_their_headings_speak_the_locale(tmp_path: Path) -> None:
    groups = _run(tmp_path, SPANISH, "groups", "list")
    assert groups.exit_code == 0
    assert groups.output == "Aún no hay grupos: elige o crea uno cuando empieces una sesión.\n"
    unknown = _run(tmp_path, GERMAN, "groups", "show", "Dienstag")
    assert unknown.exit_code == 1
    assert "Es gibt keine Gruppe namens 'Dienstag'; Gruppen: noch keine." in unknown.output
    empty = _run(tmp_path, GERMAN, "sessions", "list")
    assert empty.output == f"Keine gespeicherten Treffen in {tmp_path / 'data' / 'sessions'}.\n"
    listed = _run(tmp_path, GERMAN, "templates", "list")
    heading = listed.output.splitlines()[0].split()
    assert heading == ["NAME", "TITEL", "DAUER", "TEILE", "HERKUNFT"]
    assert "mitgeliefert" in listed.output


def test_help_pages_are_translated_with_clicks_own_words(tmp_path: Path) -> None:
    root = _run(tmp_path, GERMAN, "--help")
    assert root.output.startswith("Aufruf: circlekeeper [OPTIONS] [COMMAND] [ARGS]...")
    assert "Befehle:" in root.output and "Optionen:" in root.output
    assert "Zeigt gespeicherte Treffen oder löscht eines endgültig." in root.output
    purge = _run(tmp_path, SPANISH, "purge", "--help")
    assert purge.output.startswith("Uso: circlekeeper purge [OPTIONS]")
    assert "Borra para siempre cada sesión que lleva más de DAYS días sin cambios." in (
        purge.output
    )
    assert "No preguntar antes de borrar." in purge.output
    assert "[obligatorio]" in purge.output and "Ejemplos:" in purge.output
    qr = _run(tmp_path, GERMAN, "qr", "--help")
    assert "[Standard: M]" in qr.output and "Fehlerkorrektur: L, M, Q oder H." in qr.output


def test_a_file_that_is_not_a_record_is_named_in_spanish(tmp_path: Path) -> None:
    notes = tmp_path / "notas.json"
    notes.write_text("[1, 2]", encoding="utf-8")
    result = _run(tmp_path, SPANISH, "report", str(notes))
    assert result.exit_code == 1
    assert f"{notes}: no es un registro de circlekeeper: no es un objeto JSON" in result.output
    assert "no se escribió ningún informe: ninguno de los archivos es un registro" in (
        result.output
    )


def test_the_sessions_table_heads_and_states_in_german(tmp_path: Path) -> None:
    template = tmp_path / "kreis.md"
    template.write_text("# Kreis\n\n## Ankommen (10 min)\n", encoding="utf-8")
    store = SessionStore.in_folders(Folders.under(tmp_path))
    opened = start_session(store, load_template_file(template), FakeClock(), attendance=5)
    opened.close()
    listed = _run(tmp_path, GERMAN, "sessions", "list")
    head, row = listed.output.splitlines()
    assert head.split()[:5] == ["ID", "DATUM", "ABLAUF", "PERSONEN", "GEPLANT"]
    assert "ZULETZT GEÄNDERT" in head and "Kreis" in row and "bereit" in row
