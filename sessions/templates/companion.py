"""The template cache's companion file: each template's whole reading, kept apart.

The cache's main file holds what the lists show (each template's brief) and is read on
every launch; a whole reading (the agenda as JSON text) is wanted only when a template is
previewed or started. Kept in one file, the readings made every launch parse several
megabytes for a library of a couple of hundred templates. So they live in this file beside
the main one, read once, when the first whole reading is asked for.

The two files are written one after the other, so either may be older than the other
(after a crash between the writes, or a copy of one of them). Each brief in the main file
therefore carries a digest of its reading's text, and a reading here is trusted only when
this file was made by the same code as the main file and its text has that digest; any
other reading is read past, and the template file is read afresh instead.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from circlekeeper.sessions.storage.atomic import write_file_atomic


def readings_file(main: Path) -> Path:
    """The companion of the cache's main file ``main``: ``templates.json`` keeps its
    readings in ``templates.readings.json``, ``templates-de.json`` in
    ``templates-de.readings.json``."""
    return main.with_name(f"{main.stem}.readings{main.suffix}")


def reading_digest(text: str) -> str:
    """The digest a brief keeps of its reading's text."""
    # Text read back from a damaged file may hold lone surrogates; they digest all the same.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class KeptReadings:
    """The companion file of one cache, read when a reading is first asked for."""

    def __init__(self, path: Path, layout: int, code: str) -> None:
        """Readings kept at ``path``, trusted only if written in the cache's ``layout`` by
        the code whose stamp is ``code``."""
        self.path = path
        """The companion file."""
        self._layout = layout
        self._code = code
        self._texts: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != self._layout:
            return {}
        texts = data.get("readings")
        if data.get("code") != self._code or not isinstance(texts, dict):
            return {}
        return texts

    def text(self, key: str, digest: object) -> str | None:
        """The reading kept under ``key`` if its text has ``digest``; None otherwise."""
        if self._texts is None:
            # Once for the whole library, whichever template asks first.
            self._texts = self._load()
        text = self._texts.get(key)
        if not isinstance(text, str) or not isinstance(digest, str):
            return None
        return text if reading_digest(text) == digest else None

    def rewrite(self, digests: dict[str, object], fresh: dict[str, str]) -> list[str]:
        """Replace the file with the readings under the keys of ``digests``: the text in
        ``fresh``, or else the one this file holds with the digest given.

        Returns:
            The keys written; a reading neither fresh nor found here is left out.

        Raises:
            OSError: the file cannot be written.
            StorageError: the write failed part way; the old file is left as it was.
        """
        texts = {}
        for key, digest in digests.items():
            text = fresh.get(key) or self.text(key, digest)
            if text is not None:
                texts[key] = text
        # Held in memory first: what this launch asks for later is served either way.
        self._texts = texts
        payload = {"format": self._layout, "code": self._code, "readings": texts}
        write_file_atomic(self.path, json.dumps(payload).encode("utf-8"))
        return list(texts)
