"""Language tags: read from the locale or a setting, checked, and told apart by direction.

A tag is written the BCP 47 way, ``de`` or ``es-MX``; a locale name such as
``de_DE.UTF-8@euro`` is read as ``de-DE``. The C and POSIX locales name no language: an
empty tag, which means English words and 24-hour times, as the C locale writes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"}
)
"""Languages written right to left (primary subtags)."""

MESSAGE_LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Variables the language of messages is read from, the first one set winning."""

CLOCKS = ("12h", "24h")
"""The values the ``clock`` setting takes; empty means as the locale writes times."""

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")


def normal_tag(text: str) -> str | None:
    """``text`` as a tag (``de_de`` -> ``de-DE``), or ``None`` when it is not one."""
    match = _TAG.match(text.strip())
    if match is None:
        return None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def primary(tag: str) -> str:
    """The language of a tag without its script or region: ``es-MX`` -> ``es``."""
    return tag.split("-", 1)[0]


def is_rtl(tag: str) -> bool:
    """Whether the language of ``tag`` is written right to left."""
    return primary(tag) in RTL_LANGUAGES


def locale_tag(name: str) -> str:
    """The tag of a locale name: ``de_DE.UTF-8@euro`` -> ``de-DE``; C and POSIX -> ``""``."""
    base = name.split(":", 1)[0].split(".", 1)[0].split("@", 1)[0]
    if base in ("", "C", "POSIX"):
        return ""
    return normal_tag(base) or ""


def system_tag(environ: Mapping[str, str]) -> str:
    """The language the environment's locale asks for, as a tag (``""`` for none)."""
    for name in MESSAGE_LOCALE_ENV:
        value = environ.get(name, "")
        if value:
            return locale_tag(value)
    return ""


def chosen_tag(configured: str, environ: Mapping[str, str]) -> str:
    """The tag to speak: the ``language`` setting, else the locale's.

    A setting without a region (``en``) takes the locale's region when the locale is
    in the same language (``en_GB``), so the dates and times still read as at home.

    Args:
        configured: The ``language`` setting (already checked), or empty.
        environ: The environment as read at start-up.
    """
    system = system_tag(environ)
    if not configured:
        return system
    if "-" not in configured and system and primary(system) == configured:
        return system
    return configured
