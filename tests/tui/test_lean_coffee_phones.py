"""A Lean Coffee voted from the phones: the board asks, the phones answer over real HTTP,
closing the vote puts the board in vote order (on disk first), and a thumbs vote from the
phones closed on the drop-box's screen extends the topic under way."""

from __future__ import annotations

import aiohttp
from driving import answer, posted, start, told
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.storage.session_file import read_session
from circlekeeper.tui.dialogs.dropbox_open import DropBoxOpenDialog
from circlekeeper.tui.screens.dropbox import DropBoxScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.topic_board import TopicBoardPanel


async def test_a_lean_coffee_voted_and_thumbed_from_the_phones(
    build_app, clock: FakeClock, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await start(pilot, attendance="6", template="lean-circle")
        await pilot.press("space", "right_square_bracket")
        for words in ("Saying no", "Quiet rooms", "Rest"):
            await pilot.press("a", *words, "enter")
        await pilot.press("w")
        await pilot.pause()
        said = widget_words(app, "#signal")
        assert "The drop-box is not open, so the phones cannot vote" in said
        assert said.endswith("d opens it · o types the votes")

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropBoxOpenDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "w")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        box = app.host.dropbox
        assert box is not None and box.url is not None and box.poll is not None
        assert box.poll.poll.questions[0].options == ("Saying no", "Quiet rooms", "Rest")
        for picks in (("1", "2"), ("1",), ("1", "0"), ("2",)):
            await answer(http, box.url, picks)
        await pilot.pause()
        board = app.screen.query_one(TopicBoardPanel)
        assert "Vote for up to 2 topics 4 of 6 answered w closes it" in flat(
            widget_words(app, board)
        )
        await pilot.press("v")
        await pilot.pause()
        shared = flat(screen_text(app))
        assert "Vote on your phone: 4 answered" in shared
        assert "vote" not in shared.replace("Vote on your phone", "")
        await pilot.press("v", "w")
        await pilot.pause()
        words = flat(widget_words(app, board))
        assert "1. Quiet rooms (3 votes) 2. Rest (2 votes) 3. Saying no (1 vote)" in words
        assert "answered" not in words and box.poll is None
        assert "Votes from 4 phones are on the board" in flat(screen_text(app))
        data, _, _ = read_session(app.host.opened.handle.path)
        tallies = [e["tally"] for e in data["events"].values() if e.get("action") == "votes"]
        assert tallies == [{"1": 1, "2": 3, "3": 2}]

        await pilot.press("t")
        clock.advance(minutes=5)
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert box.poll is not None and box.poll.poll.questions[0].words == (
            "Keep talking about “Quiet rooms”?"
        )
        for pick in ("0", "0", "0", "0", "0", "1"):
            await answer(http, box.url, pick)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropBoxScreen)
        await pilot.press("p", "escape")
        await pilot.pause()
        assert [m.tally.counts for m in posted(seen, DropBoxScreen.PollClosed)] == [((5, 1, 0),)]
        assert "The group goes on: +4 min. (phones: 5 up, 1 sideways, 0 down)" in told(app)
        words = flat(widget_words(app, board))
        assert "Quiet rooms 4:00 left" in words and "Box 5 min +4" in words
        await pilot.press("ctrl+q")
