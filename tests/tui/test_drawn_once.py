"""The home screen's preview is drawn once per width, and looks exactly as drawn afresh."""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown

from circlekeeper.tui.widgets.drawn_once import DrawnOnce

AGENDA = "# Lunch circle\n\n## Check-in (10 min)\n\n- How is the week going for you, really?\n"


class Counting:
    def __init__(self) -> None:
        self.inner = Markdown(AGENDA)
        self.drawn = 0

    def __rich_console__(self, console, options):
        self.drawn += 1
        yield from console.render(self.inner, options)


def _lines(console: Console, renderable, width: int, height: int | None = None) -> list[str]:
    options = console.options.update_width(width).update(height=height)
    return ["".join(s.text for s in line) for line in console.render_lines(renderable, options)]


def test_the_same_width_is_drawn_once_and_matches_a_fresh_drawing() -> None:
    console = Console(width=80, color_system=None)
    counting = Counting()
    once = DrawnOnce(counting)
    first = _lines(console, once, 30)
    assert _lines(console, once, 30, height=4) == first[:4]
    assert counting.drawn == 1
    assert first == _lines(console, Markdown(AGENDA), 30)
    narrower = _lines(console, once, 20)
    assert counting.drawn == 2
    assert narrower == _lines(console, Markdown(AGENDA), 20)
    assert len(narrower) > len(first)
