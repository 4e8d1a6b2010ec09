"""Watch-list names given the way the app asks for them: separated by commas."""

from __future__ import annotations

from click.testing import CliRunner

from circlekeeper.tui.cli import cli


def test_names_separated_by_commas_are_each_watched() -> None:
    done = CliRunner().invoke(
        cli,
        ["privacy", "check", "--watch", "Maria, Sam", "-"],
        input="Maria said the night shift is hard; sam agreed\n",
    )
    assert done.exit_code == 1
    assert "1:1: name: Maria" in done.output
    assert "name: sam" in done.output


def test_a_region_from_the_settings_file_reaches_the_app_guard(monkeypatch) -> None:
    from circlekeeper.sessions import paths
    from circlekeeper.sessions.privacy.guard import find_personal_data
    from circlekeeper.sessions.privacy.phones import REGION_ENV
    from circlekeeper.tui import launch

    monkeypatch.delenv(REGION_ENV, raising=False)
    paths.ensure_private_dir(paths.config_dir())
    paths.config_file().write_text('phone_region = "GB"\n', encoding="utf-8")
    monkeypatch.setattr("circlekeeper.tui.app.CircleKeeperApp.run", lambda self: 0)
    assert launch.launch() == 0
    found = find_personal_data("ring me on 07700 900123")
    assert [f.kind for f in found] == ["phone"]
