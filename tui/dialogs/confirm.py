"""A yes/no question that returns a bool."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.widgets.keys_footer import KeysFooter


class ConfirmDialog(ModalScreen[bool]):
    """Ask one question; dismisses with ``True`` for yes and ``False`` for no or escape."""

    BINDINGS = [
        Binding("escape", "answer(False)", N_("Cancel"), id="confirm.cancel"),
        Binding("y", "answer(True)", N_("Yes"), show=False, id="confirm.yes"),
        Binding("n", "answer(False)", N_("No"), show=False, id="confirm.no"),
        DIALOG_CRISIS,
    ]

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog > Vertical {
        width: 60;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog #confirm-question {
        margin-bottom: 1;
    }
    ConfirmDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog Button {
        margin-left: 2;
    }
    """

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        """Ask ``question``, with buttons ``yes`` and ``no`` (already translated).

        Args:
            question: The question, in the language spoken.
            yes: The button that answers yes; "Yes" in the language spoken when not given.
            no: The button that answers no; "No" in the language spoken when not given.
        """
        super().__init__()
        self.question = question
        self.yes_label = _("Yes") if yes is None else yes
        self.no_label = _("No") if no is None else no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal():
                yield Button(Content(self.no_label), id="no")
                yield Button(Content(self.yes_label), id="yes", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
