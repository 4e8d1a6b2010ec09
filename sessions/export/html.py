"""The summary as one self-contained HTML file: printable, with QR codes inline as SVG.

The page is written by a Jinja template with autoescape on, so every piece of note text,
title and debrief is escaped; template text goes through
:func:`~.escape.template_html` (markdown-it with raw HTML and images off, only safe
links kept). The file makes no request of its own: the style sheet is inline, the codes
and the timeline are inline SVG, and a Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import jinja2
from markupsafe import Markup

from circlekeeper.sessions.export import wording
from circlekeeper.sessions.export.escape import lines_of, template_html
from circlekeeper.sessions.export.markdown import RECORD_WARNING
from circlekeeper.sessions.export.model import HANDOUT_KINDS, Summary
from circlekeeper.sessions.export.timeline_svg import timeline_svg
from circlekeeper.sessions.languages.speaking import _, speaking
from circlekeeper.sessions.qr import make_qr, to_svg
from circlekeeper.sessions.safe_text import safe_text

QR_MODULE_MM = 1.2
"""Printed size of a module: a typical code is 4-6 cm wide, big enough to scan from a page."""


@lru_cache(maxsize=256)
def qr_svg(url: str, title: str) -> Markup:
    """The inline SVG code for a resource's link (drawn by our own QR writer)."""
    return Markup(to_svg(make_qr(url), module_mm=QR_MODULE_MM, label=f"QR code: {title}"))


def _inline(text: str) -> Markup:
    return Markup(template_html(text))


def _lines(text: str) -> Markup:
    """Plain text with its line breaks kept as ``<br>``; every line escaped."""
    return Markup("<br>").join(lines_of(text))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    here = files(__package__)
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {"summary.html.j2": here.joinpath("summary.html.j2").read_text(encoding="utf-8")}
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        inline=_inline,
        lines=_lines,
        length=wording.length_text,
        clock=wording.clock_text,
        over=wording.over_text,
    )
    env.globals.update(
        css=Markup(here.joinpath("summary.css").read_text(encoding="utf-8")),
        wording=wording,
        qr_svg=qr_svg,
        kinds=HANDOUT_KINDS,
        record_warning=RECORD_WARNING,
        _=_,
    )
    return env


def render_html(summary: Summary) -> str:
    """The handout or the record, by the summary's audience, in the summary's language."""
    template = _environment().get_template("summary.html.j2")
    with speaking(wording.summary_language(summary)) as language:
        timeline = Markup(timeline_svg(summary)) if summary.record is not None else ""
        page = template.render(
            s=summary, record=summary.record, timeline_svg=timeline, language=language
        )
    # Made safe last of all: no control character reaches the file, whatever a session holds.
    return safe_text(page) + "\n"
