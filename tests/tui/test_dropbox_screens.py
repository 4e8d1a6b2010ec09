"""The drop-box in the app: opened from the run screen, fed by real phones over HTTP.

The drop-box's server runs in the app's own event loop, as it does for a facilitator,
so the test sends its cards with ``await`` from inside ``run_test``. What the tests look
at is what is drawn: the code as a phone reads it, the counter, the queue, and what the
participant view leaves out.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from driving import posted, start
from qr_decode import read_widget
from screen_text import screen_text
from textual.app import App
from textual.widgets import OptionList, Static

from circlekeeper.sessions.dropbox import CardKind, DropBox, Interface
from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.dropbox_open import DropBoxChoice, DropBoxOpenDialog
from circlekeeper.tui.dialogs.note_editor import NoteEditor
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.screens.dropbox import DropBoxScreen
from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.widgets.qr_code import QrCode

SIZE = (110, 36)


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A phone's browser."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client


async def send(http: aiohttp.ClientSession, box: DropBox, **fields: str) -> None:
    """Send one card the way the phone's form does."""
    assert box.url is not None
    response = await http.post(box.url, data=fields, allow_redirects=False)
    assert response.status == 303, await response.text()


async def open_dropbox(pilot) -> DropBox:
    """Start a session and open its drop-box as offered (loopback, every kind of card)."""
    app = pilot.app
    await start(pilot)
    await pilot.press("space")
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, DropBoxOpenDialog)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, DropBoxScreen)
    assert app.host.dropbox is not None and app.host.dropbox.is_open
    return app.host.dropbox


async def open_queue(pilot) -> DropBoxQueueScreen:
    """From the drop-box's screen, read the cards."""
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DropBoxQueueScreen)
    return pilot.app.screen


async def highlight(pilot, queue: DropBoxQueueScreen, text: str) -> None:
    """Move the queue's highlight to the card with these words."""
    ids = [card.id for card in queue.cards.values() if card.text == text]
    assert len(ids) == 1, f"no single card reads {text!r}"
    options = queue.query_one(OptionList)
    options.highlighted = options.get_option_index(ids[0])
    await pilot.pause()


def told(app: App) -> str:
    """Every message the app has put up for the facilitator, in one string."""
    return " | ".join(notification.message for notification in app._notifications)


def notes_on_disk(app) -> list[dict]:
    path: Path = app.host.opened.handle.path
    return list(json.loads(path.read_text(encoding="utf-8")).get("notes", {}).values())


def flat(app: App) -> str:
    """The screen's words with line breaks and frames as spaces, for words that may wrap."""
    return " ".join(screen_text(app).translate(FRAMES).split())


FRAMES = str.maketrans(dict.fromkeys("█▊▎▔▁▄▀│╭╮╰╯─", " "))


