"""Crash-safe files: every file circlekeeper keeps is replaced whole.

The new content is written to a temporary file beside the target, flushed and fsynced,
renamed over the target and the folder fsynced. A crash or a full disk at any point leaves
either the old file or the new one, never half of each. Files are readable by the owner
only. Reading back is here too, with the one error for a file that is not what was written.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.paths import ensure_private_dir

TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.<target name>.<random>.tmp`` in the target's folder."""


class DamagedFile(StorageError):
    """A file's content is not what circlekeeper wrote (not JSON, wrong shape, ...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The file that was found damaged."""
        self.reason = reason
        """What is wrong with it, in a few words."""


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
