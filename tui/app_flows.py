"""The app's session host and the flows of screens around it, each made when first needed.

At launch that is just after the first frame, when the home screen lists the sessions:
the home screen comes up without waiting for the storage code, TinyDB or the flows to
load. The app holds one :class:`AppFlows` and calls on it from its message handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.engine.clock import Clock
from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.library import TemplateLibrary

if TYPE_CHECKING:
    from circlekeeper.sessions.host.session_host import SessionHost
    from circlekeeper.sessions.storage.session_store import SessionStore
    from circlekeeper.tui.crisis_flow import CrisisFlow
    from circlekeeper.tui.dropbox_flows import DropBoxFlow
    from circlekeeper.tui.flows import SessionFlow
    from circlekeeper.tui.poll_flows import PollFlow


class AppFlows:
    """The host of one app and its flows.

    Args:
        app: The app whose screens the flows change.
        settings: What the entry point resolved.
        library: The agendas the home screen offers.
        store: The session store; the one in the settings' data folder when ``None``.
        clock: Where time comes from.
        on_resources_problem: Told when the organisation's resources file has problems.
    """

    def __init__(
        self,
        app: App[Any],
        settings: Settings,
        library: TemplateLibrary,
        store: SessionStore | None,
        clock: Clock,
        on_resources_problem: Callable[[TemplateError], None],
    ) -> None:
        self.app = app
        self.settings = settings
        self.library = library
        self._store = store
        self._clock = clock
        self._on_resources_problem = on_resources_problem

    @cached_property
    def host(self) -> SessionHost:
        """The one owner of the open session, its drop-box and the organisation's resources."""
        from circlekeeper.sessions.host import session_host
        from circlekeeper.sessions.storage import session_store

        host = session_host.SessionHost(
            self._store or session_store.SessionStore.in_folders(self.settings.folders),
            self._clock,
            warning_minutes=self.settings.config.warning_minutes,
            resources_file=self.settings.folders.resources_file,
            on_resources_problem=self._on_resources_problem,
        )
        host.on_dropbox_changed = lambda box: self.dropbox.counts_changed(box)
        host.on_poll_closed = lambda tally: self.poll.closed(tally)
        return host

    async def close(self) -> None:
        """Close the host, if it was ever made: an app that never listed its sessions has
        none open, and ending it should not load the storage code to say so."""
        if "host" in self.__dict__:
            await self.host.close()

    @cached_property
    def dropbox(self) -> DropBoxFlow:
        """Opening, showing and closing the drop-box."""
        from circlekeeper.tui import dropbox_flows

        return dropbox_flows.DropBoxFlow(self.app, self.host)

    @cached_property
    def session(self) -> SessionFlow:
        """Starting, resuming, ending and exporting a session."""
        from circlekeeper.tui import flows

        unread = self.dropbox.tell_unread
        return flows.SessionFlow(self.app, self.host, self.settings, self.library, unread)

    @cached_property
    def poll(self) -> PollFlow:
        """What a closed phone poll leads to."""
        from circlekeeper.tui import poll_flows

        return poll_flows.PollFlow(self.app, self.host)

    @cached_property
    def crisis(self) -> CrisisFlow:
        """The crisis key and its follow-through."""
        from circlekeeper.tui import crisis_flow

        return crisis_flow.CrisisFlow(self.app, self.host)
