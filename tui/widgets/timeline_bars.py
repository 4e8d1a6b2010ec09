"""Planned against actual time per part, as bars a facilitator takes in at a glance."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from circlekeeper.sessions.engine.timeline import PartRecord
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.widgets.clock_text import minutes_and_seconds

BAR = "█"
PLAN = "░"


def part_bars(parts: Sequence[PartRecord], width: int = 40) -> Text:
    """Two rows a part: the plan in light shade, the actual time solid (overrun in red)."""
    longest = max([max(p.planned_seconds, p.actual_seconds) for p in parts] + [1])
    scale = width / longest
    title_width = min(28, max((len(p.title) for p in parts), default=10))
    out = Text()
    for part in parts:
        name = part.title if len(part.title) <= title_width else part.title[: title_width - 1] + "…"
        name = name.ljust(title_width)
        planned = round(part.planned_seconds * scale)
        actual = round(part.actual_seconds * scale)
        within = min(actual, planned)
        out.append(f"{name}  ", style="bold")
        out.append(PLAN * planned, style="dim")
        planned_words = _("planned {time}").format(time=minutes_and_seconds(part.planned_seconds))
        out.append(f" {planned_words}\n")
        out.append(" " * (title_width + 2))
        out.append(BAR * within, style="green")
        if actual > planned:
            out.append(BAR * (actual - planned), style="bold red")
        ran = minutes_and_seconds(part.actual_seconds)
        if part.skipped:
            words = _("skipped")
        elif part.overrun_seconds >= 30:
            over = minutes_and_seconds(part.overrun_seconds)
            words = _("actual {time} (OVER by {over})").format(time=ran, over=over)
        else:
            words = _("actual {time}").format(time=ran)
        out.append(f" {words}\n")
    return out


class TimelineBars(Static):
    """The bars for a finished (or running) session's parts."""

    DEFAULT_CSS = """
    TimelineBars {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, parts: Sequence[PartRecord]) -> None:
        """Draw the bars for ``parts``, leaving room for the words beside them."""
        self._parts = list(parts)
        self._draw()

    def on_resize(self) -> None:
        if getattr(self, "_parts", None):
            self._draw()

    def _draw(self) -> None:
        room = (self.size.width or self.app.size.width) - 2 - 30 - 34
        self.update(part_bars(self._parts, width=max(10, room)))
