"""The rating check from the phones, driven from the drop-box screen.

The phones answer over real HTTP to the drop-box's server in the app's own event loop;
closing the poll posts its counts, and the rating is on disk before it is shown.
"""

from __future__ import annotations

import aiohttp
from driving import DROPBOX_SIZE, answer, open_dropbox, posted, told
from screen_text import screen_text
from textual.widgets import Static

from circlekeeper.sessions.storage.session_file import read_session
from circlekeeper.tui.screens.dropbox import DropBoxScreen
from circlekeeper.tui.screens.summary import SummaryScreen


async def test_the_rating_check_is_asked_counted_closed_saved_and_shown(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=DROPBOX_SIZE, message_hook=seen.append) as pilot:
        box = await open_dropbox(pilot)
        assert box.url is not None
        await pilot.press("r")
        await pilot.pause()
        assert "How was today's session? · 0 of 6 answered" in screen_text(app)
        for values in ("9785", "8686", "X977", "7565", "8878"):
            await answer(http, box.url, *(str("0123456789X".index(v)) for v in values))
        await pilot.pause()
        await pilot.press("v")  # the count of answers is for the room to see too
        await pilot.pause()
        assert "How was today's session? · 5 of 6 answered" in screen_text(app)
        await pilot.press("v", "p")
        await pilot.pause()
        closed = posted(seen, DropBoxScreen.PollClosed)
        assert [m.tally.answers for m in closed] == [5]
        assert box.poll is None and "answered" not in screen_text(app)
        rating = (5, (8.4, 7.0, 7.2, 6.2))
        data, _, _ = read_session(app.host.opened.handle.path)
        assert [e for e in data["events"].values() if e["type"] == "rating"][-1]["means"] == [
            *rating[1]
        ]
        assert "Rating check, 5 answers (0-10): felt heard 8.4" in told(app)
        app.push_screen(SummaryScreen(app.host.session))
        await pilot.pause()
        shown = str(app.screen.query_one("#summary-rating", Static).render())
        assert shown.endswith("the way we worked 7.2 · overall 6.2")
        await pilot.press("ctrl+q")
