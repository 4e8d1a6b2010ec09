"""The session host: the one owner of what a front end has open.

:class:`SessionHost` holds the open session (its locked file and the engine driving
it), that session's drop-box, and the organisation's resources. It starts, reopens and
reads sessions without the front end knowing how files, locks and the index fit
together, and it closes everything in one order:

1. the drop-box, so its link stops working and its waiting cards are let go;
2. the session: the running time not yet written is saved, then the file's lock is
   released.

Closing is safe to call twice. The drop-box's web server runs on the caller's asyncio
loop, so opening and closing it are awaited; :meth:`SessionHost.close_soon` is the
variant for code that cannot wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.follow_ups.home_log import FILE_NAME, HomeFollowThroughs
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Agenda, Resource
from circlekeeper.sessions.templates.errors import TemplateError

# The app makes its host at launch, long before a session opens: the engine (with the
# personal-data guard and its phone-number tables) and the drop-box (with its web
# server) load when the first session or drop-box opens, so the home screen comes sooner.
if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import CardKind, DropBox
    from circlekeeper.sessions.dropbox.polls import Tally
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.host.opening import OpenSession
    from circlekeeper.sessions.privacy.names import WatchList

__all__ = ["DropBoxListener", "SessionHost"]

DropBoxListener = Callable[["DropBox | None"], None]
"""Told the drop-box (``None``: there is none now) whenever it opens, closes or counts move."""


class SessionHost:
    """Owns the open session, its drop-box and the organisation's resources.

    Args:
        store: Where sessions are kept.
        clock: The clock every session runs on.
        warning_minutes: How early a part's timer warns that time is nearly up.
        resources_file: The organisation's resources file; without one, the organisation
            offers no resources of its own.
        on_resources_problem: Told once about a problem in the resources file, which
            is then taken to list nothing (the problem is reported, never raised).
        on_dropbox_changed: Told whenever the drop-box opens, closes or its counts move.
    """

    def __init__(
        self,
        store: SessionStore,
        clock: Clock,
        *,
        warning_minutes: int = 2,
        resources_file: Path | None = None,
        on_resources_problem: Callable[[TemplateError], None] | None = None,
        on_dropbox_changed: DropBoxListener | None = None,
    ) -> None:
        self.store = store
        """Where sessions are kept."""
        self.home_follow_throughs = HomeFollowThroughs(store.root.parent / FILE_NAME, clock)
        """Follow-throughs after a crisis with no session open, beside the sessions' folder."""
        self.clock = clock
        """The clock every session runs on."""
        self.warning_minutes = warning_minutes
        """How early a part's timer warns that time is nearly up."""
        self.opened: OpenSession | None = None
        """The session being run, whose file this host holds locked."""
        self.dropbox: DropBox | None = None
        """The open session's drop-box, from its first opening until the session closes."""
        self.on_resources_problem = on_resources_problem
        self.on_dropbox_changed = on_dropbox_changed
        self.on_poll_closed: Callable[[Tally], None] | None = None
        """Given the counts of a poll still open when the drop-box is let go."""
        self._resources_file = resources_file
        self._org_resources: tuple[Resource, ...] | None = None
        self._stopping: set[asyncio.Task[None]] = set()

    # What is open --------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The session being run, if any."""
        return self.opened.session if self.opened is not None else None

    @property
    def agenda(self) -> Agenda | None:
        """The agenda being run, if any."""
        return self.opened.session.agenda if self.opened is not None else None

    @property
    def org_resources(self) -> tuple[Resource, ...]:
        """The organisation's own resources, offered in every session (read on first use)."""
        if self._org_resources is None:
            self._org_resources = self._read_org_resources()
        return self._org_resources

    def _read_org_resources(self) -> tuple[Resource, ...]:
        if self._resources_file is None:
            return ()
        from circlekeeper.sessions.templates.org_resources import load_org_resources

        try:
            return load_org_resources(self._resources_file)
        except TemplateError as error:
            if self.on_resources_problem is not None:
                self.on_resources_problem(error)
            return ()

    # Opening -------------------------------------------------------------------------

    def start(
        self, agenda: Agenda, *, attendance: int, watch_names: WatchList | Iterable[str] = ()
    ) -> Session:
        """Start a session from ``agenda`` and hold it open (on disk before this returns).

        Raises:
            SessionError: a session is open already.
            StorageError: the file cannot be written.
        """
        self._refuse_if_open()
        from circlekeeper.sessions.host.opening import start_session

        self.opened = start_session(
            self.store,
            agenda,
            self.clock,
            attendance=attendance,
            watch_names=watch_names,
            warning_minutes=self.warning_minutes,
        )
        return self.opened.session

    def reopen(self, session_id: str, *, watch_names: WatchList | Iterable[str] = ()) -> Session:
        """Carry on with a session where it was left, and hold it open.

        Raises:
            SessionError: a session is open already, or the record holds no session.
            StorageError: it is open in another window, unknown or damaged.
        """
        self._refuse_if_open()
        from circlekeeper.sessions.host.opening import reopen_session

        self.opened = reopen_session(
            self.store,
            session_id,
            self.clock,
            watch_names=watch_names,
            warning_minutes=self.warning_minutes,
        )
        return self.opened.session

    def check_reopenable(self, session_id: str) -> None:
        """Refuse now what :meth:`reopen` would refuse for a lock, before anything is asked.

        Raises:
            SessionError: a session is open already here.
            StorageError: it is open in another window.
        """
        self._refuse_if_open()
        self.store.folder.check_free(session_id)

    def read(self, session_id: str) -> Session:
        """A session as last recorded, for its summary (see :func:`read_session`)."""
        from circlekeeper.sessions.host.opening import read_session

        return read_session(self.store, session_id, self.clock)

    def follow_up_done(self, session_id: str) -> int:
        """Mark the crisis follow-ups of session ``session_id`` done; returns how many.

        The open session is marked directly; any other is opened (its lock held for the
        moment it takes) and closed again.

        Raises:
            SessionError: it has no follow-up open.
            StorageError: it is open in another window, unknown or damaged.
        """
        if self.session is not None and self.session.id == session_id:
            return self.session.follow_up_done()
        from circlekeeper.sessions.host.opening import reopen_session

        opened = reopen_session(self.store, session_id, self.clock)
        try:
            return opened.session.follow_up_done()
        finally:
            opened.close()

    def _refuse_if_open(self) -> None:
        if self.opened is not None:
            raise SessionError("end or quit the session that is open first")

    # The drop-box --------------------------------------------------------------------

    async def open_dropbox(self, kinds: Iterable[CardKind], host: str) -> DropBox:
        """Open the session's drop-box with these kinds of card, listening on ``host``.

        The drop-box is made on first opening and kept, with its waiting cards, when
        closed and opened again.

        Raises:
            SessionError: no session is open.
            DropBoxError: it cannot open (the session ended, the address is taken...).
            NetworkChoiceError: ``host`` is not one plain address.
        """
        from circlekeeper.sessions.dropbox import DropBox

        session = self.session
        if session is None:
            raise SessionError("open a session before its drop-box")
        box = self.dropbox
        if box is None:
            box = DropBox(session, kinds=kinds, host=host, on_card=self.dropbox_changed)
            self.dropbox = box
        else:
            box.kinds = frozenset(kinds)
            box.host = host
        await box.open()
        self.dropbox_changed()
        return box

    async def close_dropbox(self) -> None:
        """Stop the drop-box's server: its link stops working. Waiting cards stay."""
        if self.dropbox is not None:
            await self.dropbox.close()
        self.dropbox_changed()

    def dropbox_changed(self) -> None:
        """Tell the listener about the drop-box now (its counts may have moved)."""
        if self.on_dropbox_changed is not None:
            self.on_dropbox_changed(self.dropbox)

    async def let_go_dropbox(self) -> int:
        """Close the drop-box and forget it with its waiting cards.

        Returns:
            How many waiting cards were let go unread.
        """
        box, self.dropbox = self.dropbox, None
        if box is None:
            return 0
        self._hand_over_poll(box)
        waiting = box.waiting_count()
        await box.close()
        box.clear()
        self.dropbox_changed()
        return waiting

    def let_go_dropbox_soon(self) -> int:
        """As :meth:`let_go_dropbox`, from code that cannot wait for it.

        The drop-box and its cards are let go at once; its server stops a moment later,
        on the running loop. The link leads nowhere once the session has ended.

        Returns:
            How many waiting cards were let go unread.
        """
        box, self.dropbox = self.dropbox, None
        if box is None:
            return 0
        self._hand_over_poll(box)
        waiting = box.waiting_count()
        box.clear()
        task = asyncio.get_running_loop().create_task(box.close())
        self._stopping.add(task)
        task.add_done_callback(self._stopping.discard)
        self.dropbox_changed()
        return waiting

    def _hand_over_poll(self, box: DropBox) -> None:
        # Answers already given still count when the session ends with the poll open.
        tally = box.close_poll()
        if tally is not None and self.on_poll_closed is not None:
            self.on_poll_closed(tally)

    # Closing -------------------------------------------------------------------------

    def release(self) -> None:
        """Save the session's running time and release its file; the drop-box stays.

        Call it after the drop-box has gone (:meth:`close` and :meth:`close_soon` do
        both, in that order). Safe to call twice.
        """
        opened, self.opened = self.opened, None
        if opened is not None:
            opened.close()

    async def close(self) -> int:
        """Close everything: the drop-box first, then the session's file. Safe twice.

        Returns:
            How many waiting cards were let go unread.
        """
        waiting = await self.let_go_dropbox()
        self.release()
        if self._stopping:
            await asyncio.gather(*self._stopping)
        return waiting

    def close_soon(self) -> int:
        """As :meth:`close`, from code that cannot wait (the server stops just after).

        Returns:
            How many waiting cards were let go unread.
        """
        waiting = self.let_go_dropbox_soon() if self.dropbox is not None else 0
        self.release()
        return waiting
