"""Where a file the user names may be written: a regular file, in a folder that exists.

Exports and QR images are written to a path the facilitator typed. A new file is put in
place by renaming a temporary file over the target, which would silently swap a device,
a named pipe or a symbolic link for a regular file (and, run as root, remove a device
node). So those are refused, whatever the overwrite choice. A missing folder is refused
too unless the caller says to create it: a typo in a folder name should be a message,
not a new folder somewhere unexpected.
"""

from __future__ import annotations

import stat
from pathlib import Path

from circlekeeper.sessions.languages.speaking import _


class TargetRefused(Exception):
    """The path cannot be written as a file; the message names it and says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        """The path that was refused."""
        self.reason = reason
        """Why, in a few words."""


class FolderMissing(TargetRefused):
    """The target's folder does not exist and creating it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _("the folder {folder} does not exist").format(folder=path.parent))
        self.folder = path.parent
        """The folder that is missing."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("is a folder; give a file name")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a regular file; choose another name")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a regular file; choose another name")
    if stat.S_ISLNK(mode):
        return _("is a symbolic link; give the path of the file itself")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a regular file; choose another name")
    return _("is not a regular file; choose another name")


def _nearest_existing(folder: Path) -> Path:
    """``folder`` or its closest ancestor that exists (as anything, even a broken link)."""
    while not (folder.exists() or folder.is_symlink()) and folder.parent != folder:
        folder = folder.parent
    return folder


def check_output_target(path: Path, *, make_folder: bool = False) -> None:
    """Make sure ``path`` is a regular file or nothing yet, in a folder that exists.

    Only the last part of ``path`` is looked at without following links: a folder
    reached through a link (a home folder on another disk, say) is fine.

    Args:
        path: The file about to be written.
        make_folder: Create the folder (and its parents) when it is missing.

    Raises:
        FolderMissing: The folder is missing and ``make_folder`` is false.
        TargetRefused: ``path`` is a folder, a device, a named pipe, a socket or a
            symbolic link, or its folder cannot be used or created.
    """
    try:
        kind = _kind(path.lstat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        kind = None  # nothing there yet (or a file where its folder should be: below)
    except OSError as error:
        reason = _("cannot be checked: {reason}").format(reason=error.strerror or error)
        raise TargetRefused(path, reason) from None
    if kind is not None:
        raise TargetRefused(path, kind)
    folder = path.parent
    if folder.is_dir():
        return
    if not _nearest_existing(folder).is_dir():
        raise TargetRefused(path, _("could not write: a file is in the way of its folder"))
    if not make_folder:
        raise FolderMissing(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_the_way = _("could not write: a file is in the way of its folder")
        raise TargetRefused(path, in_the_way) from None
    except OSError as error:
        raise TargetRefused(path, f"could not write: {error.strerror or error}") from None
