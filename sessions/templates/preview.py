"""The markdown of an agenda as a reader sees it: the template without its front matter."""

from __future__ import annotations

from circlekeeper.sessions.templates.agenda import Agenda


def preview_markdown(agenda: Agenda) -> str:
    """The agenda's markdown after its front matter, for showing as a preview.

    The parser noted where the front matter ends (:attr:`Agenda.body_line`); an agenda
    without that note (one kept before it was recorded) is shown whole. An agenda kept
    without its source is written out from its parts.
    """
    source = agenda.source.lstrip("\ufeff").replace("\r\n", "\n")
    if not source.strip():
        return _from_parts(agenda)
    if agenda.body_line:
        return "\n".join(source.split("\n")[agenda.body_line :]).strip() + "\n"
    return source


def _from_parts(agenda: Agenda) -> str:
    out = [f"# {agenda.title}", ""]
    for part in agenda.parts:
        out += [f"## {part.title} ({part.minutes} min)", ""]
        out += [f"- {prompt.text}" for prompt in part.prompts]
        out.append("")
    return "\n".join(out)
