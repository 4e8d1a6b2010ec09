"""What tripped a first-time facilitator, each tried the way they tried it.

Each test drives the app from the keyboard and checks what is on screen and what was
saved in the session.
"""

from __future__ import annotations

from driving import start
from screen_text import screen_text

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.tui.screens.run_session import RunScreen


async def test_enter_on_the_kind_buttons_saves_the_note_and_the_editor_says_ctrl_s_does_too(
    build_app,
):
    from circlekeeper.tui.dialogs.note_editor import NoteEditor

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("n", *"Rotas wear people down")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "ctrl+s saves" in screen_text(app)
        # Tab to the kind buttons, choose the next kind with the arrow, then enter.
        await pilot.press("tab", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        [note] = run.session.notes()
        assert note.text == "Rotas wear people down"
        assert note.kind is list(NoteKind)[1]

        # From the facilitator-only box, enter saves too; space is what ticks it.
        await pilot.press("n", *"Ask about the rota", "tab", "tab", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert [(n.text, n.facilitator_only) for n in run.session.notes()][1] == (
            "Ask about the rota",
            True,
        )
