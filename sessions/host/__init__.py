"""The session host: the one owner of what a front end has open.

A front end holds one :class:`SessionHost` (:mod:`.session_host`): it owns the open
session, that session's drop-box and the organisation's resources, and closes them in
one explicit order (the drop-box, then the session's file). Underneath it,
:mod:`.opening` starts, reopens and reads sessions: :func:`start_session` and
:func:`reopen_session` give an :class:`OpenSession` holding its file's lock, and
:func:`read_session` gives a session to summarise, read without the lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.host.opening import OpenSession as OpenSession
    from circlekeeper.sessions.host.opening import read_session as read_session
    from circlekeeper.sessions.host.opening import reopen_session as reopen_session
    from circlekeeper.sessions.host.opening import start_session as start_session
    from circlekeeper.sessions.host.session_host import DropBoxListener as DropBoxListener
    from circlekeeper.sessions.host.session_host import SessionHost as SessionHost

__all__ = [
    "DropBoxListener",
    "OpenSession",
    "SessionHost",
    "read_session",
    "reopen_session",
    "start_session",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "DropBoxListener": "session_host",
        "OpenSession": "opening",
        "SessionHost": "session_host",
        "read_session": "opening",
        "reopen_session": "opening",
        "start_session": "opening",
    },
)
