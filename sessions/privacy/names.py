"""The facilitator's watch list and the search for its names in a note.

A watch list holds the names a facilitator asked to be warned about (the people in
tonight's group, a manager someone keeps mentioning). It lives in memory for one
session and is never written anywhere: it refuses to be pickled and its ``repr``
shows only how many names it holds, so it cannot slip into a record or a log.

Names match whole words only, whatever the case or accents: "José" on the list finds
"jose" and "JOSÉ", "Jose" finds "José", and "Anne Marie" finds "anne-marie".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from circlekeeper.sessions.languages.speaking import _

APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4"
"""Straight, curly and look-alike apostrophes, all read as one ("O’Brien" = "O'Brien")."""

# A name is whole when no letter or digit touches it, and no hyphen joins it to a
# longer word ("Al" is not in "Al-Amin", "also" or "Alice"). A possessive ("Maria's",
# "James'") starts with an apostrophe, so it leaves the name whole.
_LETTER = r"[^\W\d_]"
_BEFORE = rf"(?<!\w)(?<!{_LETTER}-)"
_AFTER = rf"(?!\w)(?!-{_LETTER})"


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching: no case, no accents, one kind of apostrophe.

    Args:
        text: Any text.

    Returns:
        The folded text and, for each of its characters, the offset in ``text`` of
        the character it came from (folding can lengthen text: "ß" becomes "ss").
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in APOSTROPHES:
            pieces = "'"
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            pieces = base.casefold()
        folded.append(pieces)
        origin.extend([index] * len(pieces))
    return "".join(folded), origin


def _name_key(name: str) -> str:
    """The folded form two spellings of one name share."""
    words = re.split(r"[\s-]+", fold(name.strip())[0])
    return " ".join(word for word in words if word)


class WatchList:
    """Names to warn about before a note is saved, held in memory only.

    Adding a name a second time (in any case or accents) keeps the first spelling.
    A single string is taken as one name, not as a list of letters. The list also
    carries the region the facilitator's local phone numbers are read in, so the guard
    of a session checks every note and card the same way.

    Args:
        names: The names to start with.
        region: Two-letter region for phone numbers written without a country code
            (checked when a text is, by the guard); ``US`` when not given.

    Raises:
        ValueError: If a name is empty or has no letters or digits.
    """

    def __init__(self, names: Iterable[str] = (), *, region: str = "US") -> None:
        self._names: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self.region = region.strip().upper()
        """The region local phone numbers are read in, as the settings resolved it."""
        if isinstance(names, str):
            names = [names]
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """Add ``name`` to the list.

        Raises:
            ValueError: If ``name`` is empty or has no letters or digits.
        """
        key = _name_key(name)
        if not re.search(r"\w", key):
            message = _("a name on the watch list needs letters, not {name}")
            raise ValueError(message.format(name=repr(name)))
        if key not in self._names:
            self._names[key] = name.strip()
            self._pattern = None

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names.values())

    def __bool__(self) -> bool:
        return bool(self._names)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _name_key(name) in self._names

    def __repr__(self) -> str:
        # Never the names themselves: a repr ends up in logs and tracebacks.
        return f"<WatchList of {len(self)} name{'s' if len(self) != 1 else ''}>"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a watch list is held in memory only and cannot be saved")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where names from the list appear in ``text``, as ``(start, end)`` offsets.

        A longer name wins over a shorter one at the same place ("Anne Marie" over
        "Anne"). A possessive ending stays outside the span, so redacting
        "Maria's idea" leaves "'s idea".
        """
        if not self._names:
            return []
        folded, origin = fold(text)
        found = []
        for match in self._compiled().finditer(folded):
            start = origin[match.start()]
            # Up to the next kept character, so accents written as separate
            # combining marks go with the letter they sit on.
            end = origin[match.end()] if match.end() < len(origin) else len(text)
            found.append((start, end))
        return found

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            alternatives = [
                r"[\s-]+".join(re.escape(word) for word in key.split(" "))
                for key in sorted(self._names, key=len, reverse=True)
            ]
            self._pattern = re.compile(_BEFORE + "(?:" + "|".join(alternatives) + ")" + _AFTER)
        return self._pattern
