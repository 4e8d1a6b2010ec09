"""Readings of the built-in templates, shipped with the package.

A launch that finds no cached reading at all (the first after installing or upgrading, or
after the cache was cleared) would otherwise load the markdown and YAML parser and run it
on every built-in template before the home screen is drawn. So the package carries what
each built-in template reads to, made before release by ``scripts/template-readings``
(see :mod:`circlekeeper.sessions.templates.ship`): one JSON file beside the templates
holding, under a digest of each template file's bytes, its reading in the form the cache
keeps. A shipped reading is used only for a built-in file whose bytes still have that
digest, and only while the parser's own code reads as it did when the file was made;
otherwise the file is read as always. The file is looked at only when the cache misses,
never on a warm launch. Like the cache it is only a shortcut: a missing, damaged or odd
file is read past quietly, and the templates themselves are always what counts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from circlekeeper.sessions.templates.cache import FORMAT as CACHE_FORMAT
from circlekeeper.sessions.templates.cache import Brief, TemplateCache, _brief_from_dict

SHIPPED_NAME = "readings.json"
"""The file of shipped readings, inside the built-in templates' package."""

FORMAT = 1
"""Bumped when the shipped file's layout changes."""


def parser_digest() -> str:
    """A digest of what the template parser's own source files say (their names and bytes).

    Unlike the cache's stamp, which trusts sizes and change times on this machine, this
    must come out the same wherever the package is installed, so it reads the files
    themselves. The libraries the parser reads with are left out: their versions are not
    pinned, and an installed copy would then never match.
    """
    # Like every use of this file, only when the cache misses: a warm launch hashes nothing.
    import hashlib

    digest = hashlib.sha256(f"{CACHE_FORMAT}:{FORMAT}\n".encode())
    for source in sorted(Path(__file__).parent.glob("*.py"), key=lambda p: p.name):
        try:
            data = source.read_bytes()
        except OSError:
            # A digest that matches no shipped file, so every template is read afresh.
            return ""
        digest.update(f"{source.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def bytes_digest(data: bytes) -> str:
    """The key of a template file's reading in the shipped file: a digest of its bytes."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


class ShippedReadings:
    """The shipped file of built-in templates' readings, read when first looked in."""

    def __init__(self, source: Path) -> None:
        """Look for readings in ``source``, read only when a template's is first asked for."""
        self.source = source
        """The shipped file."""
        self._readings: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.source.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        readings = data.get("readings")
        if not isinstance(readings, dict) or data.get("parser") != parser_digest():
            return {}
        return readings

    def _find(self, name: str, data: bytes) -> tuple[Brief, dict[str, Any]] | None:
        if self._readings is None:
            self._readings = self._load()
        shipped = self._readings.get(bytes_digest(data))
        # The name is in the reading (it is the agenda's), so a renamed file is read afresh.
        if not isinstance(shipped, dict) or shipped.get("name") != name:
            return None
        stored: dict[str, Any] = {"brief": shipped.get("brief"), "reading": shipped.get("reading")}
        # Trusted exactly as a kept reading is: the brief now, the whole when it is loaded.
        try:
            brief = _brief_from_dict(stored["brief"])
        except (KeyError, TypeError, ValueError, OverflowError):
            return None
        return (brief, stored) if isinstance(stored["reading"], str) else None

    def keep_in(self, cache: TemplateCache, key: str, name: str, data: bytes) -> Brief | None:
        """Keep the shipped reading of the built-in template ``name``, whose file holds
        ``data``, in ``cache`` under ``key``.

        Returns:
            Its brief, as :meth:`TemplateCache.brief` does; None when nothing shipped fits
            the file or what fits is not to be trusted.
        """
        found = self._find(name, data)
        if found is None:
            return None
        brief, stored = found
        cache.keep(key, stored)
        return brief