async def test_the_code_on_screen_reads_back_as_the_drop_boxs_link(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
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
        shown = flat(app)
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


async def test_the_counter_shows_how_many_cards_never_which_or_when(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    rang: list[None] = []
    app.bell = lambda: rang.append(None)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        box = await open_dropbox(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "Drop-box open · no cards waiting" in screen_text(app)

        for text in ("How do others say no?", "Sleep", "Is it normal to feel numb?"):
            await send(http, box, kind="question", text=text)
        await send(http, box, kind="how-i-am", scale="2")  # a number only: no card
        await pilot.pause()

        shown = screen_text(app)
        assert "Drop-box open · 3 new cards · 3 waiting" in shown
        # The number, and nothing else: no words, no toast, no bell.
        assert "say no" not in shown and "numb" not in shown and "Sleep" not in shown
        assert not app._notifications and not rang

        # Reading the queue makes them old news; more coming in count afresh.
        await pilot.press("d")
        await pilot.pause()
        await open_queue(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "Drop-box open · no new cards · 3 waiting" in screen_text(app)
        await send(http, box, kind="topic", text="Boundaries")
        await pilot.pause()
        assert "Drop-box open · 1 new card · 4 waiting" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_approve_edit_and_discard_make_notes_only_of_what_was_approved(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_dropbox(pilot)
        await send(http, box, kind="question", text="How do others say no?")
        await send(http, box, kind="topic", text="sleep ")
        await send(http, box, kind="how-i-am", scale="2", text="Worn out this week")
        await send(http, box, kind="question", text="[b]Loud[/b] question")
        queue = await open_queue(pilot)

        shown = screen_text(app)
        assert "4 cards waiting, in shuffled order, without arrival times." in shown
        assert "Topic for next time" in shown and "How I am" in shown
        assert "[b]Loud[/b] question" in shown  # a card's words are never markup

        await highlight(pilot, queue, "How do others say no?")
        await pilot.press("a")
        await pilot.pause()

        await highlight(pilot, queue, "sleep")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("home", *"Rest and ", "ctrl+s")
        await pilot.pause()
        assert app.screen is queue

        await highlight(pilot, queue, "Worn out this week")
        await pilot.press("a")
        await pilot.pause()

        await highlight(pilot, queue, "[b]Loud[/b] question")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()

        assert box.waiting_count() == 0 and queue.cards == {}
        assert "No cards waiting." in screen_text(app)
        on_disk = notes_on_disk(app)
        assert [(n["text"], n["kind"], n["source"], n["facilitator_only"]) for n in on_disk] == [
            ("How do others say no?", NoteKind.QUESTION.value, "drop-box", False),
            ("Rest and sleep", NoteKind.THEME.value, "drop-box", False),
            ("Worn out this week", NoteKind.SUPPORT_NEED.value, "drop-box", True),
        ]
        assert "Loud" not in app.host.opened.handle.path.read_text()

        # Back on the run screen, the approved cards are among the part's notes.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "Rest and sleep" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_a_card_with_personal_data_asks_to_edit_redact_or_keep(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_dropbox(pilot)
        await send(http, box, kind="question", text="Can you mail me at sam@example.org?")
        await send(http, box, kind="question", text="What did Maria mean?")
        queue = await open_queue(pilot)
        assert "may identify someone: email address “sam@example.org”" in screen_text(app)

        await highlight(pilot, queue, "Can you mail me at sam@example.org?")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        assert notes_on_disk(app) == []
        await pilot.press("r")
        await pilot.pause()
        assert notes_on_disk(app)[0]["text"] == "Can you mail me at [email removed]?"

        # Maria is on the watch list; the facilitator rewrites the card instead.
        await highlight(pilot, queue, "What did Maria mean?")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+u", *"What did that remark mean?", "ctrl+s")
        await pilot.pause()
        assert app.screen is queue
        texts = [n["text"] for n in notes_on_disk(app)]
        assert texts == ["Can you mail me at [email removed]?", "What did that remark mean?"]
        assert "sam@example.org" not in app.host.opened.handle.path.read_text()
        assert "Maria" not in app.host.opened.handle.path.read_text()
        await pilot.press("ctrl+q")


async def test_the_scale_shows_as_counts_only_from_three_answers(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_dropbox(pilot)
        await send(http, box, kind="how-i-am", scale="2")
        await send(http, box, kind="how-i-am", scale="4")
        await open_queue(pilot)
        shown = screen_text(app)
        assert "How I am: shown once 3 people have answered." in shown
        assert "Struggling" not in shown and "█" not in shown

        await send(http, box, kind="how-i-am", scale="4")
        await pilot.pause()
        assert "shown once 3 people" in screen_text(app), "the chart waits to be read again"
        await pilot.press("r")
        await pilot.pause()
        lines = [line.strip(" │") for line in screen_text(app).splitlines()]
        top = lines.index("How I am, 3 answers:")
        counts = {line.split()[0]: line.split()[-1] for line in lines[top + 1 : top + 6]}
        assert counts == {"5": "0", "4": "2", "3": "0", "2": "1", "1": "0"}

        await pilot.press("s")
        await pilot.pause()
        (note,) = notes_on_disk(app)
        assert note["text"].startswith("How I am, 3 answers:")
        assert (note["source"], note["facilitator_only"]) == ("drop-box", True)
        assert "shown once 3 people" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_an_approved_question_can_be_shown_to_everyone(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        box = await open_dropbox(pilot)
        await send(http, box, kind="question", text="How do you rest after a hard week?")
        await send(http, box, kind="how-i-am", scale="1", text="Barely holding on")
        queue = await open_queue(pilot)

        # How-I-am words are the facilitator's only: not even approved by this key.
        await highlight(pilot, queue, "Barely holding on")
        await pilot.press("o")
        await pilot.pause()
        assert "never shown to everyone" in told(app)
        assert not posted(seen, DropBoxQueueScreen.CardShown)
        await highlight(pilot, queue, "How do you rest after a hard week?")
        await pilot.press("o")
        await pilot.pause()
        assert [n["text"] for n in notes_on_disk(app)] == ["How do you rest after a hard week?"]
        [shown] = posted(seen, DropBoxQueueScreen.CardShown)
        assert shown.text == "How do you rest after a hard week?"
        assert box.waiting_count() == 1

        await pilot.press("escape", "escape", "v")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        shared = flat(app)
        assert "PARTICIPANT VIEW" in shared
        assert "How do you rest after a hard week?" in shared
        assert "Barely holding on" not in shared  # how-I-am words are facilitator-only
        card = app.screen.query_one("#shown-card", Static)
        assert card.display and card.border_title == "From the drop-box"

        # The next part starts with nothing shown.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "How do you rest" not in flat(app)
        await pilot.press("ctrl+q")


async def test_participant_view_shows_the_code_but_not_the_counter_or_the_queue(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
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
        assert "hidden in participant view" in shared
        await pilot.press("a")
        await pilot.pause()
        assert box.waiting_count() == 1 and queue.cards

        # The run screen's counter is the facilitator's too.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "Drop-box open" not in screen_text(app) and "waiting" not in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "Drop-box open · no new cards · 1 waiting" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_closing_the_drop_box_stops_its_link_and_reopening_makes_a_new_one(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
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
        await pilot.press("ctrl+q")
    with pytest.raises(aiohttp.ClientConnectorError):
        await http.get(box.url or first)


async def test_ending_the_session_closes_the_drop_box(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_dropbox(pilot)
        url = box.url
        assert url is not None
        await send(http, box, kind="topic", text="Never read")
        await pilot.press("escape")
        await pilot.press("e", "y")
        await pilot.pause()
        assert app.host.dropbox is None and not box.is_open
        assert "Unread cards reach nothing: 1 was let go." in told(app)
        assert box.waiting_count() == 0
        await pilot.pause()
        with pytest.raises(aiohttp.ClientConnectorError):
            await http.get(url)
        await pilot.press("ctrl+q")


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
            "this page." in flat(app)
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
