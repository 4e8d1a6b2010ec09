"""What the storage says when a file cannot be saved, locked or found, in the language spoken.

The same few sentences are raised from every storage module, so they are written once
here, each a whole sentence a translator can reorder. ``reason`` is the system's own
words (``exc.strerror``) or the error itself.
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.sessions.languages.speaking import N_, _


def could_not(action: str, path: Path | str, reason: object) -> str:
    """``Could not <action> <path>: <reason>``, for ``action`` one of :data:`ACTIONS`."""
    return _(ACTIONS[action]).format(path=path, reason=reason)


def no_session(session_id: str, folder: Path) -> str:
    """The message for a session id with no file in ``folder``."""
    return _("No session {id} in {folder}").format(id=repr(session_id), folder=folder)


ACTIONS = {
    "save": N_("Could not save to {path}: {reason}"),
    "lock": N_("Could not lock {path}: {reason}"),
    "check": N_("Could not check {path}: {reason}"),
    "create": N_("Could not create {path}: {reason}"),
    "remove": N_("Could not remove {path}: {reason}"),
    "delete": N_("Could not delete {path}: {reason}"),
    "set aside": N_("Could not set aside {path}: {reason}"),
}
"""Each thing storage can fail to do, as the whole sentence that says so."""
