"""What the session and group folders share: how ids are drawn and how a file is locked.

A session file and a group file each have a lock file beside them (``<id>.lock``), held
with :mod:`filelock`: an OS lock, so it goes with the process if the process dies. Ids are
short random strings of lowercase letters and digits, safe as file names on every system.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.messages import could_not

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_SUFFIX = ".lock"
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def random_id(length: int) -> str:
    """``length`` random letters and digits, drawn from the system's secure source."""
    import secrets  # loaded with the first new id, not at launch

    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def file_lock(path: Path, timeout: float) -> FileLock:
    """An unheld lock on ``path`` that waits at most ``timeout`` seconds when taken."""
    # Loaded on first use: a first launch with no sessions takes no lock at all.
    from filelock import FileLock

    # Not thread-local: the app may close a session from a worker thread, and the lock
    # must be seen as held (and be released) there too.
    return FileLock(path, timeout=timeout, mode=0o600, thread_local=False)


@contextlib.contextmanager
def holding(path: Path, timeout: float, busy: str) -> Iterator[None]:
    """Hold the lock file ``path`` for the ``with`` block.

    Args:
        path: the lock file.
        timeout: how long to wait for another window holding it.
        busy: what to tell the facilitator when the wait runs out.

    Raises:
        StorageError: the lock stayed busy (with ``busy``), or could not be taken at all.
    """
    from filelock import Timeout

    lock = file_lock(path, timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(busy) from None
    except OSError as exc:
        raise StorageError(could_not("lock", lock.lock_file, exc.strerror or exc)) from exc
    try:
        yield
    finally:
        lock.release()
