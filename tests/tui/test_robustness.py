"""Bad input and failing disks on screen: a clear message, never a crash or a leak."""

from __future__ import annotations

import errno

import pytest
from driving import start
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.storage import atomic as storage
from circlekeeper.tui.dialogs.note_editor import NoteEditor
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen

BRACKETED = """---
title: Check-in [optional] [/] circle
summary: A [b]bold[/b] claim
---

# Check-in [optional] [/] circle

## Welcome [/] agreements (10 min)

- Say one word [or pass].

> Facilitator: keep it [short].

## Round [pilot] (10 min, round 1 min)

- [@click=app.quit]Anything[/] on your mind?
"""


async def test_at_launch_collection_is_back_once_home_is_drawn_and_a_damaged_file_told_once(
    build_app, folders
):
    import gc

    folder = folders.sessions
    paths.ensure_private_dir(folder)
    (folder / "2026-01-01-abcd.json").write_text("{not json", encoding="utf-8")
    gc.disable()  # as the command line does before loading the app
    try:
        app = build_app()
        said: list[str] = []  # every notice, even one whose time on screen is over
        shown = app.notify

        def notify(message: str, **how) -> None:
            said.append(message)
            shown(message, **how)

        app.notify = notify  # type: ignore[method-assign]
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert gc.isenabled(), "garbage collection still held off on the home screen"
            # The session lists are read after the first frame; on a busy machine that may
            # take a while, so wait for the notice rather than a number of frames.
            for _ in range(400):
                await pilot.pause(0.05)
                if app._notifications:
                    break
            assert isinstance(app.screen, HomeScreen)
            messages = [n.message for n in app._notifications]
            assert len(messages) == 1
            assert "2026-01-01-abcd.json" in messages[0] and "set aside" in messages[0]
            await pilot.press("2", "3", "1")
            await pilot.pause()
            # Not said again, however long the machine took (a notice leaves after a while).
            assert said == messages, said
    finally:
        gc.enable()
    assert (folder / "2026-01-01-abcd.json.damaged").exists()


async def test_brackets_in_titles_and_text_are_shown_as_written(build_app, clock, folders):
    paths.ensure_private_dir(folders.templates)
    (folders.templates / "brackets.md").write_text(BRACKETED, encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        names = [entry.name for entry in app.screen.templates]
        app.screen.query_one("#template-list").highlighted = names.index("brackets")
        await pilot.pause()
        assert "Check-in [optional] [/] circle" in screen_text(app)
        await pilot.press("enter", "4", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        text = screen_text(app)
        assert "Welcome [/] agreements" in text
        assert "Say one word [or pass]." in text
        assert "keep it [short]" in text
        await pilot.press("right_square_bracket")
        await settle(pilot)
        text = screen_text(app)
        assert "Round [pilot]" in text
        assert "[@click=app.quit]Anything[/] on your mind?" in text
        # Brackets in a message are words, too.
        await pilot.press("r", "a", *"Staff line [/b] 24h", "enter", *"https://x.example", "enter")
        await pilot.pause()
        assert "Staff line [/b] 24h" in screen_text(app)
        assert app.is_running


async def test_a_failed_save_is_said_on_screen_and_the_session_goes_on(
    build_app, clock, monkeypatch: pytest.MonkeyPatch
):
    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start(pilot)
        real_write = storage.os.write

        def full(fd, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage.os, "write", full)
        await pilot.press("space")
        await settle(pilot)
        # The banner's own lines: read across the screen's rows, a message wrapped beside
        # the agenda would interleave with it wherever the file's path made it wrap.
        said = widget_words(app, "#signal")
        assert "Could not save to" in said and said.endswith("No space left on device")
        text = flat(screen_text(app))
        assert "Ready" in text  # nothing claims the timer started
        await pilot.press("n", *"Theme: workload", "enter")
        await pilot.pause()
        assert "No space left on device" in widget_words(app, "#signal")
        assert app.screen.session.notes() == []

        assert widget_words(app, "#signal").endswith("The note is put aside: n brings it back.")

        monkeypatch.setattr(storage.os, "write", real_write)
        await pilot.press("space")
        await settle(pilot)
        assert "left of 10:00" in screen_text(app)
        assert app.is_running
        # The words were not lost with the failed save: they come back and save now.
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#note-text").value == "Theme: workload"
        await pilot.press("enter")
        await pilot.pause()
        assert [n.text for n in app.screen.session.notes()] == ["Theme: workload"]


async def test_dialogs_and_the_debrief_stay_off_a_shared_screen_a_name_in_it_is_kept_by_choice(
    build_app, clock
):
    from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt

    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start(pilot)  # Maria is on the watch list
        # A dialog stays private when the view is switched from the palette.
        await pilot.press("n", *"half a thought")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.action_toggle_view()
        await pilot.pause()
        assert not app.participant_view, "the view switched under an open note editor"
        assert "half a thought" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"Participant / facilitator view")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.participant_view, "the palette did not switch the view"

        # The debrief never opens on a shared screen.
        await pilot.press("space", "e")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen), "ending opened a dialog on a shared screen"
        assert "PARTICIPANT VIEW" in screen_text(app)
        assert app.host.session.state.value == "running"

        # A name in the debrief is the facilitator's choice.
        await pilot.press("v")
        clock.advance(minutes=1)
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press(*"Fine", "enter", *"Check in with Maria", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        await pilot.press("e")  # edit: the debrief comes back as written
        await pilot.pause()
        assert app.screen.query_one("#follow-up").value == "Check in with Maria"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("k")  # keep: the facilitator's own reminder
        await pilot.pause()
        session = app.screen.session
        assert session.debrief().follow_up == "Check in with Maria"


async def test_a_broken_resources_file_is_said_at_launch_with_where(build_app, folders):
    paths.ensure_private_dir(folders.config)
    folders.resources_file.write_text(
        "# Our resources\n\n- [EAP](https://eap.example.org)\n- [Old](ftp://files.example.org)\n",
        encoding="utf-8",
    )
    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        found = [n for n in app._notifications if "resources file" in n.title]
        assert len(found) == 1
        assert f"{folders.resources_file}:4:" in found[0].message
        # The session goes on without them, and the problem is not said again.
        assert app.host.org_resources == ()
        assert len(app._notifications) == 1
