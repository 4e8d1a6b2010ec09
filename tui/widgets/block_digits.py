"""A countdown's digits, as large as the room needs: they grow with the window.

Below a window of :data:`LARGE_FROM` they are Textual's three-row digits, legible at
80x24. From there up they are drawn in full blocks, each dot of a five-row font
:func:`scale_for` times as tall (and twice as wide, since a terminal's cell is about twice
as tall as it is wide), as large as the widget's width and the window's height allow, so
a projector at the back of a room shows them large.

The widget only draws what it is handed (:meth:`BlockDigits.update`); like the timers
that hold it, it never reads a clock, and it redraws only when its text changes.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.geometry import Size
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import Digits

from circlekeeper.tui.widgets.plain_lines import draws_plainly, plain_strip

LARGE_FROM = (120, 40)
"""The smallest window (columns, rows) drawn with block digits."""

ROWS_A_STEP = 20
"""How many more rows of window each step of size up takes."""

FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
"""Five rows of dots a character; ``#`` is drawn, ``.`` is not."""

FONT_ROWS = 5


def block_width(text: str, scale: int) -> int:
    """Columns ``text`` takes in block digits at ``scale``: two a dot, one between."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    return sum(len(g[0]) * 2 * scale for g in glyphs) + max(0, len(glyphs) - 1) * scale


def scale_for(text: str, width: int, window: Size) -> int:
    """How large ``text`` can be drawn: 0 for three-row digits, else the dots' size.

    Args:
        text: What is shown.
        width: The columns the widget has.
        window: The app's window.
    """
    if window.width < LARGE_FROM[0] or window.height < LARGE_FROM[1]:
        return 0
    scale = 1 + (window.height - LARGE_FROM[1]) // ROWS_A_STEP
    while scale > 0 and block_width(text, scale) > width:
        scale -= 1
    return scale


@lru_cache(maxsize=8)
def block_lines(text: str, scale: int) -> tuple[str, ...]:
    """``text`` in full blocks, each dot ``scale`` rows tall and twice as wide."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    gap = " " * scale
    lines = []
    for row in range(FONT_ROWS):
        line = gap.join(
            "".join(("█" if dot == "#" else " ") * 2 * scale for dot in glyph[row])
            for glyph in glyphs
        )
        lines.extend([line] * scale)
    return tuple(lines)


class BlockDigits(Digits):
    """Digits that grow with the window; three rows in a small one."""

    DEFAULT_CSS = """
    BlockDigits {
        width: 100%;
    }
    """

    def update(self, value: str) -> None:
        """Show ``value``; nothing is redrawn if it is what is shown already."""
        if value != self.value:
            super().update(value)

    @property
    def scale(self) -> int:
        """The size the digits are drawn at now (0: three rows)."""
        return scale_for(self.value, self.content_size.width, self.app.size)

    def render(self) -> VisualType:
        scale = self.scale
        if scale == 0:
            return super().render()
        return Content("\n".join(block_lines(self.value, scale)))

    def render_line(self, y: int) -> Strip:
        # Block digits are one style of plain characters, redrawn every second while a
        # timer runs: drawn straight to strips, they cost a fraction of Textual's layout.
        scale = self.scale
        if scale == 0 or not draws_plainly(self):
            return super().render_line(y)
        lines = block_lines(self.value, scale)
        width = self.size.width
        if any(len(line) > width for line in lines):
            return super().render_line(y)
        return plain_strip(self, lines[y] if y < len(lines) else "", y)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return DigitsRenderable.get_width(self.value)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        scale = scale_for(self.value, width, self.app.size)
        return 3 if scale == 0 else FONT_ROWS * scale
