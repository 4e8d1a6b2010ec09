"""The template cache's companion file: each template's whole reading, kept apart.

The cache's main file holds what the lists show (each template's brief) and is read on
every launch; a whole reading (the agenda as JSON text) is wanted only when a template is
previewed or started. Kept in one file, the readings made every launch parse several
megabytes for a library of a couple of hundred templates. So they live in this file beside
the main one. It is read once, when the first whole reading is asked for, and even then
only the readings asked for are decoded: each brief notes where its reading lies in the
file (``at``: offset and length), so the home screen's first preview costs one slice,
not the whole library.

The two files are written one after the other, so either may be older than the other
(after a crash between the writes, or a copy of one of them). Each brief therefore also
carries a digest of its reading's text, and a reading here is trusted only when this file
was made by the same code as the main file and the text found where the brief says has
that digest; any other is read past, and the template file is read afresh instead.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def readings_file(main: Path) -> Path:
    """The companion of the cache's main file ``main``: ``templates.json`` keeps its
    readings in ``templates.readings.json``, ``templates-de.json`` in
    ``templates-de.readings.json``."""
    return main.with_name(f"{main.stem}.readings{main.suffix}")


def reading_digest(text: str) -> str:
    """The digest a brief keeps of its reading's text.

    It tells one reading from another after the two files were written apart, which a
    checksum does as well as a cryptographic digest, without loading one before the
    first frame; what a reading holds is checked as any kept reading is.
    """
    # Text read back from a damaged file may hold lone surrogates; they digest all the same.
    return f"crc32:{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}"


class KeptReadings:
    """The companion file of one cache, read when a reading is first asked for."""

    def __init__(self, path: Path, layout: int, code: str) -> None:
        """Readings kept at ``path``, trusted only if written in the cache's ``layout`` by
        the code whose stamp is ``code``."""
        self.path = path
        """The companion file."""
        # The file is one JSON object, and always begins with exactly this.
        head = {"format": layout, "code": code, "readings": {}}
        self._head = json.dumps(head).encode("utf-8")[: -len("}}")]
        self._data: bytes | None = None
        self._keyed: dict[str, Any] | None = None

    def _load(self) -> bytes:
        try:
            data = self.path.read_bytes()
        except OSError:
            return b""
        # From other code or in another layout, nothing in it is trusted.
        return data if data.startswith(self._head) else b""

    def text(self, key: str, at: object, digest: object) -> str | None:
        """The reading kept under ``key``, found ``at`` (offset, length), if its text has
        ``digest``; None otherwise."""
        if self._data is None:
            # Once for the whole library, whichever template asks first.
            self._data = self._load()
        if not isinstance(digest, str):
            return None
        text = self._slice(at)
        if text is not None and reading_digest(text) == digest:
            return text
        # Not where the brief says (the files were written apart): looked up by key.
        text = self._by_key().get(key)
        return text if isinstance(text, str) and reading_digest(text) == digest else None

    def _slice(self, at: object) -> str | None:
        assert self._data is not None
        if not isinstance(at, list) or len(at) != 2:
            return None
        start, length = at
        if not isinstance(start, int) or not isinstance(length, int) or start < len(self._head):
            return None
        try:
            text = json.loads(self._data[start : start + length])
        except (ValueError, RecursionError):
            return None
        return text if isinstance(text, str) else None

    def _by_key(self) -> dict[str, Any]:
        """Every reading in the file by its key, decoded when first needed."""
        if self._keyed is None:
            self._keyed = {}
            with contextlib.suppress(ValueError, RecursionError, AttributeError):
                texts = json.loads(self._data or b"{}").get("readings")
                self._keyed = texts if isinstance(texts, dict) else {}
        return self._keyed

    def rewrite(
        self, kept: Mapping[str, Mapping[str, Any]], fresh: dict[str, str]
    ) -> dict[str, list[int]]:
        """Replace the file with the readings of the briefs in ``kept``: the text in
        ``fresh``, or else the one this file holds where the brief says.

        Returns:
            Where each reading written lies (``at``), by key; a reading neither fresh nor
            found here is left out.

        Raises:
            OSError: the file cannot be written.
            StorageError: the write failed part way; the old file is left as it was.
        """
        parts, offset = [self._head], len(self._head)
        where: dict[str, list[int]] = {}
        for key, brief in kept.items():
            text = fresh.get(key) or self.text(key, brief.get("at"), brief.get("digest"))
            if text is None:
                continue
            name = f"{', ' if where else ''}{json.dumps(key)}: ".encode()
            literal = json.dumps(text).encode("utf-8")
            where[key] = [offset + len(name), len(literal)]
            parts += [name, literal]
            offset += len(name) + len(literal)
        data = b"".join([*parts, b"}}"])
        # The writer loads only when something changed: a warm launch writes nothing.
        from circlekeeper.sessions.storage.atomic import write_file_atomic

        write_file_atomic(self.path, data)
        # What this launch asks for later is sliced from what was written.
        self._data, self._keyed = data, None
        return where
