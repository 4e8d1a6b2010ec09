"""The first lines of an agenda, drawn plainly for the home screen's first frame.

The home screen shows the highlighted agenda in full, as markdown, a moment after it
appears: the markdown renderer loads after the first frame. Until then a sketch stands
in its place: the agenda's lines as written, headings in bold without their marks. Each
is one run of characters on a row, with only a line too wide for the pane wrapped, where
Textual would lay out, wrap and measure every line of a piece of text before drawing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from circlekeeper.tui.widgets.plain_lines import wrapped

BOLD = Style(bold=True)


class SketchLine(NamedTuple):
    """One line of the sketch."""

    text: str
    """Its words, as written."""
    heading: bool
    """Whether it is a heading, drawn in bold."""


class AgendaSketch(Widget):
    """Lines of words, headings in bold, each wrapped only when too wide."""

    DEFAULT_CSS = """
    AgendaSketch {
        height: auto;
    }
    """

    def __init__(self, lines: Sequence[SketchLine], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = tuple(lines)
        """What the sketch shows."""
        self._rows: list[SketchLine] = []
        self._rows_width = -1

    def _rows_for(self, width: int) -> list[SketchLine]:
        if width != self._rows_width:
            self._rows = [
                SketchLine(row, line.heading)
                for line in self.lines
                for row in wrapped(line.text, width)
            ]
            self._rows_width = width
        return self._rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows_for(width))

    def render_line(self, y: int) -> Strip:
        rows = self._rows_for(self.content_size.width)
        style = self.visual_style.rich_style
        if not 0 <= y < len(rows) or not rows[y].text:
            return Strip.blank(self.content_size.width, style)
        text, heading = rows[y]
        return Strip([Segment(text, style + BOLD if heading else style)])
