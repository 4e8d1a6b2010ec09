"""The settings file seen from the app: its slips told once, F1 for help, a theme kept."""

from __future__ import annotations

from textual.widgets import Markdown

from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.settings.folders import ensure_private_dir
from circlekeeper.tui.app import make_app
from circlekeeper.tui.screens.help import HelpScreen
from circlekeeper.tui.settings_choices import settings_choices

SLIPS = """\
# Our room has a projector.
bell = yes
warning_minutes = -5   # no warning
keymap = { "run.new-note" = "m" }

[unrelated]
"""


async def test_slips_are_told_once_f1_opens_help_and_a_chosen_theme_is_kept(
    settings: Settings, store, clock
) -> None:
    ensure_private_dir(settings.folders.config)
    path = settings.folders.config_file
    path.write_text(SLIPS.replace("[unrelated]\n", ""), encoding="utf-8")
    read = Settings.in_folders(settings.folders, {}, settings_choices())
    app = make_app(read._replace(region_hints=settings.region_hints), store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = [n for n in app._notifications if "settings file" in n.title]
        assert len(notices) == 1
        words = notices[0].message
        assert "config.toml:2: bell = yes: use true or false" in words
        assert "config.toml:3: warning_minutes = -5 is out of range" in words
        assert app.config.bell is False and app.config.warning_minutes == 2
        assert app.config.keymap == {"run.new-note": "m"}  # the good value still counts

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one(Markdown).source
        assert "## Your keys" in shown and "| `m` | `run.new-note` |" in shown
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)

        app.theme = "nord"
        await pilot.pause()
        await app.workers.wait_for_complete()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Our room has a projector.\nbell = yes\n")  # comments kept
    assert 'theme = "nord"' in text.splitlines()
    again = Settings.in_folders(settings.folders, {}, settings_choices())
    assert again.config.theme == "nord"
