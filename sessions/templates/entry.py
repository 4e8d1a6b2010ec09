"""A :class:`TemplateEntry`: one template as the picker and ``templates list`` show it.

An entry holds what a listing shows, read cheaply (from the cache, or the shipped
readings); the whole agenda is read by its :attr:`TemplateEntry.load` only when first
asked for, and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.sessions.fixed import Fixed

if TYPE_CHECKING:
    from circlekeeper.sessions.templates.agenda import Agenda
    from circlekeeper.sessions.templates.cache import Reading
    from circlekeeper.sessions.templates.errors import Problem

Load = Callable[[], "Reading"]
"""Reads a template's whole agenda (or its problems) when it is first asked for."""


def _nothing_read() -> Reading:
    return None, []


class TemplateEntry(Fixed):
    """One template as the picker and ``templates list`` show it."""

    # A plain class rather than a frozen dataclass: it is defined on every launch, and a
    # dataclass costs several times as much to define. Not a named tuple: it keeps the
    # agenda once read, and :attr:`load` plays no part in comparing two entries.
    __slots__ = (
        "name",
        "path",
        "builtin",
        "title",
        "minutes",
        "part_count",
        "summary",
        "overrides_builtin",
        "problems",
        "load",
        "_agenda",
    )

    name: str
    """The file name without ``.md``: what ``templates show`` and a new session take."""
    path: Path
    """Where the file is."""
    builtin: bool
    """Shipped with circlekeeper, rather than one of the user's own."""
    title: str
    """The agenda's title (the name when the file has problems)."""
    minutes: int
    """Planned length, the parts' sum (0 when the file has problems)."""
    part_count: int
    """How many parts the agenda has."""
    summary: str
    """The one line for the picker."""
    overrides_builtin: bool
    """A user template used instead of the built-in one of the same name."""
    problems: tuple[Problem, ...]
    """What is wrong with the file; empty when it can be run."""
    load: Load
    """Reads the whole agenda; listing reads only what the lists show."""
    _agenda: Agenda | None

    def __init__(
        self,
        name: str,
        path: Path,
        builtin: bool,
        title: str,
        minutes: int = 0,
        part_count: int = 0,
        summary: str = "",
        overrides_builtin: bool = False,
        problems: tuple[Problem, ...] = (),
        load: Load = _nothing_read,
    ) -> None:
        """An entry as listed; its agenda is read by ``load`` when first asked for."""
        self._fix(
            name=name,
            path=path,
            builtin=builtin,
            title=title,
            minutes=minutes,
            part_count=part_count,
            summary=summary,
            overrides_builtin=overrides_builtin,
            problems=problems,
            load=load,
        )

    def _shown(self) -> tuple[object, ...]:
        return (
            self.name,
            self.path,
            self.builtin,
            self.title,
            self.minutes,
            self.part_count,
            self.summary,
            self.overrides_builtin,
            self.problems,
        )

    def __eq__(self, other: object) -> bool:
        # The same listing of the same file, however its agenda would be read.
        if not isinstance(other, TemplateEntry):
            return NotImplemented
        return self._shown() == other._shown()

    def __hash__(self) -> int:
        return hash(self._shown())

    def __repr__(self) -> str:
        return f"TemplateEntry{self._shown()!r}"

    @property
    def ok(self) -> bool:
        """Whether the template can be used to start a session."""
        return not self.problems

    @property
    def agenda(self) -> Agenda | None:
        """The agenda itself, when the file has no problems (read when first asked for)."""
        try:
            return self._agenda
        except AttributeError:
            agenda = self.load()[0] if self.ok else None
            self._fix(_agenda=agenda)
            return agenda
