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

from rich.style import Style
from textual.content import Content
from textual.geometry import Region, Size
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

KEPT_STRIPS = 64
"""How many drawn lines a widget keeps for reuse: a few seconds' worth at any size."""


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

    def __init__(
        self, value: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(value, id=id, classes=classes)
        self._strips: dict[tuple[str, int, Style], Strip] = {}
        """Lines drawn lately, by their words, row and style: most rows of a countdown's
        blocks read the same from one second to the next."""
        self._rows_for: tuple[object, ...] = ()
        """What :attr:`_rows` was worked out for: the value, the sizes and the style."""
        self._rows: tuple[str, ...] | None = None
        """The rows of blocks this widget draws itself now; None: Textual draws them."""

    def update(self, value: str) -> None:
        """Show ``value``: only the rows of blocks that change are redrawn, without a layout.

        Nothing is redrawn if ``value`` is shown already. In blocks, a second's change
        touches a digit or two, and often only some of their rows.
        """
        old = self.value
        if value == old:
            return
        width = self.content_size.width
        scale = scale_for(old, width, self.app.size)
        if (
            scale == 0
            or scale != scale_for(value, width, self.app.size)
            or DigitsRenderable.get_width(value) != DigitsRenderable.get_width(old)
        ):
            super().update(value)
            return
        before, after = block_lines(old, scale), block_lines(value, scale)
        self._value = value
        changed = [
            Region(0, y, width, 1)
            for y, (was, now) in enumerate(zip(before, after, strict=True))
            if was != now
        ]
        if changed:
            self.refresh(*changed)

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
        rows = self._plain_rows()
        if rows is None or self.text_selection is not None:
            return super().render_line(y)
        text = rows[y] if y < len(rows) else ""
        key = (text, y, self.visual_style.rich_style)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= KEPT_STRIPS:
                self._strips.clear()
            strip = self._strips[key] = plain_strip(self, text, y)
        return strip

    def _plain_rows(self) -> tuple[str, ...] | None:
        """The rows of blocks to draw as plain lines now, or None to leave them to Textual.

        Worked out once for each value, size and style, not for each line drawn.
        """
        key = (self.value, self.size, self.app.size, self.visual_style)
        if key != self._rows_for:
            self._rows_for = key
            scale = self.scale
            rows = block_lines(self.value, scale) if scale else None
            fits = rows is not None and all(len(row) <= self.size.width for row in rows)
            self._rows = rows if fits and draws_plainly(self) else None
        return self._rows

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return DigitsRenderable.get_width(self.value)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        scale = scale_for(self.value, width, self.app.size)
        return 3 if scale == 0 else FONT_ROWS * scale
