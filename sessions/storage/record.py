"""One session's record on disk: its metadata, its event log and its notes.

A :class:`SessionRecord` is handed an open TinyDB (file-backed in the app, in memory in
some tests) and offers the few operations the session engine needs. It reads the tables
once and keeps them in memory (:mod:`.tables`); each method that changes something makes
one write through TinyDB's storage, and returns only after it is written, so with the
atomic storage in :mod:`.session_file` the change is on disk when the call returns. With
a storage that keeps a journal (:mod:`.journal`), that write is one line appended to it,
and the file is written whole when the record is closed: an action costs the same
however long the session has run.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol, runtime_checkable

from tinydb import TinyDB

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.journal import Journal, encode
from circlekeeper.sessions.storage.tables import Change, Tables

SCHEMA_VERSION = 1
"""The version of the record's layout; bump it with a migration in :mod:`.session_file`."""

META_TABLE = "meta"
EVENTS_TABLE = "events"
NOTES_TABLE = "notes"
_META_ID = "1"


@runtime_checkable
class TextStorage(Protocol):
    """A storage that can be handed the file's text whole, already serialised."""

    def write_text(self, text: str) -> None:
        """Write ``text`` as the file's new content."""


@runtime_checkable
class JournaledStorage(Protocol):
    """A storage that appends each change to a journal and writes its file whole later."""

    journal: Journal | None

    @property
    def journaled(self) -> bool:
        """Changes go to the journal now."""

    def compact(self, text: str) -> None:
        """Write the file whole as ``text`` and remove the journal."""


class SessionRecord:
    """The tables of one session file, read once and written one change at a time."""

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        self._tables = Tables(db.storage.read() or {})

    def _save(self, *changes: Change) -> None:
        """Write ``changes`` in one write; the tables in memory change only once it is done."""
        storage = self.db.storage
        where = str(getattr(storage, "path", "the session"))
        if isinstance(storage, JournaledStorage) and storage.journal and storage.journaled:
            storage.journal.append(encode(changes, self._tables.docs, where))
            self._tables.apply(changes)
            if storage.journal.full:
                self._compact(storage, where)
            return
        pending = self._tables.prepare(changes, where)
        if isinstance(storage, TextStorage):
            storage.write_text(pending.text)
        else:
            storage.write({name: dict(table) for name, table in pending.docs.items()})
        self._tables.commit(pending)

    # Metadata -------------------------------------------------------------------

    def read_meta(self) -> dict[str, Any]:
        """The session's metadata document (empty for a new file)."""
        return dict(self._tables.table(META_TABLE).get(_META_ID, {}))

    def _meta_change(self, fields: dict[str, Any]) -> Change:
        old = self._tables.table(META_TABLE).get(_META_ID)
        new = {"schema": SCHEMA_VERSION, **fields} if old is None else {**old, **fields}
        return (META_TABLE, _META_ID, new)

    def write_meta(self, **fields: Any) -> None:
        """Merge ``fields`` into the metadata document and write it."""
        self._save(self._meta_change(fields))

    # Events ---------------------------------------------------------------------

    def append_event(self, event: dict[str, Any], *, meta: dict[str, Any] | None = None) -> int:
        """Add one event to the log and return its sequence number (1-based).

        Args:
            event: the event.
            meta: fields merged into the metadata in the same write, if any.
        """
        key = self._tables.next_id(EVENTS_TABLE)
        changes: list[Change] = [(EVENTS_TABLE, key, dict(event))]
        if meta is not None:
            changes.append(self._meta_change(meta))
        self._save(*changes)
        return int(key)

    def events(self) -> list[dict[str, Any]]:
        """Every event, oldest first."""
        return _in_order(self._tables.table(EVENTS_TABLE))

    def drop_last_event(self) -> None:
        """Remove the newest event (used only to undo an event that was never acted on)."""
        table = self._tables.table(EVENTS_TABLE)
        if table:
            self._save((EVENTS_TABLE, max(table, key=int), None))

    # Notes ----------------------------------------------------------------------

    def _note_keys(self, note_id: Any) -> list[str]:
        notes = self._tables.table(NOTES_TABLE)
        return [key for key, doc in notes.items() if "id" in doc and doc["id"] == note_id]

    def put_note(self, note: dict[str, Any]) -> None:
        """Insert or replace the note whose ``"id"`` matches ``note["id"]``."""
        keys = self._note_keys(note["id"]) or [self._tables.next_id(NOTES_TABLE)]
        notes = self._tables.table(NOTES_TABLE)
        # A note edited keeps any field of the old one it does not name, as TinyDB's did.
        self._save(*((NOTES_TABLE, key, {**notes.get(key, {}), **note}) for key in keys))

    def delete_note(self, note_id: str) -> bool:
        """Remove a note for real; ``False`` when there was none with that id."""
        keys = self._note_keys(note_id)
        if keys:
            self._save(*((NOTES_TABLE, key, None) for key in keys))
        return bool(keys)

    def notes(self) -> list[dict[str, Any]]:
        """Every note, in the order they were first saved."""
        return _in_order(self._tables.table(NOTES_TABLE))

    def _compact(self, storage: JournaledStorage, where: str) -> None:
        """Fold the journal into the file; if that fails, the journal keeps every action."""
        with contextlib.suppress(StorageError):
            storage.compact(self._tables.text(where))

    def close(self) -> None:
        """Write the file whole if a journal was kept, then close the underlying TinyDB."""
        storage = self.db.storage
        if isinstance(storage, JournaledStorage) and storage.journal and storage.journal.size:
            self._compact(storage, str(getattr(storage, "path", "the session")))
        self.db.close()


def _in_order(table: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of a table's documents, by their number."""
    return [dict(table[key]) for key in sorted(table, key=int)]
