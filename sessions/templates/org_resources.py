"""The organisation's own resources, offered in every session.

They live in :attr:`~circlekeeper.sessions.settings.Folders.resources_file`, a markdown list of
links written like a template's ``## Resources`` section, and are read by the same code,
so the same link rules and ``path:line`` messages apply. The file is optional.
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.errors import Problem, TemplateError, sort_problems
from circlekeeper.sessions.templates.files import read_template_bytes
from circlekeeper.sessions.templates.links import RESOURCE_EXAMPLE, check_one_crisis, resource_list
from circlekeeper.sessions.templates.source import decode, read_front_matter

FRONT_MATTER_FIELDS: dict[str, type] = {"title": str}
"""The keys a resources file's front matter may have."""

EXAMPLE = """\
# Our organisation's resources

Offered in every session. One link a line; mark the crisis line with (crisis).

- [Employee assistance programme](https://eap.example.org)
- [Staff wellbeing team](mailto:wellbeing@example.org)
- [Our crisis line](tel:+441234567890) (crisis)
"""
"""A resources file to start from, for messages and help."""


def check_resources(
    source: str | bytes, path: str | Path
) -> tuple[tuple[Resource, ...] | None, list[Problem]]:
    """Read a resources file's content: the resources (``None`` on problems), and the problems."""
    src = decode(source, str(path))
    if not src.text:
        return None, sort_problems(src.problems)
    read_front_matter(src, FRONT_MATTER_FIELDS)
    found = resource_list(src.tokens, src)
    check_one_crisis(found, src)
    if not found and not src.problems:
        message = _("the file lists no resources; add lines like {example}")
        src.problem(1, message.format(example=RESOURCE_EXAMPLE))
    if src.problems:
        return None, sort_problems(src.problems)
    unique: dict[str, Resource] = {}
    for resource in found:
        unique.setdefault(resource.url, resource)
    return tuple(unique.values()), []


def parse_resources(source: str | bytes, path: str | Path) -> tuple[Resource, ...]:
    """Read a resources file's content.

    Raises:
        TemplateError: with every problem found.
    """
    resources, problems = check_resources(source, path)
    if resources is None:
        raise TemplateError(problems)
    return resources


def load_org_resources(path: Path) -> tuple[Resource, ...]:
    """The organisation's resources, in the order written; none when there is no file.

    Args:
        path: the file to read (the resources file of the config folder).

    Raises:
        TemplateError: the file cannot be read or has problems (all of them).
    """
    if not path.exists():
        return ()
    return parse_resources(read_template_bytes(path), path)


def check_resources_file(path: Path) -> list[Problem]:
    """Every problem with the resources file; empty when it is fine or there is none.

    Never raises for a bad or unreadable file: that is a problem in the list.
    """
    if not path.exists():
        return []
    try:
        return check_resources(read_template_bytes(path), path)[1]
    except TemplateError as error:
        return error.problems
