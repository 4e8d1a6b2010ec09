"""The files of the sessions folder: session ids, paths, locks and setting damaged files aside.

Each session file ``<id>.json`` has a lock file ``<id>.lock`` beside it, held with
:mod:`filelock` (an OS lock, so it goes with the process if the process dies) for as long
as the session is open. The index has a lock of its own, held only while it is updated.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.storage.atomic import TEMP_SUFFIX, fsync_folder, restrict_mode
from circlekeeper.sessions.storage.index import ID_PATTERN
from circlekeeper.sessions.storage.messages import could_not, no_session
from circlekeeper.sessions.storage.naming import LOCK_SUFFIX, file_lock, holding, random_id

if TYPE_CHECKING:
    from filelock import FileLock

INDEX_NAME = "index.json"
SESSION_SUFFIX = ".json"
JOURNAL_SUFFIX = ".journal"
"""A session's journal of actions since its file was last written whole (:mod:`.journal`)."""
DAMAGED_SUFFIX = ".damaged"
INDEX_WAIT_SECONDS = 10.0
"""How long to wait for another window that is updating the index (it takes milliseconds)."""


class SessionLocked(StorageError):
    """The session is open in another window or another copy of the app."""


class UnknownSession(StorageError):
    """There is no session with that id."""


class NotASessionFile(StorageError):
    """Something other than a regular file (a symbolic link, say) has a session's name."""


def new_session_id(now: datetime) -> str:
    """A fresh id: the day and four random letters or digits, e.g. ``2026-03-04-7kq2``.

    Nothing about the group or its people goes into it, and it is safe as a file name.
    """
    return f"{now:%Y-%m-%d}-{random_id(4)}"


