"""An open session's file: its record, held under the session's lock until it is closed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.sessions.storage.record import SessionRecord

if TYPE_CHECKING:
    from filelock import FileLock


class SessionHandle:
    """An open, locked session; close it (or use it as a context manager) to release it."""

    def __init__(self, session_id: str, path: Path, record: SessionRecord, lock: FileLock):
        self.id = session_id
        """The session's id."""
        self.path = path
        """The session's file."""
        self.record = record
        """The session's tables; the session engine reads and writes through this."""
        self.lock = lock
        """The session's lock, held until :meth:`close`."""

    @property
    def closed(self) -> bool:
        """Whether the session has been closed and its lock released."""
        return not self.lock.is_locked

    def close(self) -> None:
        """Close the record and release the lock (safe to call twice)."""
        if self.lock.is_locked:
            self.record.close()
            self.lock.release()

    def __enter__(self) -> SessionHandle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
