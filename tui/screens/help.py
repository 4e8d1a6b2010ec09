"""The help screen: the keys and the ideas behind them, from ``help.md`` beside this module.

A page written in the language spoken (``help.de.md``, ``help.es.md``) is read instead
when there is one; otherwise the English page.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from circlekeeper.sessions.languages.speaking import N_, _, current_language
from circlekeeper.tui.crisis_keys import DIALOG_CRISIS
from circlekeeper.tui.widgets.keys_footer import KeysFooter


def remapped_keys(keymap: Mapping[str, str]) -> str:
    """A Markdown section naming the keys ``config.toml`` moved, for the top of the help.

    The tables below name the usual keys; this says which of them are elsewhere for you
    (the keys footer shows the new ones already).
    """
    rows = "\n".join(
        f"| `{markdown_code(keys)}` | `{binding_id}` |" for binding_id, keys in keymap.items()
    )
    heading = _("Your keys")
    intro = _(
        "Your settings file moves these keys; they replace the ones named below for the "
        "same action."
    )
    columns = "| {key} | {binding} |".format(key=_("Key"), binding=_("Binding id"))
    return f"## {heading}\n\n{intro}\n\n{columns}\n| --- | --- |\n{rows}\n\n"


def help_page(language: str) -> str:
    """The help page's Markdown in ``language`` (a code such as ``de``), else in English."""
    pages = files("circlekeeper.tui.screens")
    spoken = pages.joinpath(f"help.{language}.md")
    page = spoken if language.isalpha() and spoken.is_file() else pages.joinpath("help.md")
    return page.read_text(encoding="utf-8")


def markdown_code(text: str) -> str:
    """``text`` safe inside a Markdown code span in a table cell."""
    return text.replace("`", "'").replace("|", "\\|")


class HelpScreen(ModalScreen[None]):
    """Keys and guidance; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", N_("Close help"), id="help.close"),
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

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        text = help_page(current_language().code)
        if self._keymap:
            text = remapped_keys(self._keymap) + text
        with VerticalScroll():
            yield Markdown(text)
        yield KeysFooter()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
