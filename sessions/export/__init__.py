"""Session summaries: the participant handout and the facilitator record.

Build a :class:`Summary` for one :class:`Audience` with :func:`summary_of` (from an open
session) or :func:`build_summary`, then :func:`render` it in a :class:`Format` or
:func:`save_export` it to a file named by :func:`export_filename`::

    summary = summary_of(session, Audience.PARTICIPANTS)
    path = save_export(summary, Format.HTML, folder=exports)   # refuses to overwrite
    path = save_export(summary, Format.HTML, folder=exports, overwrite=True)
"""

from circlekeeper.sessions.export.formats import Format, render
from circlekeeper.sessions.export.model import Audience, Summary
from circlekeeper.sessions.export.summarise import build_summary, session_day, summary_of
from circlekeeper.sessions.export.write import (
    ExportError,
    ExportExists,
    ExportFolderMissing,
    default_path,
    export_filename,
    file_name,
    save_export,
    write_text,
)

__all__ = [
    "Audience",
    "ExportError",
    "ExportExists",
    "ExportFolderMissing",
    "Format",
    "Summary",
    "build_summary",
    "default_path",
    "export_filename",
    "file_name",
    "render",
    "save_export",
    "session_day",
    "summary_of",
    "write_text",
]
