"""Agenda templates: markdown files read into :class:`Agenda` values, checked line by line.

A template is parsed through markdown-it's token stream (:mod:`.source`, :mod:`.sections`,
:mod:`.timing_marks`, :mod:`.links`) into the :mod:`.agenda` model by :mod:`.parse`; every
problem is a :class:`Problem` said as ``path:line: message`` (:mod:`.errors`). The
:class:`TemplateLibrary` lists the built-in templates and the facilitator's own, through the
:mod:`.cache` of what each file read to; :mod:`.org_resources` reads the organisation's
own resources file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.templates.agenda import Agenda as Agenda
    from circlekeeper.sessions.templates.agenda import Block as Block
    from circlekeeper.sessions.templates.agenda import Part as Part
    from circlekeeper.sessions.templates.agenda import Resource as Resource
    from circlekeeper.sessions.templates.entry import TemplateEntry as TemplateEntry
    from circlekeeper.sessions.templates.errors import Problem as Problem
    from circlekeeper.sessions.templates.errors import TemplateError as TemplateError
    from circlekeeper.sessions.templates.library import TemplateExistsError as TemplateExistsError
    from circlekeeper.sessions.templates.library import TemplateLibrary as TemplateLibrary
    from circlekeeper.sessions.templates.library import (
        TemplateNotFoundError as TemplateNotFoundError,
    )
    from circlekeeper.sessions.templates.link_rules import check_url as check_url
    from circlekeeper.sessions.templates.org_resources import (
        check_resources_file as check_resources_file,
    )
    from circlekeeper.sessions.templates.org_resources import (
        load_org_resources as load_org_resources,
    )
    from circlekeeper.sessions.templates.parse import check_template as check_template
    from circlekeeper.sessions.templates.parse import check_template_file as check_template_file
    from circlekeeper.sessions.templates.parse import load_template_file as load_template_file
    from circlekeeper.sessions.templates.parse import parse_template as parse_template
    from circlekeeper.sessions.templates.preview import preview_markdown as preview_markdown

__all__ = [
    "Agenda",
    "Block",
    "Part",
    "Problem",
    "Resource",
    "TemplateEntry",
    "TemplateError",
    "TemplateExistsError",
    "TemplateLibrary",
    "TemplateNotFoundError",
    "check_resources_file",
    "check_template",
    "check_template_file",
    "check_url",
    "load_org_resources",
    "load_template_file",
    "parse_template",
    "preview_markdown",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Agenda": "agenda",
        "Block": "agenda",
        "Part": "agenda",
        "Resource": "agenda",
        "Problem": "errors",
        "TemplateError": "errors",
        "parse_template": "parse",
        "check_template": "parse",
        "check_template_file": "parse",
        "load_template_file": "parse",
        "TemplateEntry": "entry",
        "TemplateExistsError": "library",
        "TemplateNotFoundError": "library",
        "TemplateLibrary": "library",
        "check_resources_file": "org_resources",
        "load_org_resources": "org_resources",
        "preview_markdown": "preview",
        "check_url": "link_rules",
    },
)
