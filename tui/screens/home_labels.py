"""How the home screen's lists and preview word an agenda or a session."""

from __future__ import annotations

from circlekeeper.sessions.storage.index import SessionSummary
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.library import TemplateEntry
from circlekeeper.sessions.templates.preview import preview_markdown
from circlekeeper.tui.text import PROMPT_CHARS, TITLE_CHARS, clipped


def template_label(entry: TemplateEntry) -> str:
    """An agenda as the list shows it: its title, then its length and parts."""
    if not entry.ok:
        return f"{clipped(entry.name)}  ⚠ has problems"
    mark = "  (yours)" if not entry.builtin else ""
    return f"{clipped(entry.title)}{mark}\n  {entry.minutes} min · {entry.part_count} parts"


def preview_text(agenda: Agenda) -> str:
    """The agenda as Markdown for the preview, each line clipped."""
    # A heading is cut like a title, any other line like a paragraph: a runaway line in
    # a template must not fill the preview.
    return "\n".join(
        clipped(line, TITLE_CHARS + 3) if line.startswith("#") else clipped(line, PROMPT_CHARS)
        for line in preview_markdown(agenda).split("\n")
    )


STATE_WORDS = {
    "ready": "not started",
    # Not open here: the app was closed (or crashed) while it ran, or another window has it.
    "running": "running when last saved",
    "paused": "paused",
    "ended": "ended",
}
"""How each session state reads in the lists."""


def session_label(summary: SessionSummary) -> str:
    """A session as the lists show it: its title, its state and when, and its id."""
    when = summary.updated.astimezone().strftime("%a %d %b %Y %H:%M")
    created = summary.created.astimezone().strftime("%a %d %b %Y %H:%M")
    state = STATE_WORDS.get(summary.state, summary.state)
    # Two sessions of one agenda share a title: when each was created, and the id that
    # `sessions list` shows, tell them apart.
    return (
        f"{clipped(summary.title or summary.template)}\n  {state} · last change {when}\n"
        f"  created {created} · {summary.id}"
    )
