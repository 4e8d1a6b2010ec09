"""Containers that draw nothing of their own but their background, drawn once a size.

When a running timer redraws its digits each second, Textual redraws every widget whose
container overlaps the change: the timer's own containers and their neighbours too, line
by line, through the machinery that draws borders, padding and words. A container with
no border, padding, title or scrollbar is the same blank line from top to bottom, so a
:class:`BareRow` has Textual draw that line once and shows it on every row, until its
size, place or style changes.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class BareRow(Horizontal):
    """A row of widgets, with no border, padding, title or scrollbar of its own."""

    def __init__(self, *children: Widget, id: str | None = None, classes: str | None = None):
        super().__init__(*children, id=id, classes=classes)
        self._line_for: tuple[object, ...] = ()
        """What :attr:`_line` was drawn for: the columns, the size and the style."""
        self._line: Strip | None = None
        """One row of the container as Textual draws it; every row is the same."""

    def render_lines(self, crop: Region) -> list[Strip]:
        key = (crop.x, crop.width, self.size, self.visual_style, self.background_colors)
        if key != self._line_for or self._line is None:
            self._line = super().render_lines(Region(crop.x, 0, crop.width, 1))[0]
            self._line_for = key
        return [self._line] * crop.height
