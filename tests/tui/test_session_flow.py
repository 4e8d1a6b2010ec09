"""A whole session driven from the keyboard, as a facilitator would run it."""

from __future__ import annotations

from pathlib import Path

from driving import PARTS, TEMPLATE, posted, start
from screen_text import flat, screen_text, settle

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.host import read_session
from circlekeeper.sessions.storage.journal import journal_path
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.tui.dialogs.debrief import DebriefDialog
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.screens.summary import SummaryScreen


def on_disk(path: Path) -> str:
    """What a session keeps on disk: its file and the journal of its actions since."""
    journal = journal_path(path)
    return path.read_text() + (journal.read_text() if journal.exists() else "")


async def test_a_whole_session_from_a_refused_people_count_to_the_summary_and_home(
    build_app, clock, store: SessionStore, library
):
    """One facilitator's evening: a name typed as the people count is refused and kept,
    then the session runs through every part (the last one says how to end), ends with a
    debrief, shows its summary, and is listed as past on the home screen."""
    agenda = library.find(TEMPLATE)
    app = build_app()
    seen: list = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        # A name typed into the people count is shown and refused, not dropped.
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog)
        await pilot.press(*"7Sam", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog), "people count: 7Sam accepted"
        assert app.screen.query_one("#attendance").value == "7Sam"
        assert "a number from 1 to" in screen_text(app)
        # A digit no one counts with (a key of its own on French keyboards) is refused too.
        await pilot.press(*["backspace"] * 4, "²", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartSessionDialog), "people count: ² accepted"
        assert app.screen.query_one("#attendance").value == "²"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

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
        assert notes[0].id in on_disk(path)
        # The notes box says a name is being watched for, never which.
        assert "checked for 1 watched name" in screen_text(app)

        # An action note, plain.
        await pilot.press("n")
        await pilot.press(*"Ask about a buddy scheme")
        await pilot.press("tab", "right", "enter")
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
        # Past the last part, the screen says how to end and stays where it is.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "This is the last part: press e to end the session" in flat(screen_text(app))
        assert f"Part {PARTS} of {PARTS}" in screen_text(app)

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
        # The file is let go once the debrief is done; going home lists it as past.
        assert app.host.opened is None
        await pilot.press("v", "escape")
        await pilot.pause()
        assert len(posted(seen, SummaryScreen.HomeRequested)) == 1
        assert isinstance(app.screen, HomeScreen)
        assert "Past sessions (1)" in screen_text(app)

    # The finished session is on disk, ended, with its notes and the debrief.
    session = read_session(store, run.session.id, clock)
    assert session.state.value == "ended"
    assert len(session.notes()) == 2
    assert session.debrief() is not None
    assert "Maria" not in on_disk(path)
