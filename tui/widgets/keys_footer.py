"""The footer of keys: every key the screen offers, with what it does, on as many lines as
the window needs.

Textual's own footer is one line that clips what does not fit: at 80 or 100 columns a
facilitator lost sight of End, Resources and Rebalance. This one lays the keys out in
rows, never splitting a key from its words, and grows a line rather than hiding one. It
draws one piece of text instead of a widget per key, so redrawing it as dialogs open and
close leaves nothing behind in memory. A key is also a button: clicking it presses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.view import is_shared

if TYPE_CHECKING:
    from textual.screen import Screen

GAP = "  "
"""Between two keys on a line."""


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    """The key's name, pressed when the label is clicked."""
    display: str
    """How the key is written: ``space``, ``]``, ``^p``."""
    description: str
    """What it does, in a word or two."""
    enabled: bool
    """Whether it does anything now."""

    @property
    def width(self) -> int:
        return len(self.display) + 1 + len(self.description)


class KeysFooter(Widget):
    """The screen's keys and what they do, wrapped to the window's width."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--disabled",
    }

    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: auto;
        padding: 0 1;
        color: $footer-foreground;
        background: $footer-background;
        link-style: none;
        link-background-hover: $block-hover-background;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
        }
        & > .keys-footer--disabled {
            text-style: dim;
        }
    }
    """

    hidden: reactive[frozenset[str]] = reactive(frozenset(), layout=True)
    """Ids of bindings not to show for now (the screen's facilitator keys while sharing)."""

    def on_mount(self) -> None:
        # Keys are the facilitator's: no footer on a shared screen. The app says so to
        # footers already there when the view changes (:meth:`shared`).
        self.shared(is_shared(self))
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def shared(self, shared: bool) -> None:
        """Leave the screen while it is shared, and come back after."""
        self.display = not shared

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh(layout=True)

    def keys(self) -> list[Key]:
        """The keys to show, in the order the screen and the app declare them."""
        screen = self.screen
        shown: dict[str, Key] = {}
        palette: Key | None = None
        for pressed, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            # Descriptions are marked where the bindings are declared, at import, and
            # translated here, each time they are shown.
            words = _(binding.description) if binding.description else ""
            key = Key(binding.key, self.app.get_key_display(binding), words, enabled)
            if pressed == self.app.COMMAND_PALETTE_BINDING:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = key
            elif binding.show and binding.id not in self.hidden and binding.action not in shown:
                # Two keys for one action (tab and enter, say) are shown once.
                shown[binding.action] = key
        return [*shown.values(), *([palette] if palette else [])]

    def rows(self, width: int) -> list[list[Key]]:
        """The keys in rows no wider than ``width``, each key whole on one row."""
        rows: list[list[Key]] = []
        used = 0
        for key in self.keys():
            if rows and used + len(GAP) + key.width <= width:
                rows[-1].append(key)
                used += len(GAP) + key.width
            else:
                rows.append([key])
                used = key.width
        return rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.rows(width)))

    def render(self) -> Content:
        key_style = self.get_visual_style("keys-footer--key", partial=True)
        words_style = self.get_visual_style("keys-footer--description", partial=True)
        disabled = self.get_visual_style("keys-footer--disabled", partial=True)
        lines = []
        for row in self.rows(self.content_size.width):
            parts: list[Content | str] = []
            for key in row:
                if parts:
                    parts.append(GAP)
                press = Style.from_meta({"@click": f"press({key.key!r})"})
                dim = disabled if not key.enabled else Style.null()
                parts.append(Content.styled(key.display, key_style + dim + press))
                parts.append(Content.styled(" " + key.description, words_style + dim + press))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)

    def action_press(self, key: str) -> None:
        """Press ``key``, as clicking its label asks."""
        self.app.simulate_key(key)
