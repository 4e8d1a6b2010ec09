"""A :class:`Language`: the words to use, and how days, times and numbers are written.

Babel formats days, times and numbers as the language's locale writes them, and is
loaded only when something is formatted, so opening the app does not pay for it. With no
language at all (the C locale) everything reads as before circlekeeper spoke any other:
English words, ``Wednesday 4 March 2026``, ``18:05``.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from circlekeeper.sessions.languages.catalogs import SOURCE_LANGUAGE, translations
from circlekeeper.sessions.languages.tags import is_rtl, primary

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=16)
def _babel_locale(tag: str) -> Locale | None:
    """Babel's locale for ``tag``, or ``None`` when Babel knows no such locale."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return None


# A named tuple, not a frozen dataclass: it is defined on every launch, and a dataclass
# costs several times as much to define for methods nothing here needs.
class Language(NamedTuple):
    """A language to speak and to write days, times and numbers in."""

    tag: str = ""
    """A BCP 47 tag (``de``, ``es-MX``); empty for none (the C locale): English, 24-hour."""
    clock: str = ""
    """``12h`` or ``24h`` to say how times are written; empty: as the language writes them."""

    @property
    def code(self) -> str:
        """The language without region, for ``<html lang>``: ``de``; ``en`` when none."""
        return primary(self.tag) if self.tag else SOURCE_LANGUAGE

    @property
    def html_lang(self) -> str:
        """The value for an HTML ``lang`` attribute: the tag, or ``en``."""
        return self.tag or SOURCE_LANGUAGE

    @property
    def direction(self) -> str:
        """``rtl`` for a language written right to left, else ``ltr``."""
        return "rtl" if is_rtl(self.tag) else "ltr"

    def with_tag(self, tag: str) -> Language:
        """The same clock in another language; a tag naming only our language keeps ours.

        A German agenda exported by a facilitator in Austria keeps ``de-AT``.
        """
        if not tag or tag == self.tag or (self.tag and "-" not in tag and primary(self.tag) == tag):
            return self
        return Language(tag, self.clock)

    def gettext(self, message: str) -> str:
        """``message`` in this language (as written when there is no translation)."""
        return translations(self.tag).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form of a message for ``count``, in this language."""
        return translations(self.tag).ngettext(singular, plural, count)

    def _locale(self) -> Locale | None:
        return _babel_locale(self.tag) if self.tag else None

    def time(self, moment: datetime) -> str:
        """A time of day as this language writes it (``18:05``, ``6:05 PM``), as recorded."""
        locale = self._locale()
        if locale is None:
            if self.clock == "12h":
                return f"{moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
            return f"{moment:%H:%M}"
        from babel.dates import format_skeleton, format_time

        # Formatted as recorded: no tzinfo given, so Babel keeps the time's own zone.
        if self.clock == "12h":
            return format_skeleton("hm", moment, locale=locale)
        if self.clock == "24h":
            return format_skeleton("Hm", moment, locale=locale)
        return format_time(moment, format="short", locale=locale)

    def day(self, day: date) -> str:
        """A day in words: ``Wednesday 4 March 2026``, ``Mittwoch, 4. März 2026``."""
        locale = self._locale()
        if locale is None:
            return f"{day:%A} {day.day} {day:%B %Y}"
        from babel.dates import format_date

        return format_date(day, format="full", locale=locale)

    def number(self, value: Any) -> str:
        """A number as this language writes it: ``1,234.5``, ``1.234,5``."""
        locale = self._locale()
        if locale is None:
            return f"{value:,}" if isinstance(value, int) else str(value)
        from babel.numbers import format_decimal

        return format_decimal(value, locale=locale)
