"""Listing the sessions folder: read what changed since the index last looked, set damage aside.

:func:`scan_sessions` is what :meth:`~.session_store.SessionStore.list` does. It holds the
folder's index lock, trusts an index entry while its file's stamp still matches, reads
only the files that changed (and those with a journal beside them, whose file alone is
not the whole story: see :mod:`.journal`), and writes the index back if anything moved
(when it can: listing never needs to write). A file that is not a session circlekeeper can read is
reported and the others listed: a damaged one is set aside as ``<name>.damaged`` unless
another window holds it open; one written by a newer circlekeeper, and anything that is
not a regular file, is unreadable or too large, is left where it is.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import (
    DamagedFile,
    UnreadableFile,
    regular_file_stat,
)
from circlekeeper.sessions.storage.folder import SessionFolder, SessionLocked
from circlekeeper.sessions.storage.index import (
    DamagedEntry,
    Listing,
    index_entry,
    read_index,
    stamp_of,
    summary_from_entry,
    write_index,
)
from circlekeeper.sessions.storage.journal import JOURNAL_SUFFIX
from circlekeeper.sessions.storage.session_file import NewerSchema, read_session

__all__ = ["scan_sessions"]


def scan_sessions(folder: SessionFolder) -> Listing:
    """Every session in ``folder``, most recently updated first, and any damaged files.

    Listing never needs to write: on a full disk, a read-only folder or while another
    window keeps the index busy, the sessions are read without the index and the index
    is left as it was.
    """
    listing = Listing()
    if not folder.root.is_dir():
        return listing
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(folder.index_lock())
            locked = True
        except StorageError:
            locked = False
        # Read even without the lock: the index is replaced whole, never seen half written.
        old = read_index(folder.index_path)
        entries: dict[str, dict[str, Any]] = {}
        journaled = {path.name for path in folder.root.glob(f"*{JOURNAL_SUFFIX}")}
        for session_id, path in folder.session_files():
            # A session with a journal is read whole: its file's stamp misses the journal.
            trusted = {} if f"{session_id}{JOURNAL_SUFFIX}" in journaled else (old or {})
            entry = _entry(folder, session_id, path, trusted, listing)
            if entry is not None:
                entries[session_id] = entry
        if locked and entries != old:
            # The index is a cache: failing to save it changes nothing that was listed.
            with contextlib.suppress(StorageError):
                write_index(folder.index_path, entries)
                listing.index_rebuilt = old is None
    just_moved = {entry.moved_to for entry in listing.damaged}
    for path in folder.damaged_files():
        if path not in just_moved:
            listing.damaged.append(DamagedEntry(path, "set aside earlier", path))
    listing.sessions = sorted(
        (summary_from_entry(sid, entry, folder.path_of(sid)) for sid, entry in entries.items()),
        key=lambda summary: (summary.updated, summary.id),
        reverse=True,
    )
    return listing


def _entry(
    folder: SessionFolder,
    session_id: str,
    path: Path,
    old: dict[str, dict[str, Any]],
    listing: Listing,
) -> dict[str, Any] | None:
    """The index entry of one session file, or ``None`` (reported in ``listing``) if none."""
    try:
        found = regular_file_stat(path)
        if found is None:
            return None  # deleted from another window while we looked
        stamp = stamp_of(found)
        entry = old.get(session_id)
        if entry is not None and entry["stamp"] == stamp:
            return entry
        session = read_session(path)
        if session is None:
            return None
        return index_entry(session[1], stamp)
    except NewerSchema as error:
        listing.damaged.append(DamagedEntry(path, error.reason))
    except UnreadableFile as error:
        listing.damaged.append(DamagedEntry(path, f"{error.reason}; left where it is"))
    except DamagedFile as error:
        listing.damaged.append(_set_aside(folder, error, session_id))
    return None


def _set_aside(folder: SessionFolder, error: DamagedFile, session_id: str) -> DamagedEntry:
    """Set a damaged session file aside unless it is open in another window."""
    try:
        lock = folder.take(session_id)
    except SessionLocked:
        return DamagedEntry(error.path, f"{error.reason} (open in another window)")
    except StorageError:
        return DamagedEntry(error.path, f"{error.reason}; could not set it aside")
    try:
        moved = folder.set_aside(error.path)
    except StorageError:
        return DamagedEntry(error.path, f"{error.reason}; could not set it aside")
    finally:
        folder.release(lock, session_id)
    return DamagedEntry(error.path, error.reason, moved)
