"""The facilitator's short debrief after the end: optional, facilitator-only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

SELF_CARE_REMINDER = (
    "Holding a group takes something out of you. Before the next thing: a glass of water, "
    "a few slow breaths, a short walk. If something heavy came up, talk it over with your "
    "own supervisor or peer facilitator — without names."
)


@dataclass(frozen=True)
class DebriefDraft:
    """What the facilitator wrote; saved facilitator-only."""

    how_it_went: str
    """How the session went."""
    follow_up: str
    """Anything to follow up."""
    self_care: str
    """What they will do for themselves."""


class DebriefDialog(ModalScreen[DebriefDraft | None]):
    """Three short questions; escape skips the debrief."""

    BINDINGS = [
        Binding("escape", "skip", "Skip", id="debrief.skip"),
        Binding("ctrl+s", "save", "Save", id="debrief.save"),
    ]

    DEFAULT_CSS = """
    DebriefDialog {
        align: center middle;
    }
    DebriefDialog > Vertical {
        width: 80;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    DebriefDialog .hint {
        color: $text-muted;
    }
    DebriefDialog #debrief-error {
        color: $text-error;
        height: auto;
    }
    DebriefDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    DebriefDialog Button {
        margin-left: 2;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Debrief[/b] — for you only, never in a handout (optional)")
            yield Label("How did it go?")
            yield Input(id="how-it-went", max_length=2000)
            yield Label("Anything to follow up?")
            yield Input(id="follow-up", max_length=2000)
            yield Label("What will you do to look after yourself?")
            yield Input(id="self-care", max_length=2000)
            yield Static(SELF_CARE_REMINDER, classes="hint")
            yield Static("", id="debrief-error")
            with Horizontal():
                yield Button("Skip", id="skip")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#how-it-went", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_skip(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        how = self.query_one("#how-it-went", Input).value.strip()
        if not how:
            self.query_one("#debrief-error", Static).update(
                "Write a word on how it went, or press escape to skip the debrief."
            )
            return
        self.dismiss(
            DebriefDraft(
                how_it_went=how,
                follow_up=self.query_one("#follow-up", Input).value.strip(),
                self_care=self.query_one("#self-care", Input).value.strip(),
            )
        )
