"""A Lean Coffee on the run screen: topics added, votes typed, the topic with the most votes
taken, its box counted down, a thumbs vote that extends it; the participant view shows the
topic and those to come without votes or keys; moving on parks the topics not reached."""

from __future__ import annotations

from driving import start
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.tui.dialogs.topic_forms import ThumbsDialog, VotesDialog
from circlekeeper.tui.widgets.topic_board import TopicBoardPanel


async def test_a_topic_board_from_gathering_to_the_parking_lot(build_app, clock: FakeClock) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, attendance="6", template="lean-circle")
        board = app.screen.query_one(TopicBoardPanel)
        assert board.has_class("-empty")  # not a Lean Coffee part
        await pilot.press("space", "right_square_bracket")
        await pilot.pause()
        assert "Gathering topics (press a to add one)" in flat(widget_words(app, board))
        for words in ("Saying no", "Quiet rooms"):
            await pilot.press("a", *words, "enter")
            await pilot.pause()
        assert "Topic 2 is on the board: Quiet rooms" in flat(screen_text(app))

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, VotesDialog)
        await pilot.press("1", "enter", "4", "enter")
        await pilot.pause()
        words = flat(widget_words(app, board))
        assert "1. Quiet rooms (4 votes) 2. Saying no (1 vote)" in words
        assert "2 of 2 fit" in words

        await pilot.press("t")
        await pilot.pause()
        assert "Topic 1: Quiet rooms 5:00 left" in flat(widget_words(app, board))
        clock.advance(minutes=5)
        await settle(pilot)
        assert "time for a thumbs vote (press h, or y for the phones)" in flat(
            widget_words(app, board)
        )
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, ThumbsDialog)
        await pilot.press("5", "enter", "1", "enter", "enter")
        await pilot.pause()
        assert "The group goes on: +4 min." in flat(screen_text(app))
        words = flat(widget_words(app, board))
        assert "Quiet rooms 4:00 left" in words and "Box 5 min +4" in words

        await pilot.press("v")
        await pilot.pause()
        shared = flat(screen_text(app))
        assert "PARTICIPANT VIEW" in shared
        assert "Topic 1: Quiet rooms 4:00 left" in shared
        assert "Topics to come: 1. Saying no" in shared
        assert "vote" not in shared and "press" not in shared and "fit" not in shared
        await pilot.press("h")  # a form is the facilitator's: nothing opens while shared
        await pilot.pause()
        assert not isinstance(app.screen, ThumbsDialog)

        await pilot.press("v", "right_square_bracket")
        await pilot.pause()
        assert board.has_class("-empty")
        session = app.screen.session
        assert [n.text for n in session.notes() if n.kind is NoteKind.PARKED] == ["Saying no"]
