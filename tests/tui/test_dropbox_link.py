"""The drop-box's link in the app: opening it, its code, who can reach it, closing it.

The drop-box's server runs in the app's own event loop, as it does for a facilitator,
so the tests send their cards with ``await`` from inside ``run_test``. What they look at
is what is drawn: the code as a phone reads it, and what the participant view leaves out.
"""

from __future__ import annotations

import ipaddress

import aiohttp
import pytest
from driving import (
    DROPBOX_SIZE,
    open_dropbox,
    open_queue,
    posted,
    send,
    start,
    told,
)
from qr_decode import read_widget
from screen_text import screen_text, unframed
from textual.app import App

from circlekeeper.sessions.dropbox import CardKind, Interface
from circlekeeper.tui.dialogs.dropbox_open import DropBoxChoice, DropBoxOpenDialog
from circlekeeper.tui.screens.dropbox import DropBoxScreen
from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.qr_code import QrCode


async def test_the_code_on_screen_reads_back_as_the_drop_boxs_link(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=DROPBOX_SIZE) as pilot:
        await start(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropBoxOpenDialog)
        offered = screen_text(app)
        assert "This computer only (127.0.0.1)" in offered
        assert "Only this computer can open this page." in offered
        await pilot.press("ctrl+s")
        await pilot.pause()

        box = app.host.dropbox
        assert box is not None and box.url is not None
        assert box.url.startswith("http://127.0.0.1:")
        assert read_widget(app, app.screen.query_one(QrCode)) == [box.url]
        assert box.url in screen_text(app).splitlines()[-2]  # whole, on one line
        shown = unframed(app)
        assert "Only this computer can open this page." in shown
        assert "Question · How I am · Topic for next time" in shown
        async with http.get(box.url) as page:
            assert page.status == 200

        # Back on the run screen the drop-box stays open; d shows its code again.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropBoxScreen)
        assert read_widget(app, app.screen.query_one(QrCode)) == [box.url]
        url = box.url
        # Leaving run_test stops the app without the quit key, as closing the terminal does.
    assert not box.is_open and app.host.dropbox is None
    with pytest.raises(aiohttp.ClientConnectorError):
        await http.get(url)


async def test_participant_view_shows_the_code_but_not_the_counter_or_the_queue(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=DROPBOX_SIZE, message_hook=seen.append) as pilot:
        box = await open_dropbox(pilot)
        await send(http, box, kind="question", text="A question nobody else should read yet")
        await pilot.pause()
        assert "1 new card" in screen_text(app)

        await pilot.press("v")
        await pilot.pause()
        shared = screen_text(app)
        assert "PARTICIPANT VIEW" in shared
        assert read_widget(app, app.screen.query_one(QrCode)) == [box.url]
        assert "Drop-box open" not in shared and "waiting" not in shared
        # The queue does not open while the screen is shared...
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DropBoxScreen)
        assert not posted(seen, DropBoxQueueScreen.CountsChanged)  # nothing was read

        # ...and hides itself if the view is switched while it is open.
        await pilot.press("v")
        queue = await open_queue(pilot)
        assert "nobody else should read" in screen_text(app)
        assert len(posted(seen, DropBoxQueueScreen.CountsChanged)) == 1  # read: 0 new now
        await pilot.press("v")
        await pilot.pause()
        shared = screen_text(app)
        assert "nobody else should read" not in shared
        assert "Cards are read in private" in shared
        # Its keys are not shown, and pressing one changes nothing on the shared screen.
        assert "approve" not in shared.lower() and "discard" not in shared.lower()
        await pilot.press("a")
        await pilot.pause()
        assert box.waiting_count() == 1 and queue.cards
        assert screen_text(app) == shared

        # The run screen's counter is the facilitator's too.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "Drop-box open" not in screen_text(app) and "waiting" not in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "Drop-box open · no new cards · 1 waiting" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_closing_the_drop_box_stops_its_link_reopening_makes_a_new_one_and_ending_closes_it(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=DROPBOX_SIZE, message_hook=seen.append) as pilot:
        box = await open_dropbox(pilot)
        assert len(posted(seen, RunScreen.DropBoxRequested)) == 1
        first = box.url
        assert first is not None
        await send(http, box, kind="question", text="Still here after closing?")
        await pilot.press("c")
        await pilot.pause()
        assert len(posted(seen, DropBoxScreen.CloseRequested)) == 1
        assert isinstance(app.screen, RunScreen)
        assert box.url is None
        with pytest.raises(aiohttp.ClientConnectorError):
            await http.get(first)
        assert "Drop-box closed · 1 new card · 1 waiting" in screen_text(app)

        # Opening again asks again, then gives a link of its own; the old one leads nowhere.
        await pilot.press("d")
        await pilot.pause()
        assert len(posted(seen, RunScreen.DropBoxRequested)) == 2
        assert isinstance(app.screen, DropBoxOpenDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.host.dropbox is box and box.url is not None and box.url != first
        assert read_widget(app, app.screen.query_one(QrCode)) == [box.url]
        assert box.waiting_count() == 1

        # Ending the session closes the drop-box; the card never read is let go.
        url = box.url
        await pilot.press("escape")
        await pilot.press("e", "y")
        await pilot.pause()
        assert app.host.dropbox is None and not box.is_open, "ending left the drop-box open"
        assert "Unread cards reach nothing: 1 was let go." in told(app)
        assert box.waiting_count() == 0
        await pilot.pause()
        with pytest.raises(aiohttp.ClientConnectorError):
            await http.get(url)
        await pilot.press("ctrl+q")
    with pytest.raises(aiohttp.ClientConnectorError):
        await http.get(first)


WIFI = Interface("wlan0", "192.168.1.23", ipaddress.ip_network("192.168.1.0/24"))


LOOP = Interface("lo", "127.0.0.1", ipaddress.ip_network("127.0.0.0/8"))


class DialogApp(App[None]):
    """Just the dialog, with this computer's interfaces made up for the test."""

    def __init__(self) -> None:
        super().__init__()
        self.result: DropBoxChoice | None | str = "unanswered"

    def on_mount(self) -> None:
        def done(choice: DropBoxChoice | None) -> None:
            self.result = choice

        self.push_screen(DropBoxOpenDialog(interfaces=[LOOP, WIFI]), done)


async def test_choosing_the_rooms_network_says_who_could_reach_it() -> None:
    app = DialogApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "wlan0: 192.168.1.23 (network 192.168.1.0/24)" in text
        assert text.count("127.0.0.1") == 1, "loopback is offered once, as this computer"
        assert "Only this computer can open this page." in text

        wifi = app.screen.query("RadioButton")[1]
        await pilot.click(wifi)
        await pilot.pause()
        assert (
            "Anyone on the network 192.168.1.0/24 (wlan0) who scans the code can open "
            "this page." in unframed(app)
        )

        # No kind of card ticked: the dialog says so and stays.
        for kind in CardKind:
            app.screen.query_one(f"#kind-{kind.value}").value = kind is CardKind.QUESTION
        app.screen.query_one(f"#kind-{CardKind.QUESTION.value}").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tick at least one kind of card." in screen_text(app)
        assert app.result == "unanswered"

        app.screen.query_one(f"#kind-{CardKind.TOPIC.value}").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result == DropBoxChoice(kinds=frozenset({CardKind.TOPIC}), host="192.168.1.23")
