"""How the home screen's lists and preview word an agenda or a session, and how many
agendas its first frame lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions.languages.speaking import N_, _, current_language, ngettext
from circlekeeper.sessions.templates.preview import preview_markdown
from circlekeeper.tui.text import PROMPT_CHARS, TITLE_CHARS, clipped

if TYPE_CHECKING:
    from datetime import datetime

    from circlekeeper.sessions.storage.index import SessionSummary
    from circlekeeper.sessions.templates.agenda import Agenda
    from circlekeeper.sessions.templates.library import TemplateEntry


def template_label(entry: TemplateEntry) -> str:
    """An agenda as the list shows it: its title, then its length and parts."""
    if not entry.ok:
        return "{name}  {problems}".format(name=clipped(entry.name), problems=_("⚠ has problems"))
    mark = "  " + _("(yours)") if not entry.builtin else ""
    length = ngettext(
        "{minutes} min · {count} part", "{minutes} min · {count} parts", entry.part_count
    ).format(minutes=entry.minutes, count=entry.part_count)
    return f"{clipped(entry.title)}{mark}\n  {length}"


def first_agendas(rows: int) -> int:
    """How many agendas are listed for the first frame on a screen of ``rows`` rows: as
    many as it can show, each at least two lines. The rest follow just after it: wording
    and laying out a couple of hundred agendas made the first frame about 3% slower."""
    return rows // 2 + 1


def template_summary(entry: TemplateEntry) -> str:
    """The lines above a sound agenda's preview: its summary, length, and where it is from."""
    if entry.builtin:
        where = _("built-in")
    elif entry.overrides_builtin:
        where = _("your own ({path}), overrides the built-in one").format(path=entry.path)
    else:
        where = _("your own ({path})").format(path=entry.path)
    starts = _("{minutes} min · {where} · enter starts it").format(
        minutes=entry.minutes, where=where
    )
    return f"{clipped(entry.summary, PROMPT_CHARS)}\n{starts}"


def preview_text(agenda: Agenda) -> str:
    """The agenda as Markdown for the preview, each line clipped."""
    # A heading is cut like a title, any other line like a paragraph: a runaway line in
    # a template must not fill the preview.
    return "\n".join(
        clipped(line, TITLE_CHARS + 3) if line.startswith("#") else clipped(line, PROMPT_CHARS)
        for line in preview_markdown(agenda).split("\n")
    )


STATE_WORDS = {
    "ready": N_("not started"),
    # Not open here: the app was closed (or crashed) while it ran, or another window has it.
    "running": N_("running when last saved"),
    "paused": N_("paused"),
    "ended": N_("ended"),
}
"""How each session state reads in the lists."""


def session_label(summary: SessionSummary) -> str:
    """A session as the lists show it: its title, its state and when, and its id."""
    state = _(STATE_WORDS[summary.state]) if summary.state in STATE_WORDS else summary.state
    # Two sessions of one agenda share a title: when each was created, and the id that
    # `sessions list` shows, tell them apart.
    changed = _("{state} · last change {when}").format(
        state=state, when=moment_words(summary.updated)
    )
    created = _("created {when} · {id}").format(when=moment_words(summary.created), id=summary.id)
    return f"{clipped(summary.title or summary.template)}\n  {changed}\n  {created}"


def moment_words(moment: datetime) -> str:
    """A day and time in the language spoken, in this computer's time zone."""
    local = moment.astimezone()
    language = current_language()
    if not language.tag:
        return local.strftime("%a %d %b %Y %H:%M")
    return f"{language.day(local.date())} {language.time(local)}"
