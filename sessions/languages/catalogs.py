"""The message catalogs shipped with circlekeeper, and loading one for a language.

Catalogs are gettext files under ``locale/<language>/LC_MESSAGES/`` beside this module:
the ``.po`` sources that translators edit and the ``.mo`` files compiled from them by
``scripts/catalogs``, both shipped in the package so a clean clone and an installed
wheel read the same words. A language without a catalog speaks English.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

DOMAIN = "circlekeeper"
"""The gettext domain: the catalogs' file name."""

SOURCE_LANGUAGE = "en"
"""The language the messages are written in, in the code."""

SHIPPED = ("en", "de", "es")
"""The languages whose catalogs ship complete."""


def locale_dir() -> Path:
    """The folder holding a ``<language>/LC_MESSAGES`` folder for each catalog."""
    # Beside this module: the catalogs ship inside the package, which is installed as files.
    return Path(__file__).parent / "locale"


class Catalog(Protocol):
    """A language's messages, as gettext's translations give them."""

    def gettext(self, message: str, /) -> str:
        """``message`` in the language."""

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        """The form of a message for ``n``, in the language."""


class AsWritten:
    """The messages as written in the code: English, for no language at all.

    gettext itself is loaded only for a language that has a catalog, so an app opened in
    no particular language does not wait for it.
    """

    def gettext(self, message: str, /) -> str:
        """``message`` itself."""
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        """``singular`` for one, else ``plural``, as English counts."""
        return singular if n == 1 else plural


@lru_cache(maxsize=16)
def translations(tag: str) -> Catalog:
    """The catalog for ``tag`` (``de-AT`` falls back to ``de``), or English.

    Args:
        tag: A language tag, ``""`` for none.
    """
    if not tag:
        return AsWritten()
    import gettext

    language, _, rest = tag.partition("-")
    region = rest.rsplit("-", 1)[-1]
    wanted = [f"{language}_{region}", language] if rest else [language]
    return gettext.translation(DOMAIN, locale_dir(), languages=wanted, fallback=True)
