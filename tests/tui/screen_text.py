"""Read what the app actually draws, as a person looking at the terminal would."""

from __future__ import annotations

from qr_decode import widget_cells
from textual.app import App
from textual.widget import Widget


def screen_text(app: App) -> str:
    """Every character on screen, line by line, after the compositor has drawn it."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


def widget_lines(app: App, widget: Widget | str) -> list[str]:
    """The rows ``widget`` (or the one ``widget`` selects) is drawn as, as text."""
    if isinstance(widget, str):
        widget = app.screen.query_one(widget)
    return ["".join(cell.char for cell in row) for row in widget_cells(app, widget)]


def widget_words(app: App, widget: Widget | str) -> str:
    """The words a widget shows, its wrapped lines joined by single spaces."""
    return " ".join(" ".join(line.split()) for line in widget_lines(app, widget)).strip()


def flat(text: str) -> str:
    """Words only: what reads the same however the screen wrapped and framed it."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    return " ".join(w.strip("│┃▊▎╭╮╰╯─━") for w in words)


def footer_text(app: App) -> str:
    """The keys the screen's footer shows, line by line."""
    from circlekeeper.tui.widgets.keys_footer import KeysFooter

    return "\n".join(widget_lines(app, app.screen.query_one(KeysFooter)))


async def settle(pilot) -> None:
    """Let the screen catch up with the fake clock, however busy the machine is.

    The run screen reads the clock a few times a second; rather than hoping a timer has
    fired, ask it to read now, then let the frame be drawn.
    """
    screen = pilot.app.screen
    refresh = getattr(screen, "refresh_status", None)
    if refresh is not None:
        refresh()
    await pilot.pause()


FRAMES = str.maketrans(dict.fromkeys("█▊▎▔▁▄▀│╭╮╰╯─", " "))
"""Frame and block characters, each read as a space by :func:`unframed`."""


def unframed(app: App) -> str:
    """The screen's words with line breaks and frames as spaces, for words that may wrap."""
    return " ".join(screen_text(app).translate(FRAMES).split())
