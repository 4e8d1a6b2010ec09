"""The crisis screen: the crisis resource, large, and nothing facilitator-only.

It covers whatever was on screen (a whole screen, not a dialog over the run screen), so
no guidance or note can show behind it while the screen is shared.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.engine.crisis import CRISIS_WORDS, CrisisChoice
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.qr_code import QrCode


class CrisisScreen(Screen[None]):
    """Shows one crisis resource; escape returns to where the facilitator was."""

    CSS_PATH = "crisis.tcss"
    BINDINGS = [Binding("escape", "close", "Back (timer stays paused)", id="crisis.back")]

    def __init__(self, choice: CrisisChoice) -> None:
        super().__init__()
        self.choice = choice

    def compose(self) -> ComposeResult:
        resource = self.choice.resource
        yield Static("Support is available", id="crisis-heading")
        yield Static("\n".join(CRISIS_WORDS), id="crisis-words")
        yield QrCode(resource.url, id="crisis-code")
        yield Static(resource.title, id="crisis-title", markup=False)
        yield Static(resource.url, id="crisis-url", markup=False)
        if not self.choice.configured:
            # No path here: it would show the facilitator's user name on a shared screen.
            yield Static(
                "This is the built-in helpline directory. To show your organisation's own "
                "crisis line instead, run 'circlekeeper resources' to find your resources "
                "file and add the line there as a link followed by (crisis).",
                id="crisis-setup",
                classes="facilitator-only",
                markup=False,
            )
        yield KeysFooter()

    def action_close(self) -> None:
        self.dismiss(None)
