"""The note editor: a few words, a kind, and whether the note is for the facilitator only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from circlekeeper.sessions.notes import NoteKind


@dataclass(frozen=True)
class NoteDraft:
    """What the facilitator wrote, not yet checked or saved."""

    text: str
    """The note's words."""
    kind: NoteKind
    """What it is about."""
    facilitator_only: bool
    """Never to reach a participant handout."""


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Write a note; ctrl+s or enter saves, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "Save", id="note.save"),
    ]

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }
    NoteEditor > Vertical {
        width: 76;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    NoteEditor RadioSet {
        layout: horizontal;
        width: 100%;
        height: auto;
    }
    NoteEditor .hint {
        color: $text-muted;
    }
    NoteEditor #note-error {
        color: $text-error;
        height: auto;
    }
    NoteEditor Horizontal {
        height: auto;
        align-horizontal: right;
    }
    NoteEditor Button {
        margin-left: 2;
    }
    """

    def __init__(self, draft: NoteDraft | None = None, *, title: str = "New note") -> None:
        super().__init__()
        self.draft = draft
        self.heading = title

    def compose(self) -> ComposeResult:
        draft = self.draft
        kind = draft.kind if draft else NoteKind.THEME
        with Vertical():
            yield Static(f"[b]{self.heading}[/b]")
            yield Static("A few words, without anyone's name.", classes="hint")
            yield Input(value=draft.text if draft else "", id="note-text", max_length=2000)
            with RadioSet(id="note-kind"):
                for each in NoteKind:
                    yield RadioButton(each.label, value=each is kind, name=each.value)
            yield Checkbox(
                "Facilitator only (never in the participant handout)",
                value=draft.facilitator_only if draft else False,
                id="note-private",
            )
            yield Static("", id="note-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.query_one("#note-error", Static).update("Write a few words first.")
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind = NoteKind(pressed.name) if pressed is not None and pressed.name else NoteKind.THEME
        private = self.query_one("#note-private", Checkbox).value
        self.dismiss(NoteDraft(text=text, kind=kind, facilitator_only=private))
