"""The store of sessions: create, open, list, delete and purge them.

:class:`SessionStore` owns the files: one TinyDB file per session, a lock per session and
a small index. Opening a session takes its lock, so a second window (or a second copy of
the app) is told the session is already open instead of writing over it. The engine owns
what is inside a session (through its :class:`~.handle.SessionHandle`) and tells the store
of state changes (:meth:`SessionStore.update_index`); saving a note touches only the
session's own file, so it costs the same however many sessions the folder holds. A file
that is not what circlekeeper wrote is reported and set aside as ``<name>.damaged`` (never
overwritten), and every other session keeps working; listing the folder is :mod:`.scan`'s.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.sessions.storage.atomic import (
    DamagedFile,
    dumps,
    write_atomic,
)
from circlekeeper.sessions.storage.claim import Claim, SessionTakenOver
from circlekeeper.sessions.storage.folder import (
    SessionFolder,
    SessionLocked,
    UnknownSession,
    new_session_id,
)
from circlekeeper.sessions.storage.handle import SessionHandle
from circlekeeper.sessions.storage.index import (
    DamagedEntry,
    DamagedSession,
    Listing,
    SessionSummary,
    index_entry,
    read_index,
    stamp_of,
    summary_from_meta,
    write_index,
)
from circlekeeper.sessions.storage.journal import Journal, journal_path
from circlekeeper.sessions.storage.messages import no_session
from circlekeeper.sessions.storage.record import SessionRecord
from circlekeeper.sessions.storage.removal import (
    SetAsideFile,
    delete_session,
    remove_file,
    set_aside_files,
)
from circlekeeper.sessions.storage.scan import scan_sessions
from circlekeeper.sessions.storage.session_file import (
    AtomicJSONStorage,
    NewerSchema,
    read_session,
)

__all__ = [
    "DamagedEntry",
    "DamagedSession",
    "Listing",
    "NewerSchema",
    "SessionHandle",
    "SessionLocked",
    "SessionStore",
    "SessionSummary",
    "SessionTakenOver",
    "SetAsideFile",
    "UnknownSession",
]


class SessionStore:
    """The sessions folder: create, open, list, delete and purge sessions."""

    def __init__(self, root: Path, *, private_parent: Path | None = None) -> None:
        """Use the sessions folder ``root``; nothing is created yet.

        Args:
            root: the folder of session files (see :meth:`in_folders`).
            private_parent: a folder above ``root`` made owner-only with it (the data
                folder), so the names of session files are not listed to others.
        """
        self.folder = SessionFolder(root, private_parent=private_parent)
        """Paths and locks inside the folder."""
        self.root = self.folder.root
        """The folder holding ``<id>.json`` session files, their locks and the index."""
        self._opened = False
        self._indexed: dict[str, tuple[object, ...]] = {}
        """What the index was last given for each session this store wrote it for."""

    @classmethod
    def in_folders(cls, folders: Folders) -> SessionStore:
        """The store of ``folders``: the ``sessions`` folder inside the data folder."""
        return cls(folders.sessions, private_parent=folders.data)

    def path_of(self, session_id: str) -> Path:
        """The file of the session ``session_id`` (which need not exist)."""
        return self.folder.path_of(session_id)

    def _open_folder(self) -> None:
        """On first use, remove temporary and lock files a crash left behind."""
        if not self._opened and self.root.is_dir():
            self._opened = True
            self.folder.remove_stale_temp_files()
            self.folder.remove_orphan_locks()

    def create(self, now: datetime, *, draft: bool = False) -> SessionHandle:
        """Create a new, locked session in state ``ready``, created at ``now``.

        Args:
            now: When it is created.
            draft: Keep what is written to it in memory until :meth:`place`, so that its
                file appears only once its first state is complete (a crash before that
                leaves no session at all). Without it, the file is written now.
        """
        self._open_folder()
        self.folder.make()
        while True:
            session_id = new_session_id(now)
            path = self.path_of(session_id)
            if os.path.lexists(path):
                continue
            with contextlib.suppress(SessionLocked):
                lock = self.folder.take(session_id)
                if not os.path.lexists(path):
                    break
                lock.release()
        claim = Claim(Path(lock.lock_file), path, journal_path(path))
        db = TinyDB(path, storage=AtomicJSONStorage, draft=True, claim=claim, journal=True)
        record = SessionRecord(db)
        handle = SessionHandle(session_id, path, record, lock)
        moment = now.isoformat()
        try:
            record.write_meta(
                id=session_id, created=moment, updated=moment, state="ready", ended=None,
                title="", template="",
            )  # fmt: skip
            if not draft:
                self.place(handle)
        except BaseException:
            self.discard(handle)
            raise
        return handle

    def place(self, handle: SessionHandle) -> None:
        """Write a draft session's file, whole, in one step, and list it in the index.

        Raises:
            StorageError: the file could not be written; nothing is on disk.
        """
        storage = handle.record.db.storage
        if isinstance(storage, AtomicJSONStorage):
            storage.place()
        self.update_index(handle.record.read_meta())

    def discard(self, handle: SessionHandle) -> None:
        """Close a session whose file was never placed (see :meth:`create`), and its lock."""
        handle.record.close()
        self.folder.release(handle.lock, handle.id)

    def open(self, session_id: str) -> SessionHandle:
        """Open and lock an existing session, bringing an older file up to date.

        A journal left by a crash is folded into the file first (see :mod:`.journal`).

        Raises:
            UnknownSession: there is no such session.
            SessionLocked: it is open in another window.
            DamagedSession: its file is damaged (it has been set aside).
            NewerSchema: a newer circlekeeper wrote it (it is left untouched).
        """
        self._open_folder()
        path = self.folder.known_path(session_id)
        lock = self.folder.take(session_id)
        try:
            claim = Claim(Path(lock.lock_file), path, journal_path(path))
            try:
                found = read_session(path)
            except DamagedFile as error:
                moved = self.folder.set_aside(path)
                raise DamagedSession(DamagedEntry(path, error.reason, moved)) from None
            if found is None:
                raise UnknownSession(no_session(session_id, self.root))
            data, _read, changed = found
            text = dumps(data, path)
            if changed:
                write_atomic(path, text)
                Journal(path).remove()
                claim.wrote()
            db = TinyDB(path, storage=AtomicJSONStorage, text=text, claim=claim, journal=True)
        except BaseException:
            self.folder.release(lock, session_id)
            raise
        return SessionHandle(session_id, path, SessionRecord(db), lock)

    def read(self, session_id: str) -> SessionRecord:
        """A copy in memory of a session's record, read without taking its lock.

        For a summary or an export of a session that may be open in another window: the
        file is read once (writes replace it whole, so it is never seen half written) with
        its journal, brought up to date in memory, and nothing is ever written back or moved.

        Raises:
            UnknownSession: there is no such session.
            DamagedSession: its file is damaged (reported, left where it is).
            NewerSchema: a newer circlekeeper wrote it.
        """
        path = self.folder.known_path(session_id)
        try:
            found = read_session(path)
        except DamagedFile as error:
            raise DamagedSession(DamagedEntry(path, error.reason)) from None
        if found is None:
            raise UnknownSession(no_session(session_id, self.root))
        data = found[0]
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(data)
        return SessionRecord(db)

    def update_index(self, meta: dict[str, Any]) -> None:
        """Record a session's new state in the index, if what the index shows has changed.

        Args:
            meta: The session's metadata as just written to its file.
        """
        path = self.path_of(str(meta.get("id")))
        summary = summary_from_meta(meta, path)
        # An entry whose file changed since is read afresh when listing, so the index is
        # rewritten only when what it shows changes, not with every event's time.
        shown = (summary.title, summary.template, summary.state, summary.created, summary.ended)
        if self._indexed.get(summary.id) == shown:
            return
        with self.folder.index_lock():
            entries = read_index(self.folder.index_path) or {}
            try:
                stamp = stamp_of(path.stat())
            except FileNotFoundError:
                return
            entries[summary.id] = index_entry(summary, stamp)
            write_index(self.folder.index_path, entries)
        self._indexed[summary.id] = shown

    def list(self) -> Listing:
        """Every session, most recently updated first, and any damaged files.

        Only the session files changed since the index last saw them are read.
        """
        # Clearing a crash's temporary files is a courtesy; listing never depends on it.
        with contextlib.suppress(StorageError):
            self._open_folder()
        return scan_sessions(self.folder)

    def delete(self, session_id: str) -> builtins.list[Path]:
        """Delete a session for real: every copy of its notes, its lock and index entry.

        Its own file goes, and so do the copies set aside as damaged and the temporary
        files of a save cut short (see :func:`.removal.delete_session`).

        Returns:
            The files removed, the session's own file first when there was one.

        Raises:
            UnknownSession: nothing of that session is in the folder.
            SessionLocked: it is open in another window.
        """
        return delete_session(self.folder, session_id)

    def _cutoff(self, older_than_days: int, now: datetime) -> datetime:
        if older_than_days < 0:
            raise ValueError("the number of days cannot be negative")
        return (now if now.tzinfo else now.astimezone()) - timedelta(days=older_than_days)

    # ``builtins.list``: inside the class, ``list`` is the method of that name.
    def expired(self, older_than_days: int, now: datetime) -> builtins.list[SessionSummary]:
        """The sessions last updated more than ``older_than_days`` days before ``now``."""
        cutoff = self._cutoff(older_than_days, now)
        return [s for s in self.list().sessions if s.updated < cutoff]

    def expired_set_aside(
        self, older_than_days: int, now: datetime, *, sessions: Iterable[str] = ()
    ) -> builtins.list[SetAsideFile]:
        """Files set aside as damaged: those last changed more than that many days ago,
        and any copy of one of ``sessions`` (which deleting those sessions removes too)."""
        cutoff, ids = self._cutoff(older_than_days, now), set(sessions)
        return [f for f in set_aside_files(self.folder) if f.changed < cutoff or f.session in ids]

    def purge(self, older_than_days: int, now: datetime) -> builtins.list[str]:
        """Delete for real every session, and set-aside file, older than ``older_than_days``.

        Sessions open in another window are left alone.

        Returns:
            The ids of the sessions deleted.
        """
        removed: builtins.list[str] = []
        for summary in self.expired(older_than_days, now):
            with contextlib.suppress(SessionLocked, UnknownSession):
                self.delete(summary.id)
                removed.append(summary.id)
        for old in self.expired_set_aside(older_than_days, now, sessions=removed):
            remove_file(old.path)
        return removed
