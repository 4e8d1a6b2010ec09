"""Lets the facilitator add a link on the spot; the link is checked before it is accepted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from circlekeeper.sessions.agenda import Resource
from circlekeeper.sessions.links import check_url


class AddResourceDialog(ModalScreen[Resource | None]):
    """Title and link; dismisses with a checked :class:`Resource` or ``None``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add-resource.cancel")]

    DEFAULT_CSS = """
    AddResourceDialog {
        align: center middle;
    }
    AddResourceDialog > Vertical {
        width: 76;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    AddResourceDialog #add-resource-error {
        color: $text-error;
        height: auto;
        margin-top: 1;
    }
    AddResourceDialog Horizontal {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    AddResourceDialog Button {
        margin-left: 2;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Add a resource[/b] — participants will scan it as a QR code")
            yield Label("What it is")
            yield Input(placeholder="e.g. Our EAP's booking page", id="resource-title")
            yield Label("Link (https, http, mailto or tel)")
            yield Input(placeholder="https://…", id="resource-url")
            yield Static("", id="add-resource-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Add", id="add", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#resource-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "resource-title":
            self.query_one("#resource-url", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _submit(self) -> None:
        url = self.query_one("#resource-url", Input).value.strip()
        title = self.query_one("#resource-title", Input).value.strip() or url
        problem = check_url(url)
        if problem:
            self.query_one("#add-resource-error", Static).update(f"Not added: {problem}.")
            self.query_one("#resource-url", Input).focus()
            return
        self.dismiss(Resource(title=title, url=url))
