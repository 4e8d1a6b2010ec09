"""What every small form dialog shares: a framed box, an error line, Cancel and a main button.

A subclass composes its fields inside :meth:`FormDialog.compose_fields` and decides in
:meth:`FormDialog.submit` whether to dismiss with a result or :meth:`FormDialog.show_error`.
Enter in a text box moves to the next box, and from the last one submits; escape cancels.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.widgets.keys_footer import KeysFooter

ResultType = TypeVar("ResultType")


class FormDialog(ModalScreen[ResultType | None]):
    """A modal form; dismisses with a result, or ``None`` when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel"), DIALOG_CRISIS]

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
    }
    FormDialog > .form-box {
        width: 76;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    FormDialog .hint {
        color: $text-muted;
    }
    FormDialog .form-error {
        color: $text-error;
        height: auto;
    }
    FormDialog .form-buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    FormDialog .form-buttons Button {
        margin-left: 2;
    }
    """

    submit_label = N_("Save")
    """The main button's label, in English: translated when shown."""
    cancel_label = N_("Cancel")
    """The other button's label, in English: translated when shown."""

    def compose(self) -> ComposeResult:
        # The box scrolls when the window is too short for it, keeping the focused box
        # in view: at 80x24 a long form would otherwise hide its last box and buttons.
        with VerticalScroll(classes="form-box"):
            yield from self.compose_fields()
            yield Static("", classes="form-error", markup=False)
            with Horizontal(classes="form-buttons"):
                # Every dialog has one order: the way back (what escape does) on the left,
                # the main action on the right. Enter in the last box still submits.
                yield Button(Content(_(self.cancel_label)), id="cancel")
                yield Button(Content(_(self.submit_label)), id="submit", variant="primary")
        yield KeysFooter()

    def compose_fields(self) -> ComposeResult:
        """The form's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        problem = self.check_field(event.input)
        if problem:
            self.show_error(problem)
            return
        self.show_error("")
        if event.input is inputs[-1]:
            self.submit()
        else:
            inputs[inputs.index(event.input) + 1].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.submit()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        self.submit()

    def check_field(self, field: Input) -> str | None:
        """What is wrong with one field as enter leaves it, or ``None``."""
        return None

    def submit(self) -> None:
        """Check the fields, then dismiss with the result or show what is wrong."""
        raise NotImplementedError

    def show_error(self, message: str, focus: str | None = None) -> None:
        """Say what is wrong, and move to the field that needs fixing."""
        self.query_one(".form-error", Static).update(message)
        if focus is not None:
            self.query_one(focus).focus()
