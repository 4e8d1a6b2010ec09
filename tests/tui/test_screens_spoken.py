"""The app's own words on its screens in the language the settings choose, German here.

One app run, launched as the entry point launches it (the ``language`` setting read into
the settings, then spoken from there): the home screen, the run screen's timer, panels
and footer, and the help page read in German, while the agenda's own words stay as
written. The English words are what every other test reads.
"""

from __future__ import annotations

from driving import start
from screen_text import screen_text

from circlekeeper.sessions.languages.speaking import use_language
from circlekeeper.sessions.settings.config import Config, language_of
from circlekeeper.tui.app import make_app
from circlekeeper.tui.screens.help import HelpScreen
from circlekeeper.tui.screens.run_session import RunScreen


async def test_the_screens_speak_german_when_the_settings_say_so(settings, store, clock):
    config = Config(language="de")
    chosen = settings._replace(config=config, language=language_of(config, {}))
    use_language(chosen.language)  # as the entry point does, before the app is made
    app = make_app(chosen, store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "Abläufe" in home and "Weitermachen (0)" in home
        assert "Neu laden" in home  # a binding's description, in the keys footer
        await start(pilot)
        assert isinstance(app.screen, RunScreen)
        run = screen_text(app)
        assert "Teil 1 von" in run and "Bereit ·" in run and "Leertaste startet" in run
        assert "Nächster Teil" in run and "Notiz" in run and "Ansicht" in run
        assert "Notizen in diesem Teil" in run and "Next part" not in run
        await pilot.press("space", "n", *"Theme: being new is lonely", "enter")
        await pilot.pause()
        run = screen_text(app)
        assert "noch " in run and "being new is lonely" in run  # the note is kept as typed
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_page = screen_text(app)
        assert "Während eines Treffens" in help_page and "Hilfe zu" in help_page
