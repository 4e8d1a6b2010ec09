"""A whole session driven from the keyboard, as a facilitator would run it."""

from __future__ import annotations

from driving import PARTS, TEMPLATE, posted, start
from screen_text import flat, screen_text, settle, widget_lines

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.host import read_session
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.dialogs.debrief import DebriefDialog
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.screens.summary import SummaryScreen


async def test_a_whole_session_from_start_to_summary(
    build_app, clock, store: SessionStore, library
):
    agenda = library.find(TEMPLATE)
    app = build_app()
    seen: list = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await start(pilot)
        run = app.screen
        path = app.host.opened.handle.path
        assert f"Part 1 of {PARTS}" in screen_text(app)
        assert "Ready" in screen_text(app)

        await pilot.press("space")
        clock.advance(minutes=4)
        await settle(pilot)
        assert "6:00 left of 10:00" in screen_text(app)

        # A note that names someone on the watch list is stopped before it is saved.
        await pilot.press("n")
        await pilot.press(*"maria's team feels cut off", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        assert "maria" in screen_text(app)
        assert run.session.notes() == []
        await pilot.press("r")
        await pilot.pause()
        notes = run.session.notes()
        assert [n.text for n in notes] == ["[name removed]'s team feels cut off"]
        assert "[name removed]'s team feels cut off" in screen_text(app)
        # On disk by the time it is on screen: another reader of the file sees it.
        assert notes[0].id in path.read_text()
        # The notes box says a name is being watched for, never which.
        assert "checked for 1 watched name" in screen_text(app)

        # An action note, plain.
        await pilot.press("n")
        await pilot.press(*"Ask about a buddy scheme")
        await pilot.press("tab", "right", "enter", "ctrl+s")
        await pilot.pause()
        assert run.session.notes()[-1].kind is NoteKind.ACTION

        # Through every part; the check-in round counts turns, never names.
        for index in range(1, len(agenda.parts)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert f"Part {index + 1} of {PARTS}" in screen_text(app)
            if agenda.parts[index].is_round and index == 1:
                assert "Speaker 1 of 6" in screen_text(app)
                await pilot.press("s")
                await pilot.press("p")
                await pilot.pause()
                assert "Speaker 3 of 6" in screen_text(app)
                assert "· 1" in screen_text(app) and "passed" in screen_text(app)
            clock.advance(minutes=agenda.parts[index].minutes)

        await pilot.press("e")
        await pilot.pause()
        assert not posted(seen, RunScreen.SessionEnded)  # not before the facilitator says yes
        await pilot.press("y")
        await pilot.pause()
        [ended] = posted(seen, RunScreen.SessionEnded)
        assert ended.session is run.session and run.session.state.value == "ended"
        assert isinstance(app.screen, DebriefDialog)
        await pilot.press(*"Quiet start, warmer by the end", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Planned and actual time" in text
        assert "Ask about a buddy scheme" in text
        assert "█" in text  # the bars
        await pilot.press("end")  # down to the debrief
        await pilot.pause()
        assert "How it went: Quiet start, warmer by the end" in screen_text(app)
        await pilot.press("v")  # the debrief is the facilitator's own
        await pilot.pause()
        assert "Quiet start" not in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert "Ask about a buddy scheme" in screen_text(app)

    # The finished session is on disk, ended, with its notes and the debrief.
    session = read_session(store, run.session.id, clock)
    assert session.state.value == "ended"
    assert len(session.notes()) == 2
    assert session.debrief() is not None
    assert "Maria" not in path.read_text()


async def test_participant_view_hides_everything_facilitator_only(build_app, library):
    agenda = library.find(TEMPLATE)
    guidance = agenda.parts[0].guidance[0].text
    prompt = agenda.parts[0].prompts[0].text
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("n")
        await pilot.press(*"Theme: trust takes time", "enter")
        await pilot.pause()
        before = screen_text(app)
        assert "FACILITATOR VIEW" in before
        assert "Guidance (facilitator only)" in before
        assert flat(guidance[:30]) in flat(before)
        assert "Theme: trust takes time" in before

        await pilot.press("v")
        await pilot.pause()
        shared = screen_text(app)
        assert "PARTICIPANT VIEW" in shared
        assert "Guidance" not in shared
        assert flat(guidance[:30]) not in flat(shared)
        assert "trust takes time" not in shared
        assert "Notes in this part" not in shared
        assert flat(prompt[:30]) in flat(shared)

        # The note editor stays closed while the screen is shared.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)

        await pilot.press("v")
        await pilot.pause()
        assert "trust takes time" in screen_text(app)


async def test_going_home_after_a_summary_lists_the_session_as_past(build_app, clock):
    app = build_app()
    seen: list = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await start(pilot)
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.host.opened is None  # the file is let go once the debrief is done
        await pilot.press("escape")
        await pilot.pause()
        assert len(posted(seen, SummaryScreen.HomeRequested)) == 1
        assert isinstance(app.screen, HomeScreen)
        assert "Past sessions (1)" in screen_text(app)


async def test_a_note_closed_by_mistake_is_put_aside_and_comes_back(build_app):
    from circlekeeper.tui.dialogs.note_editor import NoteEditor

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


async def test_the_facilitators_messages_and_keys_leave_the_shared_screen(build_app):
    app = build_app()
    seen: list = []
    async with app.run_test(size=(120, 36), message_hook=seen.append) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("b")  # nothing to rebalance: a message for the facilitator
        await pilot.pause()
        assert "nothing needs shortening" in screen_text(app)
        footer = footer_text(app)
        assert "n Note" in footer and "e End" in footer and "b Rebalance" in footer

        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "PARTICIPANT VIEW" in text
        assert "nothing needs shortening" not in text
        footer = footer_text(app)
        for key in ("n Note", "e End", "d Drop-box", "b Rebalance"):
            assert key not in footer
        assert "space Start/pause" in footer and "v View" in footer and "! Crisis" in footer
        # Each key still answers while sharing, saying what to do, and opens nothing.
        for key in ("e", "b", "u", "d", "n"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is run, key
            assert "press v first" in flat(screen_text(app)), key
        assert not posted(seen, RunScreen.DropBoxRequested)
        assert not posted(seen, RunScreen.SessionEnded)

        await pilot.press("v")
        await pilot.pause()
        assert "e End" in footer_text(app)


def footer_text(app) -> str:
    from circlekeeper.tui.widgets.keys_footer import KeysFooter

    return "\n".join(widget_lines(app, app.screen.query_one(KeysFooter)))


async def test_past_the_last_part_the_screen_says_how_to_end(build_app):
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        await pilot.press("space", *["right_square_bracket"] * (PARTS - 1))
        await pilot.pause()
        assert f"Part {PARTS} of {PARTS}" in screen_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "This is the last part: press e to end the session" in flat(screen_text(app))
        assert f"Part {PARTS} of {PARTS}" in screen_text(app)


async def test_a_saved_note_can_be_edited_or_deleted_from_the_list(build_app):
    from circlekeeper.tui.dialogs.confirm import ConfirmDialog
    from circlekeeper.tui.dialogs.note_editor import NoteEditor
    from circlekeeper.tui.widgets.notes_list import NotesList

    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("n", *"Team lunch helps", "enter")
        await pilot.press("n", *"A slip that should go", "enter")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == [
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
        assert [n.text for n in run.session.notes()] == ["Team lunch helps"]
        assert "A slip that should go" not in screen_text(app)
        assert "Note deleted" in screen_text(app)

        # Enter edits: the words come back to be added to, and the change is saved.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*" a lot", "enter")
        await pilot.pause()
        assert [n.text for n in run.session.notes()] == ["Team lunch helps a lot"]
        assert "Team lunch helps a lot" in screen_text(app)


async def test_a_name_typed_into_the_people_count_is_shown_and_refused_not_dropped(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog)
        await pilot.press(*"7Sam", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog)
        assert app.screen.query_one("#attendance").value == "7Sam"
        assert "a number from 1 to" in screen_text(app)
        # A digit no one counts with (a key of its own on French keyboards) is refused too.
        await pilot.press(*["backspace"] * 4, "²", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog)
        assert app.screen.query_one("#attendance").value == "²"
