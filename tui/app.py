"""The circlekeeper App: global keys, the participant view, and the too-small guard.

The app is built by :func:`make_app`, used alike by the CLI and the tests, and is handed
everything it needs (settings, the session store, a clock); screens present the session
core and never touch disk themselves.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from weakref import WeakSet

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from circlekeeper.sessions.config import Settings
from circlekeeper.sessions.engine.clock import Clock, SystemClock
from circlekeeper.sessions.storage.session_store import SessionStore
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.tui.commands import TemplateCommands, binding_commands
from circlekeeper.tui.dropbox_flows import DropBoxFlows
from circlekeeper.tui.flows import SessionFlows
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.too_small import TooSmallScreen

MIN_SIZE = (80, 24)
"""The smallest window (columns, rows) every screen is laid out for."""

FACILITATOR_TITLE = "FACILITATOR VIEW · not for sharing · v switches"
PARTICIPANT_TITLE = "PARTICIPANT VIEW · safe to share · v switches"


class CircleKeeperApp(DropBoxFlows, SessionFlows, App[int]):
    """The facilitator's companion for one or more sessions."""

    # The home screen is the bottom screen, made before any screen is pushed, so its
    # styles load with the app's.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    COMMANDS = App.COMMANDS | {TemplateCommands}
    TITLE = "circlekeeper"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Keys and guidance"),
        Binding(
            "exclamation_mark",
            "crisis",
            "Crisis",
            id="app.crisis",
            tooltip="Pause and show the crisis resource",
        ),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    participant_view: reactive[bool] = reactive(False)
    """Whether everything facilitator-only is hidden, for screen sharing."""

    def __init__(self, settings: Settings, store: SessionStore, clock: Clock) -> None:
        super().__init__()
        self.settings = settings
        """What the entry point resolved: folders, the settings file, the phone region."""
        self.config = settings.config
        self.library = TemplateLibrary.in_folders(settings.folders)
        """The agendas to pick from: the built-in ones and the facilitator's own."""
        self.store = store
        self.clock = clock
        self.session = None
        """The session open in the run screen, if any."""
        self._org_resources: tuple[Resource, ...] | None = None
        self._too_small: TooSmallScreen | None = None
        self._stale_screens: WeakSet[Screen] = WeakSet()
        """Screens beneath the top one, styled for the view before the last switch."""
        self._mounted = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, never reading its words as markup.

        Messages quote titles, links and errors from files the facilitator wrote, where
        a bracket is just a bracket.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.sub_title = FACILITATOR_TITLE
        # Read once the home screen is up, so its problems are said at launch without
        # holding the first frame back.
        self.call_after_refresh(lambda: self.org_resources)
        # Launching from the command line holds cycle collection off until now.
        self.call_after_refresh(gc.enable)
        self.screen_change_signal.subscribe(self, self._restyle_if_stale, immediate=True)
        self._mounted = True
        self._check_size(self.size.width, self.size.height)

    @property
    def org_resources(self) -> tuple[Resource, ...]:
        """The organisation's own resources, offered in every session (read on first use)."""
        if self._org_resources is None:
            from circlekeeper.sessions.templates.org_resources import load_org_resources

            try:
                self._org_resources = load_org_resources(self.settings.folders.resources_file)
            except TemplateError as error:
                self._org_resources = ()
                self.notify(str(error), title="Your resources file has problems", severity="error")
        return self._org_resources

    def get_default_screen(self) -> Screen:
        # The home screen is the first and bottom screen: no empty screen is composed
        # and drawn before it, which made launching noticeably slower.
        return HomeScreen(self.library)

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        if not self._mounted:
            return  # the home screen is not there yet; on_mount checks again
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and self._too_small is None:
            self._too_small = TooSmallScreen(MIN_SIZE, (width, height))
            self.push_screen(self._too_small)
        elif small and self._too_small is not None:
            self._too_small.update_size((width, height))
        elif not small and self._too_small is not None:
            screen, self._too_small = self._too_small, None
            if self.screen is screen:
                self.pop_screen()
            # Else a screen was opened on top of it (the crisis key works at any size);
            # it removes itself when it comes back to the top.

    def watch_participant_view(self, participant: bool) -> None:
        self.set_class(participant, "-participant-view")
        self.sub_title = PARTICIPANT_TITLE if participant else FACILITATOR_TITLE
        # Textual restyles only the screen on top; one beneath, coming back, would
        # still show what it showed before the switch (guidance, notes) on a shared
        # screen. It is restyled as it comes back, before it is drawn.
        self._stale_screens = WeakSet(self.screen_stack[:-1])

    def _restyle_if_stale(self, screen: Screen) -> None:
        if screen in self._stale_screens:
            self._stale_screens.discard(screen)
            screen.update_node_styles(animate=False)

    def action_toggle_view(self) -> None:
        """Switch between the participant and the facilitator view."""
        if not self.participant_view and isinstance(self.screen, ModalScreen):
            # A dialog (a note being written, a name found) is facilitator-only and would
            # stay on the shared screen: close it first.
            self.notify("Close this dialog first (escape), then switch to participant view.")
            return
        self.participant_view = not self.participant_view

    def action_help(self) -> None:
        # Loaded on first use: its Markdown widget costs the launch a few hundredths.
        from circlekeeper.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(screen)
        yield SystemCommand("Help", "The keys and how to use them", self.action_help)
        yield SystemCommand(
            "Crisis resource", "Pause and show the crisis resource", self.action_crisis
        )
        yield SystemCommand(
            "Participant / facilitator view",
            "Hide or show everything facilitator-only",
            self.action_toggle_view,
        )


def make_app(
    settings: Settings,
    store: SessionStore | None = None,
    clock: Clock | None = None,
) -> CircleKeeperApp:
    """Build the app; the CLI and the tests both come through here.

    Args:
        settings: What the entry point resolved (folders, ``config.toml``, phone region).
        store: The session store; the one in the settings' data folder by default.
        clock: Where time comes from; the system clock by default.
    """
    return CircleKeeperApp(
        settings=settings,
        store=store or SessionStore.in_folders(settings.folders),
        clock=clock or SystemClock(),
    )
