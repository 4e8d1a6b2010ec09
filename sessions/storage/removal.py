"""Deleting for real: every copy of a session's notes, and set-aside files past an age.

A session's notes can sit in more than its own file: a copy set aside as damaged keeps
them, and so does the temporary file of a save that a crash cut short. Deleting a session
removes them all, under the session's lock so no save is under way, and takes it out of
the index. Files set aside are listed with the time they last changed, so a purge can
remove those older than the sessions it removes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import fsync_folder
from circlekeeper.sessions.storage.folder import SESSION_SUFFIX, SessionFolder, UnknownSession
from circlekeeper.sessions.storage.index import read_index, write_index
from circlekeeper.sessions.storage.messages import could_not, no_session

__all__ = ["SetAsideFile", "delete_session", "remove_file", "set_aside_files"]


@dataclass(frozen=True)
class SetAsideFile:
    """A file set aside as damaged, which may still hold a session's notes."""

    path: Path
    """Where it is."""
    changed: datetime
    """When its content last changed (setting it aside keeps that time)."""

    @property
    def session(self) -> str:
        """The id of the session it was the file of (any other name gives no id)."""
        return self.path.name.partition(SESSION_SUFFIX)[0]

    def age_days(self, now: datetime) -> int:
        """Whole days from its last change to ``now``."""
        return max(0, (now - self.changed).days)


def delete_session(folder: SessionFolder, session_id: str) -> list[Path]:
    """Remove every copy of a session's notes, its lock file and its index entry.

    Returns:
        The files removed: the session's own file first when there was one.

    Raises:
        UnknownSession: nothing of that session is in the folder.
        SessionLocked: it is open in another window.
        StorageError: a file could not be removed (the others may have been).
    """
    if not folder.copies_of(session_id):
        raise UnknownSession(no_session(session_id, folder.root))
    lock = folder.take(session_id)
    try:
        # Listed again under the lock: a save finished meanwhile may have renamed a file.
        copies = folder.copies_of(session_id)
        if not copies:
            raise UnknownSession(no_session(session_id, folder.root))
        for path in copies:
            remove_file(path)
        with folder.index_lock():
            entries = read_index(folder.index_path)
            if entries and entries.pop(session_id, None) is not None:
                write_index(folder.index_path, entries)
    finally:
        folder.release(lock, session_id)
    return copies


def remove_file(path: Path) -> None:
    """Remove one file (a link itself, never what it points to) and make that durable.

    Raises:
        StorageError: it is there but could not be removed.
    """
    try:
        path.unlink(missing_ok=True)
        fsync_folder(path.parent)
    except OSError as exc:
        raise StorageError(could_not("delete", path, exc.strerror or exc)) from exc


def set_aside_files(folder: SessionFolder) -> list[SetAsideFile]:
    """Every file set aside as damaged in ``folder``, oldest change first."""
    found = []
    for path in folder.damaged_files():
        try:
            changed = path.lstat().st_mtime
        except OSError:
            continue  # removed meanwhile
        found.append(SetAsideFile(path, datetime.fromtimestamp(changed, timezone.utc)))
    return sorted(found, key=lambda file: (file.changed, file.path))
