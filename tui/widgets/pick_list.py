"""A list of plain-text choices: one highlighted, chosen with enter or a click.

The home screen's lists hold words only: an agenda's title and length, a session's title,
state and dates. Textual's option list lays out every option as rich content, wraps and
measures it, and styles each line through five component classes, before its first
frame. A :class:`PickList` draws each line as one run of plain characters in the style of
its row, and wraps only a line too wide for the list. It looks and behaves like Textual's
option list: the same keys (wrapping round at either end), the same colours for the
highlighted and hovered rows, and a click chooses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from circlekeeper.tui.widgets.plain_lines import wrapped


class Row(NamedTuple):
    """One drawn row of the list."""

    choice: int
    """The index of the choice the row belongs to."""
    text: str
    """Its words, as wide as the list at most."""


class PickList(ScrollView, can_focus=True):
    """Plain-text choices, each of one or more lines, one of them highlighted."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pick-list--option",
        "pick-list--highlighted",
        "pick-list--hover",
    }

    # The colours of Textual's option list, so the lists read alike wherever they are.
    DEFAULT_CSS = """
    PickList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .pick-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .pick-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .pick-list--hover {
            background: $block-hover-background;
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None)
    """The highlighted choice's index; ``None`` when there are no choices."""
    _hovered: reactive[int | None] = reactive(None)
    """The choice under the mouse."""

    class Choice(Message):
        """Something happened to one of the choices."""

        def __init__(self, pick_list: PickList, index: int) -> None:
            super().__init__()
            self.pick_list = pick_list
            """The list."""
            self.index = index
            """The choice's index."""

        @property
        def control(self) -> PickList:
            """The list, for ``@on`` selectors."""
            return self.pick_list

    class Highlighted(Choice):
        """A choice was highlighted."""

    class Selected(Choice):
        """A choice was chosen, with enter or a click."""

    def __init__(self, *labels: str, id: str | None = None, classes: str | None = None) -> None:
        """Offer ``labels``, each a choice (a label's lines are the choice's lines), the
        first highlighted."""
        super().__init__(id=id, classes=classes)
        self._labels: list[str] = []
        self._rows: list[Row] = []
        self._first_rows: list[int] = []
        """The row each choice starts on."""
        self._rows_width = -1
        """The width :attr:`_rows` were laid out for."""
        self.add_options(labels)
        if self._labels:
            self.highlighted = 0

    @property
    def labels(self) -> list[str]:
        """The choices' words, in order."""
        return list(self._labels)

    @property
    def option_count(self) -> int:
        """How many choices there are."""
        return len(self._labels)

    def add_options(self, labels: Iterable[str]) -> None:
        """Add choices after the last one."""
        self._labels.extend(labels)
        self._rows_width = -1
        self._lay_out()
        self.refresh()

    def clear_options(self) -> None:
        """Remove every choice."""
        self._labels.clear()
        self._rows_width = -1
        self.highlighted = None
        self._lay_out()
        self.refresh()

    def _lay_out(self, width: int | None = None) -> None:
        """Split the choices into rows for ``width`` (the list's own, when not given),
        wrapping a too-wide line."""
        if width is None:
            width = self.scrollable_content_region.width
        if width == self._rows_width:
            return
        rows: list[Row] = []
        firsts: list[int] = []
        for index, label in enumerate(self._labels):
            firsts.append(len(rows))
            for line in label.split("\n"):
                rows.extend(Row(index, row) for row in wrapped(line, width))
        self._rows, self._first_rows, self._rows_width = rows, firsts, width
        if width > 0:
            self.virtual_size = Size(width, len(rows))

    def on_resize(self) -> None:
        self._lay_out()
        self.scroll_to_highlight()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._lay_out(width)
        return len(self._rows)

    def render_line(self, y: int) -> Strip:
        self._lay_out()
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if not 0 <= line < len(self._rows):
            return Strip.blank(width, self.get_visual_style("pick-list--option").rich_style)
        index, text = self._rows[line]
        if index == self.highlighted:
            style = self.get_visual_style("pick-list--option", "pick-list--highlighted")
        elif index == self._hovered:
            style = self.get_visual_style("pick-list--option", "pick-list--hover")
        else:
            style = self.get_visual_style("pick-list--option")
        rich_style = style.rich_style
        # The words, then the rest of the row, as two runs: as Textual's own list draws
        # them, so a picture of the screen is the same.
        padding = width - cell_len(text)
        segments = [Segment(text, rich_style)] if text else []
        if padding > 0:
            segments.append(Segment(" " * padding, rich_style))
        return Strip(segments, width)

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._labels:
            return None
        return min(max(highlighted, 0), len(self._labels) - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        self.refresh()
        if highlighted is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, highlighted))

    def watch__hovered(self) -> None:
        self.refresh()

    def scroll_to_highlight(self) -> None:
        """Scroll so that the highlighted choice is in view, all its lines."""
        if self.highlighted is None or not self.is_mounted:
            return
        self._lay_out()
        first = self._first_rows[self.highlighted]
        ends = (
            self._first_rows[self.highlighted + 1]
            if self.highlighted + 1 < len(self._first_rows)
            else len(self._rows)
        )
        region = Region(0, first, self.scrollable_content_region.width, ends - first)
        self.scroll_to_region(region, animate=False, force=True)

    def _index_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = self.scroll_offset.y + offset.y
        return self._rows[line].choice if 0 <= line < len(self._rows) else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hovered = self._index_at(event)

    def on_leave(self) -> None:
        self._hovered = None

    def on_click(self, event: events.Click) -> None:
        index = self._index_at(event)
        if index is not None:
            self.highlighted = index
            self.action_select()

    def action_cursor_up(self) -> None:
        """Highlight the choice above; from the first, the last."""
        if self._labels:
            current = 0 if self.highlighted is None else self.highlighted
            self.highlighted = (current - 1) % len(self._labels)

    def action_cursor_down(self) -> None:
        """Highlight the choice below; from the last, the first."""
        if self._labels:
            current = -1 if self.highlighted is None else self.highlighted
            self.highlighted = (current + 1) % len(self._labels)

    def action_first(self) -> None:
        """Highlight the first choice."""
        if self._labels:
            self.highlighted = 0

    def action_last(self) -> None:
        """Highlight the last choice."""
        if self._labels:
            self.highlighted = len(self._labels) - 1

    def _move_page(self, direction: int) -> None:
        if not self._labels:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self._labels) - 1
            return
        self._lay_out()
        page = max(1, self.scrollable_content_region.height)
        line = self._first_rows[self.highlighted] + direction * page
        self.highlighted = self._rows[min(max(line, 0), len(self._rows) - 1)].choice

    def action_page_up(self) -> None:
        """Highlight the choice a page above."""
        self._move_page(-1)

    def action_page_down(self) -> None:
        """Highlight the choice a page below."""
        self._move_page(1)

    def action_select(self) -> None:
        """Choose the highlighted choice."""
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))
