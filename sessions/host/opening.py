"""Opening a session's file and the engine on it: start, reopen, or read for a summary.

:func:`start_session` and :func:`reopen_session` lock the file and return an
:class:`OpenSession` that holds the lock until it is closed; :func:`read_session` reads
the file without its lock and gives a session that cannot be changed. If the engine
refuses the file, the lock is let go before the error reaches the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.privacy.names import WatchList
from circlekeeper.sessions.storage.claim import SessionTakenOver
from circlekeeper.sessions.storage.handle import SessionHandle
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda

__all__ = ["OpenSession", "read_session", "reopen_session", "start_session"]


@dataclass
class OpenSession:
    """A session being run, holding its file's lock until :meth:`close`."""

    handle: SessionHandle
    """The locked file."""
    session: Session
    """The engine driving it."""

    def close(self) -> None:
        """Save the running time not yet written and release the file (safe twice)."""
        if not self.handle.closed:
            try:
                self.session.heartbeat()
            except SessionTakenOver:
                pass  # it already stopped saving, and said so when it did
            finally:
                self.handle.close()


def start_session(
    store: SessionStore,
    agenda: Agenda,
    clock: Clock,
    *,
    attendance: int,
    watch_names: WatchList | Iterable[str] = (),
    warning_minutes: int = 2,
) -> OpenSession:
    """Create a session from ``agenda`` in state ready, on disk before this returns.

    Its file appears in one step with its agenda and first event, so a crash at any
    moment leaves either no session or one that can be resumed.
    """
    handle = store.create(clock.now(), draft=True)
    try:
        session = Session.create(
            handle.record,
            agenda,
            clock,
            session_id=handle.id,
            attendance=attendance,
            watch_list=watch_names,
            index=store.update_index,
            warning_minutes=warning_minutes,
        )
        store.place(handle)
    except BaseException:
        store.discard(handle)
        raise
    return OpenSession(handle, session)


def reopen_session(
    store: SessionStore,
    session_id: str,
    clock: Clock,
    *,
    watch_names: WatchList | Iterable[str] = (),
    warning_minutes: int = 2,
) -> OpenSession:
    """Carry on with a session where it was left (paused, if it was under way).

    Raises:
        StorageError: it is open in another window, unknown or damaged.
        SessionError: its record holds no session.
    """
    handle = store.open(session_id)
    try:
        session = Session.resume(
            handle.record,
            clock,
            watch_list=watch_names,
            index=store.update_index,
            warning_minutes=warning_minutes,
        )
    except BaseException:
        handle.close()
        raise
    return OpenSession(handle, session)


def read_session(store: SessionStore, session_id: str, clock: Clock) -> Session:
    """A session as it was last recorded, for its summary; nothing can be changed.

    The file is read without its lock, so a session open in another window can still be
    summarised and exported.
    """
    return Session.resume(store.read(session_id), clock, read_only=True)
