"""What goes wrong in a template or a resources file, said as ``path:line: message``.

Every check collects :class:`Problem` values instead of stopping at the first one, so a
coordinator sees all that needs fixing at once; :class:`TemplateError` carries them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from circlekeeper.sessions.safe_text import safe_text


# A named tuple, not a frozen dataclass: it is defined on every launch, and a dataclass
# costs several times as much to define.
class Problem(NamedTuple):
    """One thing wrong with a file, at a line a text editor can jump to."""

    path: str
    """The file, as the user named it."""
    line: int
    """The 1-based line; 0 when the problem is the whole file (it cannot be read)."""
    message: str
    """What is wrong and, where it helps, how to put it right."""

    def __str__(self) -> str:
        # A file's name is text from outside too: it may hold what a message must not.
        path, message = safe_text(self.path, lines=False), safe_text(self.message, lines=False)
        if self.line > 0:
            return f"{path}:{self.line}: {message}"
        return f"{path}: {message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the order they appear in their file, without repeats."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


class TemplateError(Exception):
    """A template or resources file that cannot be used, with every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sort_problems(problems)
        """Every problem found, sorted by line."""
        super().__init__("\n".join(str(p) for p in self.problems))
