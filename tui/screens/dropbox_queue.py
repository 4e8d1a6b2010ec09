"""The drop-box's queue: the facilitator reads the waiting cards and decides on each.

Cards come in a shuffled order, with no arrival time, each with its kind, its words and
any personal data the guard found in them. For each one the facilitator can approve it
(it becomes a note of the current part, marked as from the drop-box), edit it and then
approve it, approve it and show its words to everyone, or discard it. A card that may
identify someone goes through the same edit / redact / keep choice as a note.

What is on this screen is a snapshot taken when the queue was read: cards that come in
meanwhile are only counted, and ``r`` reads the queue again in a fresh order, so the
facilitator never sees a card appear at the moment it was sent. The how-I-am numbers
show only as counts, and only from 3 answers up.

All of it is facilitator-only: the participant view shows none of it.
"""

from __future__ import annotations

import contextlib

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from circlekeeper.sessions.dropbox import Card, CardKind, DropBox, DropBoxError, UnknownCard
from circlekeeper.sessions.engine.note_model import Note, NoteKind
from circlekeeper.sessions.engine.session import NoteFlagged
from circlekeeper.sessions.errors import SESSION_PROBLEMS, SessionError
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.note_editor import NoteDraft, NoteEditor
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.text import sentence
from circlekeeper.tui.view import is_shared
from circlekeeper.tui.widgets.card_counter import CardCounter
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.scale_chart import ScaleChart
from circlekeeper.tui.widgets.title_bar import TitleBar


def card_prompt(card: Card) -> Content:
    """A card as the list shows it: kind, words, and what the guard found."""
    parts: list[str | tuple[str, str]] = [(card.kind.label, "bold"), "\n", card.text]
    for finding in card.findings:
        parts += [
            "\n",
            (
                _("⚠ may identify someone: {kind} “{words}”").format(
                    kind=finding.label, words=finding.text
                ),
                "italic",
            ),
        ]
    # A blank line after each card keeps one card's words apart from the next one's.
    return Content.assemble(*parts, "\n")


def waiting_words(count: int) -> str:
    """The queue's heading."""
    if count == 0:
        return _("No cards waiting.")
    return ngettext(
        "{count} card waiting, in shuffled order, without arrival times.",
        "{count} cards waiting, in shuffled order, without arrival times.",
        count,
    ).format(count=count)


