"""The drop-box's cards in the app: counted, read, approved, edited, discarded, shown.

Cards are sent over HTTP as real phones send them, to the server in the app's own event
loop. What the tests look at is what is drawn (the counter, the queue, a card shown to
everyone) and what reaches the session's file: only what the facilitator approved.
"""

from __future__ import annotations

import aiohttp
from driving import (
    DROPBOX_SIZE,
    highlight,
    notes_on_disk,
    open_dropbox,
    open_queue,
    posted,
    send,
    told,
)
from screen_text import screen_text, unframed
from textual.widgets import Static

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.note_editor import NoteEditor
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen
from circlekeeper.tui.screens.run_session import RunScreen


async def test_the_counter_shows_how_many_cards_never_which_or_when(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    rang: list[None] = []
    app.bell = lambda: rang.append(None)  # type: ignore[method-assign]
    async with app.run_test(size=DROPBOX_SIZE) as pilot:
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


async def test_approve_edit_discard_and_the_personal_data_prompt_save_only_what_was_approved(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=DROPBOX_SIZE) as pilot:
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
            ("Rest and sleep", NoteKind.PARKED.value, "drop-box", False),
            ("Worn out this week", NoteKind.SUPPORT_NEED.value, "drop-box", True),
        ]
        assert "Loud" not in app.host.opened.handle.path.read_text()

        # Back on the run screen, the approved cards are among the part's notes.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "Rest and sleep" in screen_text(app)

        # A card with personal data asks to edit, redact or keep it.
        await pilot.press("d")
        await pilot.pause()
        await send(http, box, kind="question", text="Can you mail me at sam@example.org?")
        await send(http, box, kind="question", text="What did Maria mean?")
        queue = await open_queue(pilot)
        assert "may identify someone: email address “sam@example.org”" in screen_text(app)

        await highlight(pilot, queue, "Can you mail me at sam@example.org?")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        assert len(notes_on_disk(app)) == 3, "a card with an email was saved before asking"
        await pilot.press("r")
        await pilot.pause()
        assert notes_on_disk(app)[3]["text"] == "Can you mail me at [email removed]?"

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
        texts = [n["text"] for n in notes_on_disk(app)][3:]
        assert texts == ["Can you mail me at [email removed]?", "What did that remark mean?"]
        assert "sam@example.org" not in app.host.opened.handle.path.read_text()
        assert "Maria" not in app.host.opened.handle.path.read_text()
        await pilot.press("ctrl+q")


async def test_the_scale_shows_as_counts_only_from_k_answers_and_never_below_k(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    async with app.run_test(size=DROPBOX_SIZE) as pilot:
        box = await open_dropbox(pilot)
        for value in "2444":
            await send(http, box, kind="how-i-am", scale=value)
        await open_queue(pilot)
        shown = screen_text(app)
        assert "How I am: shown once 5 people have answered." in shown
        assert "Struggling" not in shown and "█" not in shown

        for value in "44":
            await send(http, box, kind="how-i-am", scale=value)
        await pilot.pause()
        assert "shown once 5 people" in screen_text(app), "the chart waits to be read again"
        await pilot.press("r")
        await pilot.pause()
        lines = [line.strip(" │") for line in screen_text(app).splitlines()]
        top = lines.index("How I am, 6 answers:")
        counts = {line.split()[0]: line.split()[-1] for line in lines[top + 1 : top + 6]}
        # Five chose 4; the one who chose 2 is a count below k, shown as <5 like the zeros.
        assert counts == {"5": "<5", "4": "5", "3": "<5", "2": "<5", "1": "<5"}

        await pilot.press("s")
        await pilot.pause()
        (note,) = notes_on_disk(app)
        assert note["text"].startswith("How I am, 6 answers:")
        assert (note["source"], note["facilitator_only"]) == ("drop-box", True)
        assert "shown once 5 people" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_an_approved_question_can_be_shown_to_everyone(
    build_app, http: aiohttp.ClientSession
) -> None:
    app = build_app()
    seen: list = []
    async with app.run_test(size=DROPBOX_SIZE, message_hook=seen.append) as pilot:
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
        shared = unframed(app)
        assert "PARTICIPANT VIEW" in shared
        assert "How do you rest after a hard week?" in shared
        assert "Barely holding on" not in shared  # how-I-am words are facilitator-only
        card = app.screen.query_one("#shown-card", Static)
        assert card.display and card.border_title == "From the drop-box"

        # The next part starts with nothing shown.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "How do you rest" not in unframed(app)
        await pilot.press("ctrl+q")
