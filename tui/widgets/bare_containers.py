"""Containers that draw nothing of their own but their background, drawn once a size.

When a running timer redraws its digits each second, Textual redraws every widget whose
container overlaps the change: the timer's own containers and their neighbours too, line
by line, through the machinery that draws borders, padding and words. A container with
no border, title or scrollbar is the same line from top to bottom (its padding is as
blank as the rest), so a :class:`BareRow` has Textual draw that line once and shows it on
every row, until its size, place or style changes.

The same holds the other way: a widget inside a :class:`BareColumn` of its own is
redrawn only when a change overlaps that column, so a column around each of a ticking
widget's neighbours keeps them out of its redraw, at the cost of one repeated line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import ContentSwitcher

ResultType = TypeVar("ResultType")


class BareRow(Horizontal):
    """A row of widgets, with no border, title or scrollbar of its own."""

    _line_for: tuple[object, ...] = ()
    """What :attr:`_line` was drawn for: the columns, the size and the style."""
    _line: Strip | None = None
    """One row of the container as Textual draws it; every row is the same."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return _repeated_line(self, crop, super().render_lines)


class BareColumn(Vertical):
    """A column of widgets, with no border, title or scrollbar of its own.

    One that holds the widgets beside a ticking one keeps them out of its redraw: Textual
    redraws a container's children only when the container overlaps the change.
    """

    _line_for: tuple[object, ...] = ()
    _line: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        return _repeated_line(self, crop, super().render_lines)


class BareScreen(Screen[ResultType]):
    """A screen whose own background, beneath its widgets, is drawn as one repeated line.

    Textual draws the screen itself beneath every change, all of its rows.
    """

    _line_for: tuple[object, ...] = ()
    _line: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        return _repeated_line(self, crop, super().render_lines)


class BareSwitcher(ContentSwitcher):
    """A :class:`~textual.widgets.ContentSwitcher` with no border, title or scrollbar of its
    own: beneath the pane it shows, it draws one repeated line."""

    _line_for: tuple[object, ...] = ()
    _line: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        return _repeated_line(self, crop, super().render_lines)


class FramedScroll(VerticalScroll):
    """A scrolling pane in a plain border, whose rows between the top and bottom edges
    are one repeated line: its words and scroll bar are widgets of their own, drawn over
    it, so Textual need draw only its edges and one inner row."""

    _line_for: tuple[object, ...] = ()
    _lines: list[Strip] = []
    """The top edge, one inner row and the bottom edge, as Textual draws them."""

    def render_lines(self, crop: Region) -> list[Strip]:
        height = self.outer_size.height
        key = (crop.x, crop.width, self.outer_size, self.visual_style, self.styles.border)
        if key != self._line_for or not self._lines:
            rows = [0, 1, height - 1] if height >= 3 else list(range(height))
            self._lines = [
                super(FramedScroll, self).render_lines(Region(crop.x, y, crop.width, 1))[0]
                for y in rows
            ]
            self._line_for = key
        if len(self._lines) < 3:
            return [self._lines[y] for y in range(crop.y, crop.bottom)]
        top, inner, bottom = self._lines
        return [
            top if y == 0 else bottom if y == height - 1 else inner
            for y in range(crop.y, crop.bottom)
        ]


def _repeated_line(
    container: BareRow | BareColumn | BareScreen[Any] | BareSwitcher,
    crop: Region,
    draw: Callable[[Region], list[Strip]],
) -> list[Strip]:
    """``crop`` of ``container``: its first line, drawn by ``draw`` when anything changed."""
    # The style is worked out again whenever styles are applied to the container (a new
    # theme, a class on the app), and holds the background of everything beneath it, so
    # the ancestors' colours need not be summed again on every redraw.
    key = (crop.x, crop.width, container.size, container.visual_style)
    if key != container._line_for or container._line is None:
        container._line = draw(Region(crop.x, 0, crop.width, 1))[0]
        container._line_for = key
    return [container._line] * crop.height
