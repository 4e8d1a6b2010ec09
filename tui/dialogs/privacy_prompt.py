"""Shown when a note looks like it holds personal data: edit, redact, or keep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.privacy.guard import Finding, redact
from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.widgets.keys_footer import KeysFooter

Choice = Literal["edit", "redact", "keep"]


class PrivacyPrompt(ModalScreen[Choice]):
    """Says what was found and where; dismisses with the facilitator's choice."""

    BINDINGS = [
        Binding("escape,e", "choose('edit')", N_("Edit"), id="privacy.edit"),
        Binding("r", "choose('redact')", N_("Redact"), id="privacy.redact"),
        Binding("k", "choose('keep')", N_("Keep as is"), id="privacy.keep"),
        DIALOG_CRISIS,
    ]

    DEFAULT_CSS = """
    PrivacyPrompt {
        align: center middle;
    }
    PrivacyPrompt > Vertical {
        width: 80;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    PrivacyPrompt #privacy-found {
        margin: 1 0;
    }
    PrivacyPrompt Horizontal {
        height: auto;
        align-horizontal: right;
    }
    PrivacyPrompt Button {
        margin-left: 2;
    }
    """

    def __init__(self, text: str, findings: Sequence[Finding]) -> None:
        super().__init__()
        self.text = text
        self.findings = tuple(findings)

    def compose(self) -> ComposeResult:
        found = "\n".join(f"• {f.label}: “{f.text}”" for f in self.findings)
        with Vertical():
            yield Static(Content.styled(_("This note may identify someone"), "bold"))
            yield Static(found, id="privacy-found", markup=False)
            yield Static(
                _("Redacted it would read:\n{text}").format(text=redact(self.text, self.findings)),
                id="privacy-redacted",
                markup=False,
            )
            with Horizontal():
                yield Button(Content(_("Edit (e)")), id="edit", variant="primary")
                yield Button(Content(_("Redact (r)")), id="redact")
                yield Button(Content(_("Keep as is (k)")), id="keep", variant="warning")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#edit", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)  # type: ignore[arg-type]
