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

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
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

    _drawn: list[Strip] = []
    """The rows of keys as last drawn."""

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

    def render_lines(self, crop: Region) -> list[Strip]:
        # The keys are laid out once for each drawing of the footer, then drawn a row at a
        # time.
        self._drawn = self._draw(self.content_size.width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if 0 <= y < len(self._drawn):
            return self._drawn[y]
        return Strip.blank(self.content_size.width, self.visual_style.rich_style)

    def _draw(self, width: int) -> list[Strip]:
        """Each row of keys as one strip: every key's name and words a run each, in their
        styles, both a link that presses the key when clicked (and lit together on hover)."""
        plain = self.visual_style.rich_style
        # A key is a link, drawn in the footer's link colours as Textual draws links.
        link = self.link_style
        looks = {
            enabled: (
                self.get_visual_style("keys-footer--key", *dim).rich_style,
                self.get_visual_style("keys-footer--description", *dim).rich_style,
            )
            for enabled, dim in ((True, ()), (False, ("keys-footer--disabled",)))
        }
        drawn = []
        for row in self.rows(width):
            segments: list[Segment] = []
            for key in row:
                if segments:
                    segments.append(Segment(GAP, plain))
                press = RichStyle.from_meta({"@click": f"press({key.key!r})"})
                key_look, words_look = looks[key.enabled]
                segments.append(Segment(key.display, key_look + press + link))
                segments.append(Segment(" " + key.description, words_look + press + link))
            drawn.append(Strip(segments))
        return drawn

    def action_press(self, key: str) -> None:
        """Press ``key``, as clicking its label asks."""
        self.app.simulate_key(key)
