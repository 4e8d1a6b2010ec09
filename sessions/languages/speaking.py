"""The language circlekeeper speaks now, and the functions that translate a message.

The entry point chooses the language once (:func:`use_language`, from the settings);
an export speaks its agenda's language while it is written (:func:`speaking`). Code marks
its messages with :func:`_` (translated where they are shown) or :func:`N_` (a message
kept in a table and translated later); ``scripts/catalogs`` finds both, and
``ngettext`` for a message with a count.

Messages use named ``{placeholders}``, filled after translation, so a translator can
move them: ``_("Saved the {document} to {path}").format(document=..., path=...)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from circlekeeper.sessions.languages.language import Language

_chosen = Language()
_speaking: ContextVar[Language | None] = ContextVar("circlekeeper_language", default=None)


def use_language(language: Language) -> None:
    """Speak ``language`` from now on, in every thread (called once, at the entry point)."""
    global _chosen
    _chosen = language


def current_language() -> Language:
    """The language spoken now: the one an export speaks, else the chosen one."""
    return _speaking.get() or _chosen


@contextmanager
def speaking(language: Language) -> Iterator[Language]:
    """Speak ``language`` inside the ``with`` block (in this thread only)."""
    token = _speaking.set(language)
    try:
        yield language
    finally:
        _speaking.reset(token)


def _(message: str) -> str:
    """``message`` in the language spoken now."""
    return current_language().gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for the marker
    """Mark ``message`` for the catalogs without translating it yet; returns it as is."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count``, in the language spoken now."""
    return current_language().ngettext(singular, plural, count)
