"""Shown instead of any screen while the terminal is smaller than the app needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.languages.speaking import _


class TooSmallScreen(Screen[None]):
    """Says how large the window must be; the app removes it once the window is large enough."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $panel;
    }
    TooSmallScreen #too-small-message {
        width: auto;
        max-width: 100%;
        padding: 0 1;
        text-align: center;
        text-style: bold;
    }
    """

    def __init__(self, need: tuple[int, int], have: tuple[int, int]) -> None:
        super().__init__()
        self.need = need
        self.have = have

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._message(), id="too-small-message")

    def on_screen_resume(self) -> None:
        width, height = self.app.size
        if width >= self.need[0] and height >= self.need[1]:
            self.dismiss(None)

    def update_size(self, have: tuple[int, int]) -> None:
        """Show the window's new size."""
        self.have = have
        self.query_one("#too-small-message", Static).update(self._message())

    def _message(self) -> str:
        need_w, need_h = self.need
        have_w, have_h = self.have
        return _(
            "This window is {have_w}x{have_h}.\n"
            "circlekeeper needs at least {need_w}x{need_h}.\n"
            "Make the window larger (or the font smaller);\n"
            "everything comes back as it was."
        ).format(have_w=have_w, have_h=have_h, need_w=need_w, need_h=need_h)
