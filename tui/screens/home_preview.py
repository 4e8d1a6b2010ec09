"""The home screen's preview of an agenda: a plain sketch for the first frame, then the
agenda drawn in full as markdown.

The markdown renderer (markdown-it, pygments) is the heaviest thing the home screen
needs; loading it after the first frame lets the screen appear without waiting for it.
"""

from __future__ import annotations

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.library import TemplateEntry
from circlekeeper.tui.screens.home_labels import preview_text, template_summary
from circlekeeper.tui.text import PROMPT_CHARS, clipped
from circlekeeper.tui.widgets.agenda_sketch import SketchLine
from circlekeeper.tui.widgets.drawn_once import DrawnOnce


def sketch(markdown: str, rows: int) -> list[SketchLine]:
    """The first ``rows`` lines of ``markdown`` as written, headings without their marks."""
    lines = []
    for line in markdown.split("\n")[:rows]:
        words = line.lstrip("#")
        heading = words != line and words.startswith(" ")
        lines.append(SketchLine(words.strip() if heading else line, heading))
    return lines


def first_preview(entry: TemplateEntry | None, rows: int) -> tuple[str, list[SketchLine]]:
    """The summary lines and a sketch of ``entry``'s agenda, drawn without the markdown
    renderer; nothing for no entry or one with problems (the full preview follows).

    Only the ``rows`` the screen could show are sketched: Textual wraps and measures a
    widget's every line before drawing it, and the rest of the agenda comes with the
    full preview a moment later.
    """
    if entry is None or entry.agenda is None:
        return "", []
    return template_summary(entry), sketch(preview_text(entry.agenda), rows)


def full_preview(entry: TemplateEntry | None) -> tuple[str, DrawnOnce | str]:
    """The summary lines and ``entry``'s agenda drawn as markdown, or its problems."""
    from rich.markdown import Markdown

    if entry is None:
        return "", ""
    if entry.agenda is None:
        return (
            _("{path} has problems; run: circlekeeper templates check").format(
                path=clipped(str(entry.path), PROMPT_CHARS)
            ),
            DrawnOnce(Markdown("\n".join(f"- `{p}`" for p in entry.problems))),
        )
    return template_summary(entry), DrawnOnce(Markdown(preview_text(entry.agenda)))
