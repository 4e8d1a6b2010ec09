"""Lines of plain words drawn straight to the screen's strips, for widgets redrawn every second.

Textual draws a widget's words by laying them out as rich content: it parses, wraps,
aligns and styles them, each time the widget is refreshed. For a running timer's digits
and words that is most of what a second costs, though they are one style of plain
characters on lines that never wrap. :func:`plain_strip` draws such a line as Textual
would, in the widget's own style and padded to its width, without the layout;
:func:`draws_plainly` says when a widget's styles leave nothing else for Textual to do,
so a widget can fall back to Textual's own drawing whenever they do not.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget


def draws_plainly(widget: Widget) -> bool:
    """Whether ``widget``'s lines are plain words at its left, with nothing selected.

    Selected text, or words aligned anywhere but the top left, are left to Textual.
    """
    styles = widget.styles
    return (
        widget.text_selection is None
        and styles.text_align in ("left", "start")
        and tuple(styles.content_align) == ("left", "top")
    )


def fits_plainly(text: str, width: int) -> bool:
    """Whether ``text`` is one line that ``width`` columns hold as it is, unwrapped."""
    return (
        "\n" not in text and text == text.strip() and text.isprintable() and cell_len(text) <= width
    )


def wrapped(text: str, width: int) -> list[str]:
    """``text`` (one line) as the rows ``width`` columns show it: itself when it fits,
    else wrapped between words as Textual wraps words."""
    if width <= 0 or cell_len(text) <= width:
        return [text]
    return [row.plain for row in Content(text).wrap(width)]


def plain_strip(widget: Widget, text: str, y: int) -> Strip:
    """``text`` as line ``y`` of ``widget``'s content, in the widget's style.

    As Textual's own drawing leaves it: unpadded (the widget's frame pads it to its width)
    and marked with where each cell is, for selecting text with the mouse.
    """
    style = widget.visual_style.rich_style
    if not text:
        return Strip.blank(widget.size.width, style)
    return Strip([Segment(text, _placed(style, y))], cell_len(text))


@lru_cache(maxsize=256)
def _placed(style: Style, y: int) -> Style:
    """``style`` marked as line ``y``'s, as :meth:`Strip.apply_offsets` marks a line's
    one segment; made once for each style and line rather than for each second."""
    offset = Style.from_meta({"offset": (0, y)})
    return style + offset if style else offset
