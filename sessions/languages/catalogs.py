"""The message catalogs shipped with circlekeeper, and loading one for a language.

Catalogs are gettext files under ``locale/<language>/LC_MESSAGES/`` beside this module:
the ``.po`` sources that translators edit and the ``.mo`` files compiled from them by
``scripts/catalogs``, both shipped in the package so a clean clone and an installed
wheel read the same words. A language without a catalog speaks English.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

DOMAIN = "circlekeeper"
"""The gettext domain: the catalogs' file name."""

SOURCE_LANGUAGE = "en"
"""The language the messages are written in, in the code."""

SHIPPED = ("en", "de", "es")
"""The languages whose catalogs ship complete."""


def locale_dir() -> Path:
    """The folder holding a ``<language>/LC_MESSAGES`` folder for each catalog."""
    return Path(str(files(__package__).joinpath("locale")))


@lru_cache(maxsize=16)
def translations(tag: str) -> gettext.NullTranslations:
    """The catalog for ``tag`` (``de-AT`` falls back to ``de``), or English.

    Args:
        tag: A language tag, ``""`` for none.
    """
    if not tag:
        return gettext.NullTranslations()
    language, _, rest = tag.partition("-")
    region = rest.rsplit("-", 1)[-1]
    wanted = [f"{language}_{region}", language] if rest else [language]
    return gettext.translation(DOMAIN, locale_dir(), languages=wanted, fallback=True)
