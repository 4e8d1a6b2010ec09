"""Crash-safe files: every file circlekeeper keeps is replaced whole.

The new content is written to a temporary file beside the target, flushed and fsynced,
renamed over the target and the folder fsynced. A crash or a full disk at any point leaves
either the old file or the new one, never half of each. Files are readable by the owner
only. Reading back is here too: only regular files, never waiting on a FIFO, never past a
size cap, with one error for a file that is not what was written (:class:`DamagedFile`) and
one for a file that is not ours to read (:class:`UnreadableFile`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.settings.folders import ensure_private_dir
from circlekeeper.sessions.storage.messages import could_not

TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.<target name>.<random>.tmp`` in the target's folder."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest session file or index read: a four-hour session of 40 people with 480 long
notes is under 1 MB, so anything near this is not a file circlekeeper wrote."""

MAX_DEPTH = 32
"""The deepest nesting of JSON read back; circlekeeper's own files nest seven levels."""

# Not every system has these flags; without them the checks before opening still hold.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# Windows has no fchmod: a file's permissions there come from its folder's.
_FCHMOD = getattr(os, "fchmod", None)


class DamagedFile(StorageError):
    """A file's content is not what circlekeeper wrote (not JSON, wrong shape, ...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was found damaged."""
        self.reason = reason
        """What is wrong with it, in a few words."""


class UnreadableFile(StorageError):
    """A file that is not one to read: a link, a folder, a FIFO, too large or unreadable.

    Unlike a :class:`DamagedFile` it is left where it is: it may be someone else's.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was not read."""
        self.reason = reason
        """Why, in a few words."""


def temp_prefix(target: Path) -> str:
    """The name prefix of temporary files written on the way to ``target``."""
    return f".{target.name}."


def fsync_folder(folder: Path) -> None:
    """Make a rename or removal in ``folder`` durable, where the system allows it.

    Windows cannot open a folder as a file, and its renames are already recorded by the
    file system's journal: there (and wherever a folder cannot be opened) this does nothing.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except (PermissionError, IsADirectoryError):
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (network shares, FAT on some systems) cannot flush a folder.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def restrict_mode(fd: int, mode: int) -> None:
    """Set an open file's permissions where the system has them (not on Windows)."""
    if _FCHMOD is not None:
        _FCHMOD(fd, mode)


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
                restrict_mode(fd, mode)
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


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so that a crash leaves the old or the new file.

    Without ``overwrite``, the file is put in place only if nothing is at ``path`` yet.

    Raises:
        StorageError: when the folder or the file cannot be written (or, without
            ``overwrite``, something is there already); ``path`` is untouched.
    """
    try:
        if not path.parent.is_dir():
            ensure_private_dir(path.parent)
        write_file_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    except OSError as exc:
        raise StorageError(could_not("save", path, exc.strerror or exc)) from exc


def dumps(data: Any, path: Path) -> str:
    """Serialise ``data`` for ``path``; a value JSON cannot hold is a :class:`StorageError`."""
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as exc:
        raise StorageError(could_not("save", path, exc)) from exc


def _kind(mode: int) -> str:
    """A file type in a few words, for a message about a file that is not a regular one."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def regular_file_stat(path: Path) -> os.stat_result | None:
    """The status of ``path`` itself (a link is not followed), or ``None`` if it is missing.

    Raises:
        UnreadableFile: when ``path`` is a link, a folder, a FIFO, a device or a socket.
    """
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFile(path, f"could not be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(found.st_mode):
        raise UnreadableFile(path, f"{_kind(found.st_mode)}, not a file circlekeeper wrote")
    return found


def read_text(path: Path, limit: int = MAX_FILE_BYTES, *, errors: str = "strict") -> str | None:
    """The text of ``path``, or ``None`` when there is no such file.

    Only a regular file is opened, and in a way that can never wait: a FIFO or a device
    named like one of our files would otherwise hang whoever lists the folder. With
    ``errors="replace"``, bytes that are not UTF-8 are read as U+FFFD instead of refused.

    Raises:
        DamagedFile: when the file is not UTF-8 text.
        UnreadableFile: when it is not a regular file, cannot be read or exceeds ``limit``.
    """
    if regular_file_stat(path) is None:
        return None
    try:
        # O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a FIFO since the
        # check above, the open fails or returns at once instead of following or waiting.
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(path, "a symbolic link, not a file circlekeeper wrote") from None
        raise UnreadableFile(path, f"could not be read ({exc.strerror or exc})") from None
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise UnreadableFile(path, f"{_kind(found.st_mode)}, not a file circlekeeper wrote")
        if found.st_size > limit:
            raise UnreadableFile(path, _too_large(limit))
        data = _read_at_most(fd, path, limit)
    except OSError as exc:
        raise UnreadableFile(path, f"could not be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    try:
        return data.decode("utf-8", errors)
    except UnicodeDecodeError:
        raise DamagedFile(path, "not a text file") from None


def _read_at_most(fd: int, path: Path, limit: int) -> bytes:
    """Every byte of ``fd``, refusing a file longer than ``limit`` without reading it all."""
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise UnreadableFile(path, _too_large(limit))
    return b"".join(chunks)


def _too_large(limit: int) -> str:
    return f"larger than {limit / (1 << 20):g} MB, too large to be a session file"


def load_json(text: str, path: Path) -> Any:
    """Parse the JSON ``text`` of ``path``, whatever it holds, with one kind of error.

    Raises:
        DamagedFile: when the text is not JSON, holds a number too long to read, or is
            nested more than :data:`MAX_DEPTH` levels deep.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DamagedFile(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError:
        # Python refuses to read an integer of more than 4,300 digits.
        raise DamagedFile(path, "holds a number too long to read") from None
    except RecursionError:
        raise DamagedFile(path, f"nested more than {MAX_DEPTH} levels deep") from None
    _check_depth(data, path)
    return data


def _check_depth(data: Any, path: Path) -> None:
    """Refuse nesting deeper than ours, which later copying or saving could not survive."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        if depth > MAX_DEPTH:
            raise DamagedFile(path, f"nested more than {MAX_DEPTH} levels deep")
        pending.extend((item, depth + 1) for item in value)
