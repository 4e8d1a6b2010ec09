"""The markdown of an agenda as a reader sees it: the template without its front matter."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from circlekeeper.sessions.agenda import Agenda

_PARSER = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin)


def preview_markdown(agenda: Agenda) -> str:
    """The agenda's markdown from its first heading on, for showing as a preview.

    An agenda kept without its source (an old session's copy) is written out from its
    parts instead.
    """
    source = agenda.source.lstrip("\ufeff").replace("\r\n", "\n")
    if not source.strip():
        return _from_parts(agenda)
    lines = source.split("\n")
    for token in _PARSER.parse(source):
        if token.type == "front_matter" and token.map:
            return "\n".join(lines[token.map[1] :]).strip() + "\n"
    return source


def _from_parts(agenda: Agenda) -> str:
    out = [f"# {agenda.title}", ""]
    for part in agenda.parts:
        out += [f"## {part.title} ({part.minutes} min)", ""]
        out += [f"- {prompt.text}" for prompt in part.prompts]
        out.append("")
    return "\n".join(out)
