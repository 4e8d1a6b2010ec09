"""Listing the sessions folder: read what changed since the index last looked, set damage aside.

:func:`scan_sessions` is what :meth:`~.session_store.SessionStore.list` does. It holds the
folder's index lock, trusts an index entry while its file's stamp still matches, reads
only the files that changed, and writes the index back if anything moved. A file that is
not a session circlekeeper can read is reported; a damaged one is set aside as
``<name>.damaged`` unless another window holds it open, and one written by a newer
circlekeeper is left where it is.
"""

from __future__ import annotations

from typing import Any

from circlekeeper.sessions.storage.atomic import DamagedFile, read_text
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
from circlekeeper.sessions.storage.session_file import NewerSchema, check_session_text

__all__ = ["scan_sessions"]


def scan_sessions(folder: SessionFolder) -> Listing:
    """Every session in ``folder``, most recently updated first, and any damaged files."""
    listing = Listing()
    if not folder.root.is_dir():
        return listing
    with folder.index_lock():
        old = read_index(folder.index_path)
        listing.index_rebuilt = old is None
        entries: dict[str, dict[str, Any]] = {}
        for session_id, path in folder.session_files():
            try:
                stamp = stamp_of(path.stat())
                entry = (old or {}).get(session_id)
                if entry is None or entry["stamp"] != stamp:
                    text = read_text(path)
                    if text is None:
                        continue
                    entry = index_entry(check_session_text(text, path)[1], stamp)
            except FileNotFoundError:
                continue  # deleted from another window while we looked
            except NewerSchema as error:
                listing.damaged.append(DamagedEntry(path, error.reason))
                continue
            except DamagedFile as error:
                listing.damaged.append(_set_aside(folder, error, session_id))
                continue
            entries[session_id] = entry
        if entries != old:
            write_index(folder.index_path, entries)
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


def _set_aside(folder: SessionFolder, error: DamagedFile, session_id: str) -> DamagedEntry:
    """Set a damaged session file aside unless it is open in another window."""
    try:
        lock = folder.take(session_id)
    except SessionLocked:
        return DamagedEntry(error.path, f"{error.reason} (open in another window)")
    try:
        moved = folder.set_aside(error.path)
    finally:
        folder.release(lock, session_id)
    return DamagedEntry(error.path, error.reason, moved)
