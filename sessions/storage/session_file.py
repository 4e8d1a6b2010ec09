"""The session file format: TinyDB tables in one JSON file, versioned and migrated.

A session file holds TinyDB's tables (meta, events, notes) as one JSON document, written
through :mod:`.atomic` by :class:`AtomicJSONStorage`. Its meta records the schema version
(:data:`~.record.SCHEMA_VERSION`); an older file is brought up to date on opening by the
steps in :data:`MIGRATIONS`, and a newer one is reported and left untouched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import (
    DamagedFile,
    dumps,
    load_json,
    read_text,
    write_atomic,
)
from circlekeeper.sessions.storage.claim import Claim
from circlekeeper.sessions.storage.index import SessionSummary, brief, summary_from_meta
from circlekeeper.sessions.storage.journal import Journal, read_journal, replay
from circlekeeper.sessions.storage.record import META_TABLE, SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Schema version -> function turning a session file's data of that version into the next.

Add an entry here when :data:`~circlekeeper.sessions.storage.record.SCHEMA_VERSION` is bumped.
The function gets the whole TinyDB data (tables by name) and returns it changed; the
version number in the metadata is set by :func:`migrate`.
"""


class NewerSchema(StorageError):
    """A file written by a newer circlekeeper; it is reported and left untouched."""

    def __init__(self, path: Path, version: int) -> None:
        reason = (
            f"written by a newer circlekeeper (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); left untouched"
        )
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was left untouched."""
        self.reason = reason
        """What was found, in a few words."""
        self.version = version
        """The schema version found in the file."""


def parse_tables(text: str, path: Path) -> dict[str, dict[str, Any]]:
    """Parse a TinyDB file's text, checking it has the shape of tables of documents.

    Raises:
        DamagedFile: when the text is not JSON, is nested too deeply or holds a number too
            long to read, or is not tables of documents.
    """
    data = load_json(text, path)
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DamagedFile(path, "not a circlekeeper session file (unexpected layout)")
    return data


def schema_of(data: dict[str, Any]) -> Any:
    """The schema version recorded in a session file's metadata (``None`` if missing)."""
    meta = data.get(META_TABLE, {}).get("1")
    return meta.get("schema") if isinstance(meta, dict) else None


def migrate(
    data: dict[str, Any],
    path: Path,
    migrations: dict[int, Migration] | None = None,
    target: int = SCHEMA_VERSION,
) -> tuple[dict[str, Any], bool]:
    """Bring a session file's data up to ``target``; returns the data and whether it changed.

    Raises:
        NewerSchema: the file is newer than ``target``.
        DamagedFile: the version is missing, not a number, or has no migration path.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = schema_of(data)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise DamagedFile(path, f"unknown schema version {brief(version)}")
    if version > target:
        raise NewerSchema(path, version)
    changed = False
    while version < target:
        step = steps.get(version)
        if step is None:
            raise DamagedFile(path, f"unknown schema version {version} (no migration)")
        data = step(data)
        version += 1
        data[META_TABLE]["1"]["schema"] = version
        changed = True
    return data, changed


def check_session_text(text: str, path: Path) -> tuple[dict[str, Any], SessionSummary, bool]:
    """Parse, migrate and check a session file's text.

    Returns:
        The data, its summary and whether a migration changed it.

    Raises:
        DamagedFile: the text is empty, not JSON or not a session file.
        NewerSchema: a newer circlekeeper wrote it.
    """
    if not text.strip():
        raise DamagedFile(path, "empty file")
    data, migrated = migrate(parse_tables(text, path), path)
    return data, summary_from_meta(data[META_TABLE]["1"], path), migrated


def read_session(path: Path) -> tuple[dict[str, Any], SessionSummary, bool] | None:
    """Read, migrate and check a session file with any journal left beside it.

    The journal is read first: if its session is being closed in another window at this
    moment, the file read after it already holds the journal, and reading the journal's
    actions again changes nothing.

    Returns:
        The data, its summary and whether it differs from the file (migrated, or with a
        journal's actions in it); ``None`` when there is no such file.

    Raises:
        DamagedFile: the file is empty, not JSON or not a session file.
        UnreadableFile: the file or its journal is not a regular file, or too large.
        NewerSchema: a newer circlekeeper wrote it.
    """
    journal = read_journal(path)
    text = read_text(path)
    if text is None:
        return None
    data, summary, changed = check_session_text(text, path)
    if journal is None:
        return data, summary, changed
    data = replay(data, journal[0])
    return data, summary_from_meta(data[META_TABLE]["1"], path), True


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes through :func:`write_atomic`.

    The owner of the file holds its lock (see :mod:`.folder`), so nothing else writes it and
    the text last read or written is kept in memory instead of reading the file on every
    access. Each read parses that text afresh: TinyDB changes the data it reads in place,
    so handing out one shared object would let a failed write leave the memory copy ahead
    of the file.

    With ``journal``, a placed file is written whole only by :meth:`compact`: each action
    in between is appended to the session's journal (see :mod:`.journal`).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        text: str | None = None,
        draft: bool = False,
        claim: Claim | None = None,
        journal: bool = False,
    ) -> None:
        """Open the storage; nothing is read or created until TinyDB asks.

        Args:
            path: The JSON file.
            text: The file's current text when the caller has just read (and checked) it.
            draft: Keep what is written in memory until :meth:`place` (a new file).
            claim: Checked before each write, so another window's saves are never
                overwritten (see :mod:`.claim`).
            journal: Keep a journal of actions once the file is placed.
        """
        super().__init__()
        self.path = Path(path)
        """The file this storage reads and replaces."""
        self.draft = draft
        """Writes are kept in memory: the file does not exist until :meth:`place`."""
        self._text = text
        self._claim = claim
        self.journal = Journal(self.path, claim) if journal else None
        """Where actions are appended between whole writes, if kept."""

    @property
    def journaled(self) -> bool:
        """Actions go to the journal now (it is kept and the file is placed)."""
        return self.journal is not None and not self.draft

    def compact(self, text: str) -> None:
        """Write the file whole as ``text``, then remove the journal it now holds.

        Raises:
            StorageError: the file could not be written; the journal is kept.
        """
        self._write(text)
        self._text = text
        if self.journal is not None:
            self.journal.remove()

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._text is None:
            text = read_text(self.path)
            if text is None:
                return None
            if not text.strip():
                raise DamagedFile(self.path, "empty file")
            data = parse_tables(text, self.path)
            self._text = text
            return data
        # The text was checked when it was first read or written.
        tables: dict[str, dict[str, Any]] = json.loads(self._text)
        return tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.write_text(dumps(data, self.path))

    def write_text(self, text: str) -> None:
        """Write the file's whole new ``text``, serialised by the caller."""
        if text == self._text:
            # TinyDB writes even when an update matched nothing; the file already says this.
            return
        if not self.draft:
            self._write(text)
        self._text = text

    def _write(self, text: str, *, overwrite: bool = True) -> None:
        if self._claim is not None:
            self._claim.check()
        write_atomic(self.path, text, overwrite=overwrite)
        if self._claim is not None:
            self._claim.wrote()

    def place(self) -> None:
        """Write a draft's file whole, where no file is yet; later writes go straight to it.

        Raises:
            StorageError: it could not be written, or a file is already there.
        """
        if self.draft:
            self._write(self._text or "{}", overwrite=False)
            self.draft = False

    def close(self) -> None:
        self._text = None
        if self.journal is not None:
            self.journal.close()