class DropBoxQueueScreen(Screen[None]):
    """The waiting cards, one decision at a time."""

    CSS_PATH = "dropbox_queue.tcss"
    BINDING_GROUP_TITLE = "Cards"
    BINDINGS = [
        Binding("a", "approve", N_("Approve"), id="cards.approve"),
        Binding("e", "edit", N_("Edit, approve"), id="cards.edit"),
        Binding("o", "approve(True)", N_("Approve, show"), id="cards.show"),
        Binding("x,delete", "discard", N_("Discard"), id="cards.discard"),
        Binding("s", "save_scale", N_("Save scale"), id="cards.save-scale"),
        Binding("r", "read", N_("Read new"), id="cards.read"),
        Binding("v", "app.toggle_view", N_("View"), id="cards.toggle-view"),
        Binding("escape", "back", N_("Back"), id="cards.back"),
    ]

    class CardShown(Message):
        """An approved card's words are to be shown to everyone on the session screen."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            """The card's words, as approved."""

    class CountsChanged(Message):
        """Cards were read or decided: the drop-box's counters are out of date."""

    def __init__(self, box: DropBox) -> None:
        """Read ``box``'s queue (open or closed: cards wait either way)."""
        super().__init__()
        self.box = box
        self.cards: dict[str, Card] = {}
        """The cards on screen by id, in the order shown."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="queue-body", classes="facilitator-only"):
            yield Static("", id="queue-heading", markup=False)
            yield CardCounter(self.box, id="queue-counter")
            yield ScaleChart(id="queue-scale")
            yield OptionList(id="queue-cards")
            yield Static(
                _(
                    "a: approve · e: edit, then approve · o: approve and show to everyone · "
                    "x: discard · s: save the scale counts · r: read new cards"
                ),
                id="queue-keys",
                markup=False,
            )
        yield Static(
            _("Cards are read in private."),
            id="queue-hidden",
            markup=False,
            classes="participant-only",
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.action_read()

    # Reading -------------------------------------------------------------------------

    @property
    def current(self) -> Card | None:
        """The highlighted card, if any."""
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.cards:
            return None
        return self.cards.get(options.get_option_at_index(options.highlighted).id or "")

    def action_read(self) -> None:
        """Read the queue again: every waiting card, in a fresh order."""
        cards = self.box.open_queue()
        self.cards = {card.id: card for card in cards}
        options = self.query_one(OptionList)
        options.set_options(Option(card_prompt(card), id=card.id) for card in cards)
        if cards:
            options.highlighted = 0
        options.focus()
        self.query_one(ScaleChart).show(self.box.scale_summary())
        self._counts_changed()

    def _counts_changed(self) -> None:
        self.query_one("#queue-heading", Static).update(waiting_words(len(self.cards)))
        self.query_one(CardCounter).show(self.box)
        self.post_message(self.CountsChanged())

    def _allowed(self) -> bool:
        # The cards are the facilitator's: nothing shows on a shared screen.
        return not is_shared(self)

    def _take(self, card: Card) -> None:
        """Take a decided card off the screen, keeping the others' order."""
        del self.cards[card.id]
        self.query_one(OptionList).remove_option(card.id)
        self._counts_changed()

    # Deciding ------------------------------------------------------------------------

    def action_approve(self, show: bool = False) -> None:
        card = self.current
        if card is None or not self._allowed():
            return
        if show and card.kind is CardKind.HOW_I_AM:
            self.notify(
                _(
                    "How-I-am words are for the facilitator only and are never shown to "
                    "everyone. Press a to approve the card."
                )
            )
            return
        self._approve(card, show=show)

    def action_edit(self) -> None:
        card = self.current
        if card is not None and self._allowed():
            self._edit(card, card.text)

    def _edit(self, card: Card, text: str, *, show: bool = False) -> None:
        draft = NoteDraft(
            text=text,
            kind=card.kind.note_kind,
            facilitator_only=card.kind is CardKind.HOW_I_AM,
        )

        def edited(draft: NoteDraft | None) -> None:
            if draft is not None:
                self._approve(
                    card,
                    draft.text,
                    kind=draft.kind,
                    facilitator_only=draft.facilitator_only,
                    show=show,
                )

        self.app.push_screen(NoteEditor(draft, title=_("Edit the card, then approve")), edited)

    def _approve(
        self,
        card: Card,
        text: str | None = None,
        *,
        kind: NoteKind | None = None,
        facilitator_only: bool | None = None,
        show: bool = False,
        **choice: bool,
    ) -> None:
        """Approve ``card``; personal data found leads to the edit / redact / keep choice."""
        try:
            note = self.box.approve(card.id, text, facilitator_only=facilitator_only, **choice)
            if kind is not None and kind is not note.kind:
                note = self.box.session.edit_note(note.id, kind=kind)
        except NoteFlagged as flagged:
            # The name ``flagged`` is gone once this block ends; the answer comes later.
            checked, findings = flagged.text, flagged.findings

            def chosen(answer: str | None) -> None:
                if answer in (None, "edit"):
                    self._edit(card, checked, show=show)
                else:
                    self._approve(
                        card,
                        text,
                        kind=kind,
                        facilitator_only=facilitator_only,
                        show=show,
                        **{answer: True},
                    )

            self.app.push_screen(PrivacyPrompt(checked, findings), chosen)
            return
        except UnknownCard:
            self._take(card)
            return
        except SESSION_PROBLEMS as error:
            self.notify(sentence(error), severity="warning")
            return
        self._take(card)
        self.notify(_("Saved as a note from the drop-box."), timeout=2)
        if show:
            self._show(note)

    def _show(self, note: Note) -> None:
        if note.facilitator_only:
            self.notify(_("That note is for the facilitator only, so it is not shown to everyone."))
        else:
            self.post_message(self.CardShown(note.text))
            self.notify(_("Shown to everyone on the session screen."), timeout=3)

    def action_discard(self) -> None:
        card = self.current
        if card is None or not self._allowed():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                with contextlib.suppress(UnknownCard):  # decided elsewhere already
                    self.box.discard(card.id)
                self._take(card)

        self.app.push_screen(
            ConfirmDialog(_("Discard this card? It reaches nothing and cannot be brought back.")),
            answered,
        )

    def action_save_scale(self) -> None:
        if not self._allowed():
            return
        try:
            self.box.approve_scale()
        except (DropBoxError, SessionError) as error:
            self.notify(sentence(error), severity="warning")
            return
        self.query_one(ScaleChart).show(self.box.scale_summary())
        self.notify(_("The how-I-am counts are saved as one note; counting starts afresh."))

    def action_back(self) -> None:
        self.dismiss(None)
