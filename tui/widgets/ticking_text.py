"""A line of words that changes often, such as a countdown's, redrawn as cheaply as it can be.

A :class:`~textual.widgets.Static`'s ``update`` lays out the whole screen again, whether the
words changed or not. A timer's words change every second for as long as a group runs,
and almost always keep their length ("9:59 left" after "10:00 left" is the exception),
so :meth:`TickingText.show` skips words that are already shown, and redraws the widget
alone, without a layout, when the new words take exactly the room the old ones took. A
line that fits is drawn straight to a strip (:mod:`~circlekeeper.tui.widgets.plain_lines`).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.strip import Strip
from textual.widgets import Static

from circlekeeper.tui.widgets.plain_lines import draws_plainly, fits_plainly, plain_strip


def same_room(old: str, new: str, width: int) -> bool:
    """Whether ``new`` takes the same room as ``old`` in a widget ``width`` columns wide.

    Both must be one line that fits the width unwrapped, of the same number of cells;
    then the widget's size, and so every other widget's place, cannot change.
    """
    if "\n" in old or "\n" in new:
        return False
    length = cell_len(old)
    return length == cell_len(new) and 0 < length <= width


class TickingText(Static):
    """Plain words (never markup) that are redrawn only when they change."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.text = ""
        """The words shown now."""

    def show(self, text: str) -> None:
        """Show ``text``: nothing happens if it is shown already; no layout if it fits as is."""
        if text == self.text:
            return
        old, self.text = self.text, text
        self.update(text, layout=not same_room(old, text, self.content_size.width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not fits_plainly(self.text, width) or not draws_plainly(self):
            return super().render_line(y)
        return plain_strip(self, self.text if y == 0 else "", y)
