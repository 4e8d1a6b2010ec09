"""Asks what the engine needs before a session starts: attendance and the watch list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


@dataclass(frozen=True)
class StartChoice:
    """What the facilitator entered."""

    attendance: int
    """How many people are in the group (a number, never a list of names)."""
    watch_names: tuple[str, ...]
    """First names to watch for in notes; kept in memory only."""


MAX_ATTENDANCE = 200


class StartSessionDialog(ModalScreen[StartChoice | None]):
    """Attendance and watch list; dismisses with a :class:`StartChoice` or ``None``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="start.cancel")]

    DEFAULT_CSS = """
    StartSessionDialog {
        align: center middle;
    }
    StartSessionDialog > Vertical {
        width: 72;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    StartSessionDialog Label {
        margin-top: 1;
    }
    StartSessionDialog .hint {
        color: $text-muted;
    }
    StartSessionDialog #start-error {
        color: $error;
        height: auto;
    }
    StartSessionDialog Horizontal {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    StartSessionDialog Button {
        margin-left: 2;
    }
    """

    def __init__(self, title: str, *, resuming: bool = False) -> None:
        super().__init__()
        self.agenda_title = title
        self.resuming = resuming

    def compose(self) -> ComposeResult:
        with Vertical():
            verb = "" if self.resuming else "Start: "
            yield Static(f"[b]{verb}{self.agenda_title}[/b]", markup=True)
            if self.resuming:
                yield Static(
                    "The watch list was not saved (it never is): enter it again if you "
                    "want notes checked for those names.",
                    classes="hint",
                )
            yield Label("How many people are in the group?")
            yield Input(placeholder="e.g. 8", type="integer", id="attendance")
            yield Label("First names to watch for in notes (optional)")
            yield Input(placeholder="e.g. Maria, José, Sam", id="watch")
            yield Static(
                "Kept in memory only, never saved: notes that mention one of these names "
                "are flagged before they are saved.",
                classes="hint",
            )
            yield Static("", id="start-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Start", id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#attendance", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "attendance":
            self.query_one("#watch", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _submit(self) -> None:
        raw = self.query_one("#attendance", Input).value.strip()
        error = self.query_one("#start-error", Static)
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_ATTENDANCE:
            error.update(f"Enter how many people are here: a number from 1 to {MAX_ATTENDANCE}.")
            self.query_one("#attendance", Input).focus()
            return
        names = tuple(
            name.strip()
            for name in self.query_one("#watch", Input).value.split(",")
            if name.strip()
        )
        self.dismiss(StartChoice(attendance=int(raw), watch_names=names))
