"""Crash-safe files: atomic JSON writes and the TinyDB storage built on them.

Every file circlekeeper keeps is replaced whole: the new text is serialised first, written
to a temporary file beside the target, flushed and fsynced, renamed over the target and the
folder fsynced. A crash or a full disk at any point leaves either the old file or the new
one, never half of each. Files are readable by the owner only.

This module also holds the migration hook for session files: :data:`MIGRATIONS` maps a
schema version to the function that lifts a file's data to the next version.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.paths import ensure_private_dir
from circlekeeper.sessions.storage.record import META_TABLE, SCHEMA_VERSION

TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.<target name>.<random>.tmp`` in the target's folder."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Schema version -> function turning a session file's data of that version into the next.

Add an entry here when :data:`~circlekeeper.sessions.storage.record.SCHEMA_VERSION` is bumped.
The function gets the whole TinyDB data (tables by name) and returns it changed; the
version number in the metadata is set by :func:`migrate`.
"""


class DamagedFile(StorageError):
    """A file's content is not what circlekeeper wrote (not JSON, wrong shape, ...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was found damaged."""
        self.reason = reason
        """What is wrong with it, in a few words."""


class NewerSchema(StorageError):
    """A file written by a newer circlekeeper; it is reported and left untouched."""

    def __init__(self, path: Path, version: int) -> None:
        reason = (
            f"written by a newer circlekeeper (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); left untouched"
        )
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was left untouched."""
        self.reason = reason
        """What was found, in a few words."""
        self.version = version
        """The schema version found in the file."""


def temp_prefix(target: Path) -> str:
    """The name prefix of temporary files written on the way to ``target``."""
    return f".{target.name}."


def fsync_folder(folder: Path) -> None:
    """Make a rename or removal in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomic(
    path: Path, data: bytes, *, mode: int = 0o600, overwrite: bool = True
) -> None:
    """Put ``data`` at ``path`` so that a crash leaves the old file or the whole new one.

    The bytes go to a temporary file beside ``path``, which is flushed to disk, then
    renamed over it (or, without ``overwrite``, linked in place only if nothing is there
    yet), and the folder is flushed too. Every file the product writes comes through here.

    Args:
        path: the file to write; its folder must exist.
        data: the whole new content.
        mode: the file's permissions (owner-only by default).
        overwrite: replace a file already at ``path``.

    Raises:
        FileExistsError: ``overwrite`` is false and ``path`` exists; nothing was written.
        OSError: the file could not be written; ``path`` is untouched.
    """
    tmp: str | None = None
    try:
        # mkstemp makes the file owner-only (0600), and the rename keeps that mode.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
        try:
            if mode != 0o600:
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
            tmp = None
        else:
            _place_new(tmp, path)
        fsync_folder(path.parent)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _place_new(tmp: str, path: Path) -> None:
    """Put ``tmp`` in place as ``path`` only if ``path`` does not exist yet."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # No hard links here (some USB sticks and network shares): check, then rename.
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(tmp, path)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so that a crash leaves the old or the new file.

    Raises:
        StorageError: when the folder or the file cannot be written; ``path`` is untouched.
    """
    try:
        if not path.parent.is_dir():
            ensure_private_dir(path.parent)
        write_file_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise StorageError(f"Could not save to {path}: {exc.strerror or exc}") from exc


def dumps(data: Any, path: Path) -> str:
    """Serialise ``data`` for ``path``; a value JSON cannot hold is a :class:`StorageError`."""
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise StorageError(f"Could not save to {path}: {exc}") from exc


def read_text(path: Path) -> str | None:
    """The text of ``path``, or ``None`` when there is no such file.

    Raises:
        DamagedFile: when the file is not UTF-8 text.
        StorageError: when the file exists but cannot be read.
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise DamagedFile(path, "not a text file") from None
    except OSError as exc:
        raise StorageError(f"Could not read {path}: {exc.strerror or exc}") from exc


def parse_tables(text: str, path: Path) -> dict[str, dict[str, Any]]:
    """Parse a TinyDB file's text, checking it has the shape of tables of documents.

    Raises:
        DamagedFile: when the text is not JSON or not tables of documents.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DamagedFile(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DamagedFile(path, "not a circlekeeper session file (unexpected layout)")
    return data


def schema_of(data: dict[str, Any]) -> Any:
    """The schema version recorded in a session file's metadata (``None`` if missing)."""
    meta = data.get(META_TABLE, {}).get("1")
    return meta.get("schema") if isinstance(meta, dict) else None


def migrate(
    data: dict[str, Any],
    path: Path,
    migrations: dict[int, Migration] | None = None,
    target: int = SCHEMA_VERSION,
) -> tuple[dict[str, Any], bool]:
    """Bring a session file's data up to ``target``; returns the data and whether it changed.

    Raises:
        NewerSchema: the file is newer than ``target``.
        DamagedFile: the version is missing, not a number, or has no migration path.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = schema_of(data)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise DamagedFile(path, f"unknown schema version {version!r}")
    if version > target:
        raise NewerSchema(path, version)
    changed = False
    while version < target:
        step = steps.get(version)
        if step is None:
            raise DamagedFile(path, f"unknown schema version {version} (no migration)")
        data = step(data)
        version += 1
        data[META_TABLE]["1"]["schema"] = version
        changed = True
    return data, changed


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes through :func:`write_atomic`.

    The owner of the file holds its lock (see :mod:`.store`), so nothing else writes it and
    the text last read or written is kept in memory instead of reading the file on every
    access. Each read parses that text afresh: TinyDB changes the data it reads in place,
    so handing out one shared object would let a failed write leave the memory copy ahead
    of the file.
    """

    def __init__(self, path: str | os.PathLike[str], *, text: str | None = None) -> None:
        """Open the storage; nothing is read or created until TinyDB asks.

        Args:
            path: The JSON file.
            text: The file's current text when the caller has just read (and checked) it.
        """
        super().__init__()
        self.path = Path(path)
        """The file this storage reads and replaces."""
        self._text = text

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._text is None:
            text = read_text(self.path)
            if text is None:
                return None
            if not text.strip():
                raise DamagedFile(self.path, "empty file")
            data = parse_tables(text, self.path)
            self._text = text
            return data
        return json.loads(self._text)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = dumps(data, self.path)
        if text == self._text:
            # TinyDB writes even when an update matched nothing; the file already says this.
            return
        write_atomic(self.path, text)
        self._text = text

    def close(self) -> None:
        self._text = None
