"""The facilitator's short debrief after the end: optional, facilitator-only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog

SELF_CARE_REMINDER = N_(
    "Holding a group takes something out of you. Before the next thing: a glass of water, "
    "a few slow breaths, a short walk. If something heavy came up, talk it over with your "
    "own supervisor or peer facilitator, without names."
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


class DebriefDialog(FormDialog[DebriefDraft]):
    """Three short questions; escape skips the debrief."""

    BINDINGS = [Binding("ctrl+s", "submit", N_("Save"), id="debrief.save")]
    cancel_label = N_("Skip")

    def __init__(self, draft: DebriefDraft | None = None) -> None:
        super().__init__()
        self.draft = draft

    def compose_fields(self) -> ComposeResult:
        yield Static(_("Debrief: for you only, never in a handout (optional)"), markup=False)
        draft = self.draft
        yield Label(_("How did it go?"), markup=False)
        yield Input(
            draft.how_it_went if draft else "",
            id="how-it-went",
            max_length=2000,
            select_on_focus=False,
        )
        yield Label(
            _("Anything to follow up? (no names: they are checked like notes)"), markup=False
        )
        yield Input(
            draft.follow_up if draft else "", id="follow-up", max_length=2000, select_on_focus=False
        )
        yield Label(_("What will you do to look after yourself?"), markup=False)
        yield Input(
            draft.self_care if draft else "", id="self-care", max_length=2000, select_on_focus=False
        )
        yield Static(_(SELF_CARE_REMINDER), classes="hint", markup=False)

    def submit(self) -> None:
        how = self.query_one("#how-it-went", Input).value.strip()
        if not how:
            self.show_error(
                _("Write a word on how it went, or press escape to skip the debrief."),
                focus="#how-it-went",
            )
            return
        self.dismiss(
            DebriefDraft(
                how_it_went=how,
                follow_up=self.query_one("#follow-up", Input).value.strip(),
                self_care=self.query_one("#self-care", Input).value.strip(),
            )
        )
