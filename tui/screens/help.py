"""The help screen: the keys and the ideas behind them, from ``help.md`` beside this module."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.widgets.keys_footer import KeysFooter


class HelpScreen(ModalScreen[None]):
    """Keys and guidance; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        DIALOG_CRISIS,
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        text = files("circlekeeper.tui.screens").joinpath("help.md").read_text(encoding="utf-8")
        with VerticalScroll():
            yield Markdown(text)
        yield KeysFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
