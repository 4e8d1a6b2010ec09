"""The crisis screen: the crisis resource, large, and nothing facilitator-only.

It covers whatever was on screen (a whole screen, not a dialog over the run screen), so
no guidance or note can show behind it while the screen is shared.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.engine.crisis import CRISIS_WORDS, HELPLINE_DIRECTORY, CrisisChoice
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.qr_code import QrCode


class CrisisScreen(Screen[None]):
    """Shows one crisis resource; escape returns to where the facilitator was.

    Args:
        choice: The crisis resource to show.
        paused: Whether the crisis key paused a running timer, which the way back says
            stays paused; opened from anywhere else, there is no timer to speak of.
    """

    CSS_PATH = "crisis.tcss"
    offers_crisis_key = False
    """The crisis key is what brought this screen up: its footer does not offer it again."""
    # One key, two wordings: check_action leaves the one that fits.
    BINDINGS = [
        Binding("escape", "close", N_("Back"), id="crisis.back"),
        Binding("escape", "close_paused", N_("Back (timer stays paused)"), id="crisis.back-paused"),
    ]

    def __init__(self, choice: CrisisChoice, *, paused: bool = False) -> None:
        super().__init__()
        self.choice = choice
        self.paused = paused

    def compose(self) -> ComposeResult:
        resource = self.choice.resource
        yield Static(_("Support is available"), id="crisis-heading", markup=False)
        yield Static("\n".join(_(words) for words in CRISIS_WORDS), id="crisis-words")
        yield QrCode(resource.url, id="crisis-code")
        # Only the built-in directory's title is the app's own words; any other is data.
        title = _(resource.title) if resource == HELPLINE_DIRECTORY else resource.title
        yield Static(title, id="crisis-title", markup=False)
        yield Static(resource.url, id="crisis-url", markup=False)
        if not self.choice.configured:
            # No path here: it would show the facilitator's user name on a shared screen.
            yield Static(
                _(
                    "This is the built-in helpline directory. To show your organisation's "
                    "own crisis line instead, run 'circlekeeper resources' to find your "
                    "resources file and add the line there as a link followed by (crisis)."
                ),
                id="crisis-setup",
                classes="facilitator-only",
                markup=False,
            )
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("close", "close_paused"):
            return (action == "close_paused") == self.paused
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_close_paused(self) -> None:
        self.dismiss(None)
