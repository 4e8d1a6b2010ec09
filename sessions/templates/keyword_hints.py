"""Hints for template keywords written in another language: ``Runde``, ``## Ressourcen``.

A template's keywords stay English whatever language it is written in, so that every
template reads the same way to circlekeeper. A coordinator writing in German or Spanish
will naturally write ``(10 Min, Runde 2 Min)`` or ``## Recursos``; rather than only
saying the mark is not understood, the message names the English keyword to write.
"""

from __future__ import annotations

import re

from circlekeeper.sessions.languages.speaking import _

RESOURCES_WORDS = frozenset(
    {
        "ressourcen",
        "hilfsangebote",
        "anlaufstellen",
        "links",
        "recursos",
        "enlaces",
        "ressources",
        "risorse",
        "recursos de ayuda",
    }
)
"""Headings that mean the Resources section, in German, Spanish, French, Italian."""

_ROUND_WORDS = ("runde", "rederunde", "ronda", "tour", "giro")
_FIXED_WORDS = frozenset({"fest", "fix", "fixiert", "fijo", "fija", "fixe", "fisso"})
_MINUTE_WORDS = r"(?:minuten|minute|minutos|minuto|minutes|minuti|mín|min)\.?"
_LENGTH = re.compile(rf"^([0-9]+)\s*{_MINUTE_WORDS}$", re.IGNORECASE)
_ROUND = re.compile(
    rf"^(?:{'|'.join(_ROUND_WORDS)})\s*(?:de\s*|von\s*|à\s*)?([0-9]+)\s*{_MINUTE_WORDS}.*$",
    re.IGNORECASE,
)


def resources_hint(heading: str) -> str | None:
    """A hint when ``heading`` is the Resources section in another language."""
    if " ".join(heading.split()).casefold() in RESOURCES_WORDS:
        return _(
            "'{heading}' looks like the Resources section; template keywords stay "
            "English: write ## Resources"
        ).format(heading=heading)
    return None


def mark_hint(item: str) -> str | None:
    """The English for one timing mark written in another language, or ``None``.

    ``Runde 2 Min`` -> ``round 2 min``; ``10 Minuten`` -> ``10 min``; ``fest`` -> ``fixed``.
    """
    item = " ".join(item.split())
    if turn := _ROUND.match(item):
        english = f"round {turn.group(1)} min"
    elif length := _LENGTH.match(item):
        english = f"{length.group(1)} min"
    elif item.casefold() in _FIXED_WORDS:
        english = "fixed"
    else:
        return None
    if english == item:
        return None
    return _("timing marks stay English: write '{english}' for '{item}'").format(
        english=english, item=item
    )


def marks_hints(marks: str) -> list[str]:
    """The hints for every mark in the text inside a heading's parentheses."""
    return [hint for item in marks.split(",") if (hint := mark_hint(item)) is not None]
