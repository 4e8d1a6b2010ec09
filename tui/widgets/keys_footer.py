"""The footer of keys, without the memory it would otherwise keep from every redraw.

Textual's footer rebuilds its keys whenever the bindings change (each dialog opened or
closed), and binds each new key's ``compact`` to its own. Those bindings are watchers on
the footer that are never removed, so every key ever drawn stays in memory: about half a
megabyte per note taken over a session. Our footer's ``compact`` never changes, so each
key simply takes the value once instead of being bound to it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer


class KeysFooter(Footer):
    """A :class:`~textual.widgets.Footer` whose redraws leave nothing behind."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            for node in (widget, *widget._pending_children):
                self._unbind(node)
            yield widget

    def _unbind(self, node: Widget) -> None:
        connect = getattr(node, "_reactive_connect", None)
        if connect and "compact" in connect:
            del connect["compact"]
            node.set_reactive(type(node).compact, self.compact)
            node.set_class(self.compact, "-compact", update=False)
