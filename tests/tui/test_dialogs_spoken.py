"""The app's dialogs and notices speak the language the settings choose.

One app run in German, its language chosen as the entry point chooses it: the start
dialog's words and buttons, the title bar, the privacy prompt with its finding and a
notification are German, while the agenda's own words and a note's text stay as written.
"""

from __future__ import annotations

from driving import TEMPLATE, told
from screen_text import flat, screen_text
from textual.widgets import Button, Static

from circlekeeper.sessions.languages.speaking import use_language
from circlekeeper.sessions.privacy.guard import Finding
from circlekeeper.sessions.settings.config import Config, Settings, language_of
from circlekeeper.tui.app import make_app
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.dialogs.start_session import StartSessionDialog


async def test_dialogs_and_notices_speak_the_language_chosen(
    settings: Settings, store, clock
) -> None:
    config = Config(language="de")
    chosen = settings._replace(config=config, language=language_of(config, {}))
    use_language(chosen.language)  # as the entry point does, before the app is made
    app = make_app(chosen, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.sub_title == "ANSICHT MODERATION · nicht zum Teilen · v wechselt"

        home = app.screen
        names = [entry.name for entry in home.templates]
        home.query_one("#template-list").highlighted = names.index(TEMPLATE)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog)
        shown = flat(screen_text(app))
        assert "Starten: A test circle" in shown  # the agenda's title as written
        assert "Wie viele sind in der Gruppe?" in shown
        assert "How many" not in shown
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Abbrechen", "Starten"]
        await pilot.press("enter")  # no attendance typed
        await pilot.pause()
        error = str(app.screen.query_one(".form-error", Static).render())
        assert error.startswith("Gib an, wie viele da sind: eine Zahl von 1 bis")
        await pilot.press("escape")
        await pilot.pause()

        note = "Call [b]Sam[/b] at 0151 2345678"
        start = note.index("0151")
        found = Finding("phone", start, len(note), note[start:])
        app.push_screen(PrivacyPrompt(note, [found]))
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "Diese Notiz könnte jemanden erkennbar machen" in shown
        assert "Telefonnummer: “0151 2345678”" in shown
        assert "Geschwärzt stünde da:" in shown and "Call [b]Sam[/b]" in shown  # no markup
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Bearbeiten (e)", "Schwärzen (r)", "So lassen (k)"]
        app.action_toggle_view()  # a dialog stays with the facilitator: it says so
        await pilot.pause()
        assert "Schließ zuerst dieses Fenster (Escape)" in told(app)
