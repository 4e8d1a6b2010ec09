"""One session's record on disk: its metadata, its event log and its notes.

A :class:`SessionRecord` is handed an open TinyDB (file-backed in the app, in memory in
some tests) and offers the few operations the session engine needs. Every method that
changes something returns only after TinyDB's storage has written it, so with the atomic
storage in :mod:`.session_file` the change is on disk when the call returns.
"""

from __future__ import annotations

from typing import Any

from tinydb import Query, TinyDB

SCHEMA_VERSION = 1
"""The version of the record's layout; bump it with a migration in :mod:`.session_file`."""

META_TABLE = "meta"
EVENTS_TABLE = "events"
NOTES_TABLE = "notes"


class SessionRecord:
    """The tables of one session file.

    Tables are opened with ``cache_size=0`` so TinyDB's query cache can never answer
    with data older than the file.
    """

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        self._meta = db.table(META_TABLE, cache_size=0)
        self._events = db.table(EVENTS_TABLE, cache_size=0)
        self._notes = db.table(NOTES_TABLE, cache_size=0)

    # Metadata -------------------------------------------------------------------

    def read_meta(self) -> dict[str, Any]:
        """The session's metadata document (empty for a new file)."""
        doc = self._meta.get(doc_id=1)
        return dict(doc) if doc is not None else {}

    def write_meta(self, **fields: Any) -> None:
        """Merge ``fields`` into the metadata document and write it."""
        if self._meta.contains(doc_id=1):
            self._meta.update(fields, doc_ids=[1])
        else:
            self._meta.insert({"schema": SCHEMA_VERSION, **fields})

    # Events ---------------------------------------------------------------------

    def append_event(self, event: dict[str, Any]) -> int:
        """Add one event to the log and return its sequence number (1-based)."""
        return self._events.insert(dict(event))

    def events(self) -> list[dict[str, Any]]:
        """Every event, oldest first."""
        return [dict(doc) for doc in sorted(self._events.all(), key=lambda d: d.doc_id)]

    def drop_last_event(self) -> None:
        """Remove the newest event (used only to undo an event that was never acted on)."""
        docs = self._events.all()
        if docs:
            self._events.remove(doc_ids=[max(d.doc_id for d in docs)])

    # Notes ----------------------------------------------------------------------

    def put_note(self, note: dict[str, Any]) -> None:
        """Insert or replace the note whose ``"id"`` matches ``note["id"]``."""
        self._notes.upsert(dict(note), Query().id == note["id"])

    def delete_note(self, note_id: str) -> bool:
        """Remove a note for real; ``False`` when there was none with that id."""
        return bool(self._notes.remove(Query().id == note_id))

    def notes(self) -> list[dict[str, Any]]:
        """Every note, in the order they were first saved."""
        return [dict(doc) for doc in sorted(self._notes.all(), key=lambda d: d.doc_id)]

    def close(self) -> None:
        """Close the underlying TinyDB."""
        self.db.close()
