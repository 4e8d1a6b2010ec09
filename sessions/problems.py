"""What may go wrong with a session that the facilitator should be told, not shown a crash.

A refusal (not now, not allowed) from the engine, or a file that could not be written or
read. Front ends catch :data:`SESSION_PROBLEMS` around every action and say the message.
This module is light on purpose: the app imports it before any session is open.
"""

from __future__ import annotations

from circlekeeper.sessions.storage import StorageError


class SessionError(Exception):
    """An action the session cannot take now; the message says why in plain words."""


SESSION_PROBLEMS: tuple[type[Exception], ...] = (SessionError, StorageError)
"""The exceptions whose message is meant for the facilitator."""
