"""Export files: their names, and writing them without ever losing or half-writing one.

A file is written to a temporary file beside its target, flushed and fsynced, then put
in place in one step; the folder is fsynced after. Without ``overwrite`` it is put in
place with a hard link, which fails when the target exists, so a file that appeared in
the meantime is never replaced (on a file system without hard links, the existence
check and the rename are two steps). The facilitator record is readable by its owner
only (0600); a handout, meant to be passed on, gets the usual 0644.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from circlekeeper.sessions.export.formats import Format, render
from circlekeeper.sessions.export.model import Audience, Summary
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.storage.atomic import write_file_atomic
from circlekeeper.sessions.storage.write_targets import (
    FolderMissing,
    TargetRefused,
    check_output_target,
)

RECORD_MODE = 0o600
HANDOUT_MODE = 0o644


class ExportError(Exception):
    """The export could not be written; the message names the file and the reason."""


class ExportExists(ExportError, FileExistsError):
    """The file is already there and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _("{path}: already exists; choose another name or overwrite it").format(path=path)
        )
        self.path = path
        """The file that is already there."""


class ExportFolderMissing(ExportError):
    """The folder to write in does not exist and creating it was not asked for."""

    def __init__(self, path: Path) -> None:
        message = _("{path}: the folder {folder} does not exist")
        super().__init__(message.format(path=path, folder=path.parent))
        self.path = path
        """The file that was to be written."""
        self.folder = path.parent
        """The folder that is missing."""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower(), flags=re.ASCII).strip("-")
    return slug[:60].rstrip("-") or "session"


def file_name(day: date | None, template: str, audience: Audience, fmt: Format) -> str:
    """The file name an export gets: ``<date>-<template>-handout.html``, ``...-record.md``.

    Only ASCII letters, digits and hyphens come from the template's name, so the name is
    safe on every file system and never points into another folder.
    """
    when = "undated" if day is None else day.isoformat()
    return f"{when}-{_slug(template)}-{audience.document}.{fmt.value}"


def export_filename(summary: Summary, fmt: Format) -> str:
    """The file name of a summary in ``fmt``: see :func:`file_name`."""
    return file_name(summary.day, summary.template, summary.audience, fmt)


def default_path(summary: Summary, fmt: Format, folder: Path) -> Path:
    """Where an export goes by default: its file name in ``folder`` (the exports folder)."""
    return folder / export_filename(summary, fmt)


def write_text(
    path: Path, text: str, *, private: bool, overwrite: bool = False, make_folder: bool = False
) -> Path:
    """Write ``text`` to ``path`` atomically.

    Only a regular file is ever replaced: a device, a named pipe or a symbolic link at
    ``path`` is refused even with ``overwrite`` (see
    :mod:`~circlekeeper.sessions.storage.write_targets`).

    Args:
        path: the file to write.
        text: what to write (UTF-8).
        private: readable by the owner only (the facilitator record).
        overwrite: replace a regular file that is already there.
        make_folder: create the file's folder if it is missing.

    Raises:
        ExportExists: the file exists and ``overwrite`` is false; nothing was written.
        ExportFolderMissing: the folder is missing and ``make_folder`` is false.
        ExportError: the path is not a regular file, or the folder or the file could not
            be written; nothing was changed.
    """
    path = Path(path)
    try:
        check_output_target(path, make_folder=make_folder)
    except FolderMissing:
        raise ExportFolderMissing(path) from None
    except TargetRefused as refused:
        raise ExportError(str(refused)) from None
    try:
        write_file_atomic(
            path,
            text.encode("utf-8"),
            mode=RECORD_MODE if private else HANDOUT_MODE,
            overwrite=overwrite,
        )
    except FileExistsError:
        raise ExportExists(path) from None
    except OSError as exc:
        message = _("{path}: could not write: {reason}")
        raise ExportError(message.format(path=path, reason=exc.strerror or exc)) from None
    return path


def save_export(
    summary: Summary,
    fmt: Format,
    path: Path | None = None,
    *,
    folder: Path | None = None,
    overwrite: bool = False,
    make_folder: bool = False,
) -> Path:
    """Render the summary in ``fmt`` and write it; returns the path written.

    Args:
        summary: the handout or record.
        fmt: the format.
        path: the file to write; by default :func:`default_path` in ``folder``.
        folder: the folder for the default file name, when ``path`` is not given. It is
            the app's own exports folder, so it is created when missing.
        overwrite: replace a regular file that is already there.
        make_folder: create the folder of ``path`` when it is missing.

    Raises:
        ExportExists: the file exists and ``overwrite`` is false.
        ExportFolderMissing: the folder of ``path`` is missing and ``make_folder`` is false.
        ExportError: it could not be written.
        ValueError: neither ``path`` nor ``folder`` was given.
    """
    if path is not None:
        target = path
    elif folder is not None:
        target = default_path(summary, fmt, folder)
        make_folder = True
    else:
        raise ValueError("save_export needs the file to write or the folder to write it in")
    private = summary.audience is Audience.FACILITATOR
    text = render(summary, fmt)
    return write_text(target, text, private=private, overwrite=overwrite, make_folder=make_folder)
