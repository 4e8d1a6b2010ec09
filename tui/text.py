"""Small helpers for turning the core's messages and a template's words into screen text."""

from __future__ import annotations

from circlekeeper.sessions.safe_text import safe_text

TITLE_CHARS = 80
"""The most of a title (an agenda's, a part's, a session's) drawn on screen."""

PROMPT_CHARS = 600
"""The most of one prompt, paragraph or line of a preview drawn on screen: a long
paragraph fits, a runaway one does not fill the screen."""


def sentence(message: object) -> str:
    """A message with its first letter in capitals and the rest untouched.

    Unlike ``str.capitalize``, which lowers every other letter, this keeps file paths
    and names in messages exactly as they are.
    """
    text = str(message)
    return text[:1].upper() + text[1:]


def clipped(text: str, limit: int = TITLE_CHARS, *, one_line: bool = True) -> str:
    """``text`` safe to draw and at most ``limit`` characters, ending in … when cut.

    Text that reached the app is already safe; doing it again here costs little and
    keeps a file name or an old record from ever slipping through.

    Args:
        text: what to draw.
        limit: the most characters drawn, the ellipsis included.
        one_line: make line breaks spaces, for a title or a list's line.
    """
    text = safe_text(text, lines=not one_line)
    return text if len(text) <= limit else text[: limit - 1] + "…"
