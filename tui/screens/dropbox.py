"""The drop-box screen: its link as a large QR code for the room to scan, and the link in text.

Everything a participant needs stays in the participant view: the code, the link, the
kinds of card open and who can reach the page, and the open poll's number of answers.
The count of waiting cards and the way to the queue are the facilitator's only.

``r`` asks the phones the end-of-session rating check, ``p`` closes the open poll: the
screen then posts :class:`DropBoxScreen.PollClosed` with the counts, for whoever asked.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.dropbox import CardKind, DropBox
from circlekeeper.sessions.dropbox.polls import Tally
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.tui.view import is_shared
from circlekeeper.tui.widgets.card_counter import CardCounter
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.poll_status import PollStatus
from circlekeeper.tui.widgets.qr_code import QrCode
from circlekeeper.tui.widgets.title_bar import TitleBar


def kinds_words(kinds: frozenset[CardKind]) -> str:
    """The kinds of card open, in the order of the phone's page."""
    return " · ".join(kind.label for kind in CardKind if kind in kinds)


class DropBoxScreen(Screen[None]):
    """Shows the open drop-box's code; the queue of cards is one key away."""

    CSS_PATH = "dropbox.tcss"
    BINDING_GROUP_TITLE = "Drop-box"
    BINDINGS = [
        Binding("m", "moderate", N_("Read cards"), id="dropbox.read-cards"),
        Binding("c", "close_dropbox", N_("Close drop-box"), id="dropbox.close"),
        # Named in the screen's own line of keys, so the footer keeps to one line.
        Binding("r", "rating_check", N_("Rating check"), id="dropbox.rating-check", show=False),
        Binding("p", "close_poll", N_("Close poll"), id="dropbox.close-poll", show=False),
        Binding("v", "app.toggle_view", N_("View"), id="dropbox.toggle-view"),
        Binding("escape,d", "back", N_("Back"), id="dropbox.back"),
    ]

    class CloseRequested(Message):
        """The facilitator asked to close the drop-box; the screen goes once it is closed."""

        def __init__(self, screen: DropBoxScreen) -> None:
            super().__init__()
            self.screen = screen
            """The screen showing the drop-box."""

    class PollClosed(Message):
        """A poll on the phones was closed; its counts go to whatever asked it."""

        def __init__(self, tally: Tally) -> None:
            super().__init__()
            self.tally = tally
            """The poll's counts, and the poll itself (its ``kind`` says what it was for)."""

    def __init__(self, box: DropBox) -> None:
        """Show ``box``, which is open."""
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="dropbox-body"):
            yield QrCode(self.box.url or "", id="dropbox-code")
            with Vertical(id="dropbox-words"):
                yield Static(_("Scan to send an anonymous card"), id="dropbox-title", markup=False)
                yield Static(kinds_words(self.box.kinds), id="dropbox-kinds", markup=False)
                yield Static(self.box.reach, id="dropbox-reach", markup=False)
                yield Static(
                    _("Cards carry no name; they are read in mixed order."),
                    id="dropbox-promise",
                    markup=False,
                )
                yield PollStatus(self.box, id="dropbox-poll")
                yield CardCounter(self.box, id="dropbox-counter", classes="facilitator-only")
                yield Static(
                    _(
                        "m: read the cards · r: rating check · p: close the poll · "
                        "c: close the drop-box · esc: back to the session"
                    ),
                    id="dropbox-keys",
                    markup=False,
                    classes="facilitator-only",
                )
        # Full width beneath, so the link is never broken over two lines.
        yield Static(self.box.url or "", id="dropbox-url", markup=False)
        yield KeysFooter()

    def action_moderate(self) -> None:
        from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen

        if is_shared(self):
            return  # the cards are the facilitator's: nothing shows on a shared screen
        self.app.push_screen(DropBoxQueueScreen(self.box))

    def action_rating_check(self) -> None:
        from circlekeeper.sessions.dropbox.poll_kinds import rating_poll

        if self.box.poll is not None:
            self.notify(_("Close the open poll first (p)."), severity="warning")
            return
        self.box.open_poll(rating_poll())

    def action_close_poll(self) -> None:
        tally = self.box.close_poll()
        if tally is not None:
            self.post_message(self.PollClosed(tally))

    def action_close_dropbox(self) -> None:
        self.action_close_poll()  # answers given so far still count
        self.post_message(self.CloseRequested(self))

    def closed(self) -> None:
        """Say the drop-box is closed, and how many cards still wait; then go."""
        waiting = self.box.waiting_count()
        if waiting:
            said = ngettext(
                "Drop-box closed: its link no longer works. {count} card still waiting.",
                "Drop-box closed: its link no longer works. {count} cards still waiting.",
                waiting,
            ).format(count=waiting)
        else:
            said = _("Drop-box closed: its link no longer works.")
        self.notify(said)
        self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)
