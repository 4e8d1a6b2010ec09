"""The errors a facilitator is told about, not shown as a crash: the bottom layer of the core.

A refusal (not now, not allowed) from the engine, or a file that could not be written or
read. Front ends catch :data:`SESSION_PROBLEMS` around every action and say the message.
This module imports nothing: the app loads it before any session is open, and every
other layer (storage, engine, templates) builds its own errors on these.
"""

from __future__ import annotations


class StorageError(Exception):
    """A file could not be read or written; the message says which and why."""


class SessionError(Exception):
    """An action the session cannot take now; the message says why in plain words."""


SESSION_PROBLEMS: tuple[type[Exception], ...] = (SessionError, StorageError)
"""The exceptions whose message is meant for the facilitator."""
