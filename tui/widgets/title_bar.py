"""The line at the top of every screen: the app's name and which view is on.

It says FACILITATOR VIEW or PARTICIPANT VIEW in words, and the participant view also
changes its colour (app.tcss), so whoever shares the screen can see at a glance which
one the room is looking at.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """The app's title and subtitle, centred on one line, kept up to date."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        content-align: center middle;
        text-style: bold;
        color: $foreground;
        background: $panel;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle)
        self.watch(self.app, "sub_title", self._retitle)

    def _retitle(self) -> None:
        # Titles are plain words, never markup.
        words = f"{self.app.title} — {self.app.sub_title}" if self.app.sub_title else self.app.title
        self.update(Content(words))
