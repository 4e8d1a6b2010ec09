"""A rich renderable drawn once per width and reused.

Textual measures a Static's content, then draws it, and clears both on every layout. For
a long agenda's markdown that meant reading and wrapping the whole agenda three times
before the home screen's first frame; the lines only change when the width does.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment


class DrawnOnce:
    """Wraps a renderable; keeps its segments for each width and console it is drawn at.

    For flowing content such as markdown, whose lines depend on the width offered but not
    on the height: Textual measures with no height and draws with the widget's, and both
    are answered from one drawing.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._drawn: dict[tuple, list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (
            id(console),
            options.max_width,
            options.min_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
        )
        segments = self._drawn.get(key)
        if segments is None:
            segments = self._drawn[key] = list(console.render(self.renderable, options))
        yield from segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)
