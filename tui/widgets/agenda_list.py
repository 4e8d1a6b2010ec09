"""The agenda down the side: done parts ticked, the current one marked, times planned."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from circlekeeper.sessions.engine.status import PartStatus, Status
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.text import clipped
from circlekeeper.tui.widgets.clock_text import minutes, mmss


def part_line(part: PartStatus) -> str:
    """One part as a line of the agenda."""
    if part.current:
        mark = "▶"
    elif part.skipped:
        mark = "–"
    elif part.done:
        mark = "✓"
    else:
        mark = " "
    planned = minutes(part.planned)
    if part.planned != part.original:
        # Seconds count here: a rebalance may take 30 s off, which minutes would hide.
        planned = f"{mmss(part.original)}→{mmss(part.planned)}"
    extras = []
    if part.part.is_round:
        extras.append(_("round"))
    if part.part.structure is not None:
        extras.append(part.part.structure.name)
    if part.part.fixed:
        extras.append(_("fixed"))
    tail = f" ({', '.join(extras)})" if extras else ""
    return f"{mark} {part.index + 1}. {clipped(part.title)}\n     {planned}{tail}"


class AgendaList(OptionList):
    """Every part of the agenda; enter on a part asks to jump to it."""

    DEFAULT_CSS = """
    AgendaList {
        width: 30;
        height: 1fr;
        border: round $primary;
    }
    """

    @dataclass
    class PartSelected(Message):
        """The facilitator chose a part to jump to."""

        index: int
        """The part's index in the agenda."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = _("Agenda")
        self._part_lines: list[str] = []

    def show(self, status: Status) -> None:
        """Redraw from a status snapshot (cheaply: only when a line changed)."""
        lines = [part_line(p) for p in status.parts]
        if lines == self._part_lines:
            return
        self._part_lines = lines
        self.clear_options()
        self.add_options([Option(Content(line)) for line in lines])
        self.highlighted = status.part_index
        self.scroll_to_highlight()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.PartSelected(event.option_index))
