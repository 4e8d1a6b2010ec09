"""Read what the app actually draws, as a person looking at the terminal would."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """Every character on screen, line by line, after the compositor has drawn it."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)
