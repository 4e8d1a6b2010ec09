"""A session's journal: each action appended as one fsynced line beside the session file.

Rewriting the whole session file for every action costs more the longer a session runs.
While a session is open, each action is instead appended to ``<id>.journal`` as one line
of JSON holding what it changed, and fsynced before the action returns. Closing the
session writes the file whole (through :mod:`.atomic`) and removes the journal; a journal
left by a crash is folded into the file the next time the session is opened, and read
with the file by listing and export in the meantime.

A line is one action: a JSON object whose ``"c"`` lists the changes, each
``["put", table, id, document]``, ``["set", table, id, fields]`` (fields merged into the
document) or ``["del", table, id]``. Every change sets a document to a value, so reading
a journal over a file that already holds it (a crash between writing the file and
removing the journal) gives the same tables. A line cut short by a kill has no newline
or is not JSON; it is passed over, and it can only be the action that never returned.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import MAX_FILE_BYTES, fsync_folder, read_text
from circlekeeper.sessions.storage.claim import Claim
from circlekeeper.sessions.storage.folder import JOURNAL_SUFFIX
from circlekeeper.sessions.storage.messages import could_not
from circlekeeper.sessions.storage.tables import Change, Document

__all__ = ["JOURNAL_SUFFIX", "Journal", "encode", "journal_path", "read_journal", "replay"]

COMPACT_BYTES = 4 * 1024 * 1024
"""A journal this long is folded into the session file at once, whatever the session does
next, so it stays far from the size a file is read up to."""

Tables = dict[str, dict[str, Document]]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def journal_path(path: Path) -> Path:
    """The journal of the session file ``path``."""
    return path.with_name(path.name.removesuffix(".json") + JOURNAL_SUFFIX)


def encode(changes: Iterable[Change], tables: Tables, where: str) -> bytes:
    """One journal line for ``changes`` made to ``tables`` (as they are before them).

    A document already there is written as the fields that changed, so an action that
    moves the meta on does not copy the session's agenda into the journal each time.

    Raises:
        StorageError: a document cannot be written as JSON.
    """
    ops: list[list[Any]] = []
    for name, key, doc in changes:
        old = tables.get(name, {}).get(key)
        if doc is None:
            ops.append(["del", name, key])
        elif old is not None and old.keys() <= doc.keys():
            fields = {k: v for k, v in doc.items() if k not in old or old[k] != v}
            ops.append(["set", name, key, fields])
        else:
            ops.append(["put", name, key, doc])
    try:
        line = json.dumps({"c": ops}, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as exc:
        raise StorageError(could_not("save", where, exc)) from exc
    return f"{line}\n".encode()


def _changes(line: str) -> list[list[Any]] | None:
    """The changes of one journal line, or ``None`` for a line cut short or not ours."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    ops = record.get("c") if isinstance(record, dict) else None
    if not isinstance(ops, list):
        return None
    for op in ops:
        if not (isinstance(op, list) and len(op) >= 3 and all(isinstance(p, str) for p in op[:3])):
            return None
        if op[0] in ("put", "set") and not (len(op) == 4 and isinstance(op[3], dict)):
            return None
        if op[0] not in ("put", "set", "del"):
            return None
    return ops


def read_journal(path: Path) -> tuple[list[list[list[Any]]], bool] | None:
    """The actions in the journal of the session file ``path``, oldest first.

    Returns:
        The changes of each whole line, and whether the journal ends cleanly (no line
        cut short at its end); ``None`` when there is no journal.

    Raises:
        UnreadableFile: the journal is a link, a FIFO, too large or unreadable.
    """
    # A kill can cut a line inside a character: that line is dropped, never the journal.
    text = read_text(journal_path(path), errors="replace")
    if text is None:
        return None
    lines = text.split("\n")
    # The piece after the last newline is a line whose writing was cut short (or nothing).
    actions = [ops for line in lines[:-1] if (ops := _changes(line)) is not None]
    return actions, lines[-1] == ""


def replay(data: Tables, actions: Iterable[list[list[Any]]]) -> Tables:
    """``data`` (changed in place and returned) with the journal's ``actions`` made to it."""
    for ops in actions:
        for op in ops:
            kind, name, key = op[0], op[1], op[2]
            table = data.setdefault(name, {})
            if kind == "del":
                table.pop(key, None)
            elif kind == "put":
                table[key] = dict(op[3])
            else:
                table[key] = {**table.get(key, {}), **op[3]}
    return data


class Journal:
    """Appends actions to a session's journal, each on disk before :meth:`append` returns.

    Args:
        path: The session file; the journal sits beside it (see :func:`journal_path`).
        claim: Checked before each append, as before each write of the file.
    """

    def __init__(self, path: Path, claim: Claim | None = None) -> None:
        self.path = journal_path(path)
        """The journal file."""
        self.session = path
        """The session file: what a facilitator is told could not be saved."""
        self.size = 0
        """How many bytes of whole lines it holds (0 when there is none)."""
        self._claim = claim
        self._fd: int | None = None
        self._torn = False

    def append(self, line: bytes) -> None:
        """Append one action's line and fsync it.

        A write cut short (a full disk) is taken back, so the next action's line starts
        on a line of its own.

        Raises:
            StorageError: it could not be written; the action did not happen.
        """
        if self._claim is not None:
            self._claim.check()
        try:
            fd = self._open()
            data = (b"\n" + line) if self._torn else line
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError:
                self._take_back(fd)
                if self._claim is not None:
                    # Changed by this window alone: the claim was checked just before.
                    self._claim.wrote()
                raise
        except OSError as exc:
            raise StorageError(could_not("save", self.session, exc.strerror or exc)) from exc
        self.size += len(data)
        self._torn = False
        if self._claim is not None:
            self._claim.wrote()

    def _open(self) -> int:
        if self._fd is None:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW
            fd = os.open(self.path, flags, 0o600)
            try:
                self.size = os.fstat(fd).st_size
                # A new journal's name must survive a crash as surely as its first line.
                fsync_folder(self.path.parent)
            except OSError:
                os.close(fd)
                raise
            self._fd = fd
            # Whatever is already there but did not end a line must not join the next one.
            self._torn = self.size > 0
        return self._fd

    def _take_back(self, fd: int) -> None:
        try:
            os.ftruncate(fd, self.size)
        except OSError:
            self._torn = True

    @property
    def full(self) -> bool:
        """The journal is long enough to be folded into the file now."""
        return self.size >= min(COMPACT_BYTES, MAX_FILE_BYTES // 4)

    def remove(self) -> None:
        """Remove the journal once the session file holds everything in it.

        Raises:
            StorageError: it could not be removed (it stays, and is read again harmlessly).
        """
        self.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise StorageError(could_not("remove", self.path, exc.strerror or exc)) from exc
        with contextlib.suppress(OSError):
            fsync_folder(self.path.parent)
        self.size = 0
        self._torn = False
        if self._claim is not None:
            self._claim.wrote()

    def close(self) -> None:
        """Close the journal file, if open."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                os.close(fd)
