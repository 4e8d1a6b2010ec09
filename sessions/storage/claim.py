"""A window's claim on an open session: checked before every write, so two never write one.

The lock (see :mod:`.folder`) keeps a second window out only while its lock file stays
where it is. If the file is deleted or replaced while the session is open, a second
window can take a fresh lock and open the session too. So the window that holds a
session remembers which lock file it locked and what its session file looked like when
it last read or wrote it, and checks both before each write. If either has changed, it
stops saving, for good: nothing it saved is overwritten, and it never overwrites what the
other window saved.
"""

from __future__ import annotations

import os
from pathlib import Path

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.messages import could_not

__all__ = ["Claim", "SessionTakenOver"]

Identity = tuple[int, ...]


class SessionTakenOver(StorageError):
    """The session's lock or file changed under this window; it saves nothing more."""


def _identity(path: Path, *, content: bool) -> Identity | None:
    """Which file is at ``path`` (with ``content``, its size and time too); links not followed."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(could_not("check", path, exc.strerror or exc)) from exc
    if content:
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return (st.st_dev, st.st_ino)


class Claim:
    """What this window holds of one open session.

    Args:
        lock_path: The lock file, just locked by this window.
        path: The session file (which may not exist yet, for a new session).
        journal: The session's journal, watched like its file (see :mod:`.journal`).
    """

    def __init__(self, lock_path: Path, path: Path, journal: Path | None = None) -> None:
        self.lock_path = lock_path
        """The lock file this window locked."""
        self.path = path
        """The session file."""
        self.journal = journal
        """The session's journal, if it keeps one."""
        self._lock = _identity(lock_path, content=False)
        self._file = self._files()
        self._lost: str | None = None

    def _files(self) -> tuple[Identity | None, ...]:
        files = (self.path,) if self.journal is None else (self.path, self.journal)
        return tuple(_identity(path, content=True) for path in files)

    def check(self) -> None:
        """Make sure nothing changed since this window last read or wrote the session.

        Raises:
            SessionTakenOver: the lock file was removed or replaced, or the session file
                changed; every later check fails too.
        """
        if self._lost is None:
            if _identity(self.lock_path, content=False) != self._lock:
                self._lost = "its lock file was removed or replaced"
            elif self._files() != self._file:
                self._lost = "its file was changed by another window or program"
        if self._lost is not None:
            raise SessionTakenOver(
                f"{self.path}: stopped saving this session, because {self._lost} while it "
                "was open here; it may be open in another window. What was saved before is "
                "kept and nothing is overwritten. Close it here and open it again in one "
                "window only."
            )

    def wrote(self) -> None:
        """Remember the session file (and journal) as this window has just written them."""
        self._file = self._files()
