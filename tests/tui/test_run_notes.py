"""Notes on the run screen: one closed by mistake is put aside, a saved one edited or deleted.

Each is driven from the keyboard, as a facilitator would, and checked both on screen and
in the session itself.
"""

from __future__ import annotations

from driving import start
from screen_text import footer_text, screen_text

from circlekeeper.tui.screens.run_session import RunScreen


async def test_a_note_closed_by_mistake_comes_back_and_a_saved_one_is_edited_or_deleted(
    build_app,
):
    from circlekeeper.tui.dialogs.confirm import ConfirmDialog
    from circlekeeper.tui.dialogs.note_editor import NoteEditor
    from circlekeeper.tui.widgets.notes_list import NotesList

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("n", *"Night shift feels cut off", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "put aside, not saved" in screen_text(app)
        assert run.session.notes() == []
        assert "Night shift" not in screen_text(app)

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "the one you put aside" in screen_text(app)
        assert app.screen.query_one("#note-text").value == "Night shift feels cut off"
        # Typing adds to the words brought back; nothing is selected to be typed over.
        await pilot.press(*" at times", "enter")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == ["Night shift feels cut off at times"]
        assert "put aside, not saved" not in screen_text(app)  # it is saved now

        # Once saved it is gone from the editor; an empty editor closed keeps nothing.
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#note-text").value == ""
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.screen.query_one("#note-text").value == ""
        assert "the one you put aside" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        # A saved note can be edited or deleted from the list.
        await pilot.press("n", *"Team lunch helps", "enter")
        await pilot.press("n", *"A slip that should go", "enter")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == [
            "Night shift feels cut off at times",
            "Team lunch helps",
            "A slip that should go",
        ]

        for _ in range(8):  # tab along to the notes, as a facilitator would
            if isinstance(app.focused, NotesList):
                break
            await pilot.press("tab")
        assert isinstance(app.focused, NotesList)
        assert "⏎ Edit note" in footer_text(app) and "del Delete note" in footer_text(app)

        # The newest is highlighted: delete asks first, then it is gone for good.
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "A slip that should go" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == [
            "Night shift feels cut off at times",
            "Team lunch helps",
        ]
        assert "A slip that should go" not in screen_text(app)
        assert "Note deleted" in screen_text(app)

        # Enter edits: the words come back to be added to, and the change is saved.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*" a lot", "enter")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == [
            "Night shift feels cut off at times",
            "Team lunch helps a lot",
        ]
        assert "Team lunch helps a lot" in screen_text(app)
