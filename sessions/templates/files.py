"""Reading a template's or resources file's bytes, refusing one too large to be real.

Kept apart from the parser so that code which only needs the bytes (the template cache,
the resources file) does not load markdown and YAML to get them.
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.templates.errors import Problem, TemplateError

MAX_FILE_BYTES = 1024 * 1024
"""The largest template or resources file we read: far beyond any real agenda."""


def name_problem(path: Path) -> Problem | None:
    """A problem when the file's name holds a control character, else ``None``.

    A template's name is shown in lists and typed to start the agenda: it must be text.
    """
    if safe_text(path.stem, lines=False) == path.stem:
        return None
    return Problem(str(path), 0, _("the file's name holds a control character; rename it"))


def read_template_bytes(path: Path) -> bytes:
    """Read a template or resources file, refusing one too large before reading it all.

    Raises:
        TemplateError: the file cannot be read or is over 1 MiB.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        folder = _("this is a folder, not a file")
        raise TemplateError([Problem(str(path), 0, folder)]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        unread = _("cannot read: {reason}").format(reason=reason)
        raise TemplateError([Problem(str(path), 0, unread)]) from None
    if len(data) > MAX_FILE_BYTES:
        too_big = _("the file is over 1 MiB; a template must be smaller")
        raise TemplateError([Problem(str(path), 1, too_big)])
    return data
