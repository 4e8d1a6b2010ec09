"""The note editor: a few words, a kind, and whether the note is for the facilitator only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton


@dataclass(frozen=True)
class NoteDraft:
    """What the facilitator wrote, not yet checked or saved."""

    text: str
    """The note's words."""
    kind: NoteKind
    """What it is about."""
    facilitator_only: bool
    """Never to reach a participant handout."""


class NoteKinds(RadioSet):
    """The kind buttons, where enter chooses the highlighted kind and saves the note."""

    BINDINGS = [Binding("enter", "choose_and_save", N_("Save"), show=False)]

    _chosen_by_enter: RadioButton | None = None

    def chosen(self) -> RadioButton | None:
        """The kind chosen: the one enter was pressed on, else the one pressed before."""
        return self._chosen_by_enter or self.pressed_button

    async def action_choose_and_save(self) -> None:
        # The set learns of a newly pressed button only through a message, after this
        # key; so the button enter was pressed on is remembered and read from here.
        highlighted = self.query(".-selected")
        if highlighted:
            button = highlighted.first(RadioButton)
            button.value = True
            self._chosen_by_enter = button
        await self.run_action("screen.submit")
        self._chosen_by_enter = None


class NotePrivateBox(MarkedCheckbox):
    """The facilitator-only box, where enter saves the note instead of ticking it."""

    # In a form, enter saves wherever the focus is; space still ticks the box.
    BINDINGS = [Binding("enter", "screen.submit", N_("Save"), show=False)]


class NoteEditor(FormDialog[NoteDraft]):
    """Write a note; enter or ctrl+s saves, escape cancels.

    What was written when it is cancelled is kept in :attr:`set_aside`, for the screen
    that opened it to offer again: a stray escape never loses a facilitator's words.
    """

    BINDINGS = [Binding("ctrl+s", "submit", N_("Save"), id="note.save")]

    DEFAULT_CSS = """
    NoteEditor RadioSet {
        layout: horizontal;
        width: 100%;
        height: auto;
    }
    """

    def __init__(
        self,
        draft: NoteDraft | None = None,
        *,
        title: str | None = None,
        hint: str | None = None,
    ) -> None:
        """Open on ``draft``, under ``title`` and ``hint`` (in the language spoken).

        Args:
            draft: What the boxes hold at first.
            title: The heading; "New note" in the language spoken when not given.
            hint: The line beneath; a reminder to leave names out when not given.
        """
        super().__init__()
        self.draft = draft
        self.heading = _("New note") if title is None else title
        self.hint = _("A few words, without anyone's name.") if hint is None else hint
        self.set_aside: NoteDraft | None = None
        """What the editor held when it was cancelled; None when it was empty or saved."""

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        kind = draft.kind if draft else NoteKind.THEME
        yield Static(self.heading, markup=False)
        yield Static(self.hint, classes="hint", markup=False)
        # Words brought back are added to, not replaced by the first key pressed.
        yield Input(
            value=draft.text if draft else "",
            id="note-text",
            max_length=2000,
            select_on_focus=False,
        )
        with NoteKinds(id="note-kind"):
            for each in NoteKind:
                yield MarkedRadioButton(Content(each.label), value=each is kind, name=each.value)
        yield NotePrivateBox(
            Content(_("Facilitator only (never in the participant handout)")),
            value=draft.facilitator_only if draft else False,
            id="note-private",
        )
        yield Static(_("enter or ctrl+s saves · space chooses"), classes="hint", markup=False)

    def _written(self) -> NoteDraft | None:
        """What the fields hold now; None when no words are written."""
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            return None
        pressed = self.query_one(NoteKinds).chosen()
        kind = NoteKind(pressed.name) if pressed is not None and pressed.name else NoteKind.THEME
        private = self.query_one("#note-private", Checkbox).value
        return NoteDraft(text=text, kind=kind, facilitator_only=private)

    def submit(self) -> None:
        draft = self._written()
        if draft is None:
            self.show_error(_("Write a few words first."), focus="#note-text")
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.set_aside = self._written()
        super().action_cancel()
