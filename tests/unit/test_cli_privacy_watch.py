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


def test_a_region_from_the_settings_file_reaches_the_app_guard(monkeypatch, folders) -> None:
    import os

    from circlekeeper.sessions.privacy.guard import find_personal_data
    from circlekeeper.sessions.settings import folders as paths
    from circlekeeper.sessions.settings.config import PHONE_REGION_ENV
    from circlekeeper.tui import launch

    paths.ensure_private_dir(folders.config)
    folders.config_file.write_text('phone_region = "GB"\n', encoding="utf-8")
    ran = []
    monkeypatch.setattr("circlekeeper.tui.app.CircleKeeperApp.run", lambda self: ran.append(self))
    before = dict(os.environ)
    environ = {k: v for k, v in before.items() if k != PHONE_REGION_ENV}
    assert launch.launch(environ) == 0
    assert dict(os.environ) == before  # the region is handed down, not set in the environment
    (app,) = ran
    assert app.settings.phone_region == "GB"
    watch_list = app.flows.session.watch_list(("Maria",))
    assert watch_list.region == "GB"
    found = find_personal_data("ring me on 07700 900123", watch_list)
    assert [f.kind for f in found] == ["phone"]
