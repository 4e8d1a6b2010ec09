"""Rebalancing from the run screen, and the screen in other themes and without colour."""

from __future__ import annotations

import pytest
from driving import start
from screen_text import screen_text, settle

from circlekeeper.sessions.settings.config import Config
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.screens.run_session import RunScreen


async def test_rebalance_after_an_overrun_then_undo(build_app, clock):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert "on time" in screen_text(app)  # nothing to do yet

        await pilot.press("space")
        clock.advance(minutes=20)  # ten minutes over a ten-minute part
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "ends on time" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        status = app.screen.session.status()
        assert status.over_by == 0
        # The agenda shows the change; the fixed check-out keeps its ten minutes.
        text = screen_text(app)
        assert "20:00→" in text
        assert status.parts[-1].planned == 10 * 60

        await pilot.press("u")
        await settle(pilot)
        assert app.screen.session.status().over_by >= 9 * 60
        assert "20:00→" not in screen_text(app)


# Each theme once and NO_COLOR once: the contrast test draws every screen in every theme.
@pytest.mark.parametrize(
    ("theme", "no_color"),
    [("textual-light", False), ("textual-dark", True)],
    ids=["light-colour", "dark-NO_COLOR"],
)
async def test_the_run_screen_reads_in_each_theme(build_app, clock, theme, no_color, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(Config(theme=theme))
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        assert app.theme == theme
        await pilot.press("space")
        clock.advance(minutes=11)
        await settle(pilot)
        text = screen_text(app)
        # Colour is never the only signal: the state is in words.
        assert "OVER TIME by 1:00" in text
        await pilot.press("v")
        await pilot.pause()
        assert "PARTICIPANT VIEW" in screen_text(app)


async def test_choices_show_their_state_in_the_mark_not_only_in_colour(build_app, monkeypatch):
    from circlekeeper.tui.dialogs.note_editor import NoteEditor

    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)

        def marks() -> dict[str, str]:
            found = {}
            for line in screen_text(app).splitlines():
                for label in ("Theme", "Action", "Facilitator only"):
                    at = line.find(f"▌ {label}")
                    if at >= 2:
                        found[label] = line[at - 1]
            return found

        assert marks() == {"Theme": "●", "Action": " ", "Facilitator only": " "}
        await pilot.click("#note-private")
        await pilot.click(app.screen.query("RadioButton")[1])  # Action
        await pilot.pause()
        assert marks() == {"Theme": " ", "Action": "●", "Facilitator only": "X"}