class SessionFolder:
    """Paths and locks inside one sessions folder."""

    def __init__(self, root: Path, private_parent: Path | None = None) -> None:
        """Address the folder ``root``; nothing is created until :meth:`make`.

        Args:
            root: The sessions folder.
            private_parent: A folder above ``root`` that is ours too (the data folder) and
                is made owner-only as well.
        """
        self.root = root
        """The folder holding the session files, their locks and the index."""
        self.index_path = root / INDEX_NAME
        """The small file that lets the store list sessions without reading each one."""
        self._private_parent = private_parent

    def make(self) -> None:
        """Create the folder (and the private parent) readable by the owner only."""
        try:
            if self._private_parent is not None:
                paths.ensure_private_dir(self._private_parent)
            paths.ensure_private_dir(self.root)
        except OSError as exc:
            raise StorageError(could_not("create", self.root, exc.strerror or exc)) from exc

    def path_of(self, session_id: str) -> Path:
        """The file of the session ``session_id`` (which need not exist)."""
        return self.root / f"{session_id}{SESSION_SUFFIX}"

    def session_files(self) -> Iterator[tuple[str, Path]]:
        """The id and path of every session file in the folder, in id order."""
        for path in sorted(self.root.glob(f"*{SESSION_SUFFIX}")):
            session_id = path.name.removesuffix(SESSION_SUFFIX)
            if ID_PATTERN.match(session_id):
                yield session_id, path

    def damaged_files(self) -> list[Path]:
        """Files set aside as damaged, earlier or now."""
        return sorted(self.root.glob(f"*{DAMAGED_SUFFIX}"))

    def copies_of(self, session_id: str) -> list[Path]:
        """Every file holding some of a session's notes: its own, then the others.

        The others are its journal (``<id>.journal``), the copies set aside as damaged
        (``<id>.json.damaged``, ``<id>.json.2.damaged``...) and the temporary files of a
        save cut short.
        """
        if not ID_PATTERN.match(session_id):
            return []
        name = f"{session_id}{SESSION_SUFFIX}"
        own = [self.root / name] if os.path.lexists(self.root / name) else []
        journal = self.root / f"{session_id}{JOURNAL_SUFFIX}"
        return [
            *own,
            *([journal] if os.path.lexists(journal) else []),
            *sorted(self.root.glob(f"{name}{DAMAGED_SUFFIX}")),
            *sorted(self.root.glob(f"{name}.*{DAMAGED_SUFFIX}")),
            *sorted(self.root.glob(f".{name}.*{TEMP_SUFFIX}")),
        ]

    def known_path(self, session_id: str) -> Path:
        """The file of an existing session, which must be a regular file of its own.

        A symbolic link is refused, never followed: it could lead the app to read, write
        or set aside a file outside the sessions folder.

        Raises:
            UnknownSession: when there is no such session.
            NotASessionFile: when the name is a symbolic link or anything but a file.
        """
        path = self.path_of(session_id)
        try:
            mode = os.lstat(path).st_mode if ID_PATTERN.match(session_id) else None
        except OSError:
            mode = None
        if mode is None:
            raise UnknownSession(no_session(session_id, self.root))
        if stat.S_ISLNK(mode):
            raise NotASessionFile(
                _(
                    "{path}: a symbolic link, not a session file; it was not opened "
                    "(move the file it points to into the folder instead)"
                ).format(path=path)
            )
        if not stat.S_ISREG(mode):
            raise NotASessionFile(
                _("{path}: not a regular file; it was not opened").format(path=path)
            )
        return path

    # Locks -------------------------------------------------------------------------

    def take(self, session_id: str) -> FileLock:
        """Lock a session for this process.

        Raises:
            SessionLocked: when another window (or process) holds it.
        """
        from filelock import Timeout

        lock = file_lock(self.root / f"{session_id}{LOCK_SUFFIX}", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise SessionLocked(
                _(
                    "This session is already open in another window ({id}); close it there first"
                ).format(id=session_id)
            ) from None
        except OSError as exc:
            raise StorageError(could_not("lock", lock.lock_file, exc.strerror or exc)) from exc
        return lock

    def check_free(self, session_id: str) -> None:
        """Make sure no other window holds a session, without keeping it.

        A look before asking the facilitator anything; opening still takes the lock.

        Raises:
            SessionLocked: when another window (or process) holds it.
        """
        self.take(session_id).release()

    def release(self, lock: FileLock, session_id: str) -> None:
        """Release a session's lock, removing the lock file if the session is gone."""
        if not self.path_of(session_id).exists():
            # Removed while still held, so nobody else can be holding the file we remove.
            with contextlib.suppress(OSError):
                os.unlink(lock.lock_file)
        lock.release()

    @contextlib.contextmanager
    def index_lock(self) -> Iterator[None]:
        """Hold the index's lock while reading and replacing the index."""
        self.make()
        busy = f"Could not update {self.index_path}: another window kept it busy"
        with holding(self.root / f"{INDEX_NAME}{LOCK_SUFFIX}", INDEX_WAIT_SECONDS, busy):
            yield

    # Clean-up ----------------------------------------------------------------------

    def remove_stale_temp_files(self) -> list[Path]:
        """Remove temporary files left by a crash; returns those removed.

        A temporary file may belong to a save under way in another window, so it is removed
        only while holding the lock of the file it was going to replace.
        """
        removed = []
        for tmp in self.root.glob(f".*{TEMP_SUFFIX}"):
            target = tmp.name[1 : -len(TEMP_SUFFIX)].rpartition(".")[0]
            session_id = target.removesuffix(SESSION_SUFFIX)
            if target == INDEX_NAME:
                with self.index_lock(), contextlib.suppress(OSError):
                    tmp.unlink()
                    removed.append(tmp)
            elif target.endswith(SESSION_SUFFIX) and ID_PATTERN.match(session_id):
                with contextlib.suppress(SessionLocked):
                    lock = self.take(session_id)
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                        removed.append(tmp)
                    self.release(lock, session_id)
        return removed

    def remove_orphan_locks(self) -> None:
        """Remove the lock files of sessions that never got a file (a crash while creating)."""
        for lock_path in self.root.glob(f"*{LOCK_SUFFIX}"):
            session_id = lock_path.name.removesuffix(LOCK_SUFFIX)
            if ID_PATTERN.match(session_id) and not os.path.lexists(self.path_of(session_id)):
                with contextlib.suppress(SessionLocked):
                    # Taken first: a window creating that session right now holds it.
                    self.release(self.take(session_id), session_id)

    def set_aside(self, path: Path) -> Path:
        """Move a damaged file to a ``.damaged`` name that no other file has; returns it.

        A symbolic link is moved as a link: nothing it points to is linked, moved or
        changed (with the permissions of whoever runs the app, it could point anywhere).
        """
        try:
            for n in range(1, 1000):
                suffix = DAMAGED_SUFFIX if n == 1 else f".{n}{DAMAGED_SUFFIX}"
                target = path.with_name(path.name + suffix)
                try:
                    # A hard link fails if the name is taken, so nothing is ever overwritten.
                    _link_itself(path, target)
                except FileExistsError:
                    continue
                except (OSError, NotImplementedError):  # a file system without hard links
                    if os.path.lexists(target):
                        continue
                    os.rename(path, target)
                else:
                    path.unlink()
                _make_private(target)
                fsync_folder(path.parent)
                return target
        except OSError as exc:
            raise StorageError(could_not("set aside", path, exc.strerror or exc)) from exc
        raise StorageError(
            _("Could not set aside {path}: too many damaged copies beside it").format(path=path)
        )


def _link_itself(path: Path, target: Path) -> None:
    """Hard-link ``target`` to ``path`` itself, never to what a link at ``path`` names.

    Windows never follows a link here and refuses to be asked not to.
    """
    if os.link in os.supports_follow_symlinks:
        os.link(path, target, follow_symlinks=False)
    else:
        os.link(path, target)


def _make_private(path: Path) -> None:
    """Make ``path`` owner-only if it is a regular file, never through a link."""
    # O_NOFOLLOW refuses a symbolic link and O_NONBLOCK keeps a FIFO from blocking the open.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            restrict_mode(fd, 0o600)
    except OSError:
        pass
    finally:
        os.close(fd)
