"""The circlekeeper App: global keys, the participant view, and the too-small guard.

The app is built by :func:`make_app`, used alike by the CLI and the tests, and is handed
everything it needs (settings, the session store, a clock). It holds the
:class:`~circlekeeper.sessions.host.SessionHost`, the one owner of the open session,
and mediates between it and the screens: screens post messages, the app's handlers
answer them (with the help of :mod:`~circlekeeper.tui.flows` and
:mod:`~circlekeeper.tui.dropbox_flows` where dialogs are involved), and what screens
need is handed down to them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING
from weakref import WeakSet

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.reactive import Reactive, reactive
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from circlekeeper.sessions.engine.clock import Clock, SystemClock
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.templates.errors import TemplateError
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.tui.app_flows import AppFlows
from circlekeeper.tui.commands import TemplateCommands, app_commands, binding_commands
from circlekeeper.tui.crisis_keys import CRISIS_CHORD, CRISIS_KEY
from circlekeeper.tui.hangup import HANGUP_EXIT_CODE, LAST_SECONDS, end_within, watch_for_hangup
from circlekeeper.tui.legible_themes import DARK_ANSI, LIGHT_ANSI, RETOUCHED_BY_NAME
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.settings_file import config_notice, keep_theme
from circlekeeper.tui.theme import HIGH_CONTRAST
from circlekeeper.tui.view import FACILITATOR_TITLE, PARTICIPANT_TITLE, PARTICIPANT_VIEW
from circlekeeper.tui.widgets.keys_footer import KeysFooter

# The screens of a session load when the first one opens, not at launch, so their
# messages are handled by name (``on_run_screen_session_ended``) rather than with ``@on``.
if TYPE_CHECKING:
    from circlekeeper.sessions.host.session_host import SessionHost
    from circlekeeper.sessions.storage.session_store import SessionStore
    from circlekeeper.tui.screens.dropbox import DropBoxScreen
    from circlekeeper.tui.screens.dropbox_queue import DropBoxQueueScreen
    from circlekeeper.tui.screens.resources import ResourcesScreen
    from circlekeeper.tui.screens.run_session import RunScreen
    from circlekeeper.tui.screens.summary import SummaryScreen
    from circlekeeper.tui.screens.too_small import TooSmallScreen

MIN_SIZE = (80, 24)
"""The smallest window (columns, rows) every screen is laid out for."""

SHARED_OFF_ACTIONS = frozenset({"help", "command_palette"})
"""App actions that open something facilitator-only: nothing happens while shared."""


class CircleKeeperApp(App[int]):
    """The facilitator's companion for one or more sessions."""

    # The home screen is the bottom screen, made before any screen is pushed, so its
    # styles load with the app's.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    COMMANDS = App.COMMANDS | {TemplateCommands}
    TITLE = "circlekeeper"
    BINDINGS = [
        Binding(
            "question_mark,f1", "help", N_("Help"), id="app.help", tooltip=N_("Keys and guidance")
        ),
        CRISIS_KEY,
        CRISIS_CHORD,
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, id="app.quit"),
    ]

    # Legible ANSI colours in place of Textual's own, as defaults: set in ``__init__``
    # instead, they made Textual parse every style sheet again before the first frame.
    ansi_theme_dark = Reactive(DARK_ANSI, init=False)
    ansi_theme_light = Reactive(LIGHT_ANSI, init=False)

    # Not watched at start: the app opens in the facilitator view, as everything is made.
    participant_view: reactive[bool] = reactive(False, init=False)
    """Whether everything facilitator-only is hidden, for screen sharing."""

    def __init__(self, settings: Settings, store: SessionStore | None, clock: Clock) -> None:
        super().__init__()
        self.settings = settings
        """What the entry point resolved: folders, the settings file, the phone region."""
        self.config = settings.config
        """The facilitator's settings file, read."""
        self.library = TemplateLibrary.in_folders(settings.folders)
        """The agendas to pick from: the built-in ones and the facilitator's own."""
        self.flows = AppFlows(self, settings, self.library, store, clock, self._resources_problem)
        """The host and the flows of screens around it, each made when first needed."""
        self._too_small: TooSmallScreen | None = None
        self._stale_screens: WeakSet[Screen] = WeakSet()
        """Screens beneath the top one, styled for the view before the last switch."""
        self._mounted = False
        self.register_theme(HIGH_CONTRAST)
        self._held: list[tuple[str, str, SeverityLevel, float | None]] = []
        """Notifications kept from the shared screen, for the facilitator view."""

    def register_theme(self, theme: Theme) -> None:
        """Register ``theme``; Textual's own dark and light themes in their retouched form.

        Textual registers its own themes as the app is made, before it takes the colours
        of the one in use: retouched here, they are the ones taken, and no style sheet is
        given a second set of colours before the first frame.
        """
        super().register_theme(RETOUCHED_BY_NAME.get(theme.name, theme))

    @property
    def host(self) -> SessionHost:
        """The one owner of the open session, its drop-box and the organisation's resources
        (made when first asked for, just after the first frame at launch)."""
        return self.flows.host

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
        a bracket is just a bracket. While the participant view is on, a notification
        waits and shows when the facilitator view comes back.
        """
        if self.participant_view:
            self._held.append((message, title, severity, timeout))
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        if self.settings.config_problems:
            self.notify(
                config_notice(self.settings.config_problems),
                title=_("Your settings file has problems"),
                severity="warning",
                timeout=20,
            )
        self.sub_title = _(FACILITATOR_TITLE)
        # Read once the home screen is up, so its problems are said at launch without
        # holding the first frame back.
        self.call_after_refresh(lambda: self.host.org_resources)
        # Launching from the command line holds cycle collection off until now.
        self.call_after_refresh(gc.enable)
        self.screen_change_signal.subscribe(self, self._restyle_if_stale, immediate=True)
        self._mounted = True
        self._check_size(self.size.width, self.size.height)
        if not self.is_headless:
            watch_for_hangup(lambda: self.call_later(self._terminal_gone))

    def _theme_chosen(self, theme: Theme) -> None:
        """Keep a theme picked in the palette for the next launch."""
        if theme.name != self.config.theme:
            self.config.theme = theme.name
            self.run_worker(
                partial(keep_theme, self, self.settings.folders.config_file, theme.name),
                thread=True,
                group="settings",
            )

    def _resources_problem(self, error: TemplateError) -> None:
        self.notify(str(error), title=_("Your resources file has problems"), severity="error")

    def get_default_screen(self) -> Screen:
        # The home screen is the first and bottom screen: no empty screen is composed
        # and drawn before it, which made launching noticeably slower.
        # The host is made only when the sessions are first listed, after the first frame.
        return HomeScreen(
            self.library,
            lambda: self.host.store.list(),
            lambda: self.host.home_follow_throughs.open_due(),
        )

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        if not self._mounted:
            return  # the home screen is not there yet; on_mount checks again
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and self._too_small is None:
            # Loaded only for a terminal too small to use, rarely met.
            from circlekeeper.tui.screens import too_small

            self._too_small = too_small.TooSmallScreen(MIN_SIZE, (width, height))
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
        self.set_class(participant, PARTICIPANT_VIEW)
        for run in self.flows.session.run_screens():
            run.sharing = participant
        self.sub_title = _(PARTICIPANT_TITLE if participant else FACILITATOR_TITLE)
        # Textual restyles only the screen on top; one beneath, coming back, would
        # still show what it showed before the switch (guidance, notes) on a shared
        # screen. It is restyled as it comes back, before it is drawn.
        self._stale_screens = WeakSet(self.screen_stack[:-1])
        for screen in self.screen_stack:
            for footer in screen.query(KeysFooter):
                footer.shared(participant)
        if not participant:
            self.flows.crisis.facilitator_view_back()
            held, self._held = self._held, []
            for message, title, severity, timeout in held:
                self.notify(message, title=title, severity=severity, timeout=timeout)
        else:
            # A toast already on screen goes too.
            self.clear_notifications()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Help and the palette list the facilitator's keys: not on a shared screen.
        if self.participant_view and action in SHARED_OFF_ACTIONS:
            return False
        if action == "crisis" and not getattr(self.screen, "offers_crisis_key", True):
            return False
        return super().check_action(action, parameters)

    def _restyle_if_stale(self, screen: Screen) -> None:
        if screen in self._stale_screens:
            self._stale_screens.discard(screen)
            screen.update_node_styles(animate=False)

    def action_toggle_view(self) -> None:
        """Switch between the participant and the facilitator view."""
        if not self.participant_view and isinstance(self.screen, ModalScreen):
            # A dialog (a note being written, a name found) is facilitator-only and would
            # stay on the shared screen: close it first.
            self.notify(_("Close this dialog first (escape), then switch to participant view."))
            return
        self.participant_view = not self.participant_view

    def action_help(self) -> None:
        # Loaded on first use: its Markdown widget costs the launch a few hundredths.
        from circlekeeper.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(keymap=self.config.keymap))

    def action_crisis(self) -> None:
        """Pause any running session and show the crisis resource, large."""
        self.flows.crisis.crisis()

    async def action_quit(self) -> None:
        """Quit; a session in progress stays on disk, ready to resume."""
        await self.flows.close()
        self.exit(0)

    async def _terminal_gone(self) -> None:
        """Save and end: no one can see or answer this app any more."""
        await self.flows.close()
        end_within(LAST_SECONDS, HANGUP_EXIT_CODE)
        self.exit(HANGUP_EXIT_CODE)

    async def on_unmount(self) -> None:
        # However the app stops, the drop-box's server stops before the loop goes.
        await self.flows.close()

    # What screens ask for ---------------------------------------------------------

    @on(HomeScreen.StartRequested)
    def _start(self, event: HomeScreen.StartRequested) -> None:
        self.flows.session.start(event.agenda)

    @on(HomeScreen.ResumeRequested)
    def _resume(self, event: HomeScreen.ResumeRequested) -> None:
        self.flows.session.resume(event.session_id)

    @on(HomeScreen.FollowUpDoneRequested)
    def _follow_up_done(self, event: HomeScreen.FollowUpDoneRequested) -> None:
        self.flows.crisis.follow_up_done(event.session, self.screen)

    @on(HomeScreen.GroupsRequested)
    def _groups(self) -> None:
        from circlekeeper.tui.screens.group import GroupScreen

        self.push_screen(GroupScreen(self.flows.session.groups))

    @on(HomeScreen.SummaryRequested)
    def _summary(self, event: HomeScreen.SummaryRequested) -> None:
        self.flows.session.summary(event.session_id)

    def on_run_screen_session_ended(self, event: RunScreen.SessionEnded) -> None:
        self.flows.session.ended(event.session)

    def on_run_screen_drop_box_requested(self, event: RunScreen.DropBoxRequested) -> None:
        self.flows.dropbox.show()

    def on_resources_screen_resource_shown(self, event: ResourcesScreen.ResourceShown) -> None:
        self.flows.session.show_resource(event.resource)

    def on_summary_screen_export_requested(self, event: SummaryScreen.ExportRequested) -> None:
        self.flows.session.export(event.session)

    def on_summary_screen_home_requested(self, event: SummaryScreen.HomeRequested) -> None:
        self.flows.session.home()

    async def on_drop_box_screen_close_requested(self, event: DropBoxScreen.CloseRequested) -> None:
        await self.flows.dropbox.close(event.screen)

    def on_drop_box_screen_poll_closed(self, event: DropBoxScreen.PollClosed) -> None:
        self.flows.poll.closed(event.tally)

    def on_drop_box_queue_screen_card_shown(self, event: DropBoxQueueScreen.CardShown) -> None:
        self.flows.dropbox.show_card(event.text)

    def on_drop_box_queue_screen_counts_changed(
        self, event: DropBoxQueueScreen.CountsChanged
    ) -> None:
        self.host.dropbox_changed()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(screen)
        yield from app_commands(self.action_help, self.action_crisis, self.action_toggle_view)


def make_app(
    settings: Settings,
    store: SessionStore | None = None,
    clock: Clock | None = None,
) -> CircleKeeperApp:
    """Build the app; the CLI and the tests both come through here.

    Args:
        settings: What the entry point resolved (folders, ``config.toml``, phone region).
        store: The session store; the one in the settings' data folder by default, opened
            when first needed.
        clock: Where time comes from; the system clock by default.
    """
    return CircleKeeperApp(settings=settings, store=store, clock=clock or SystemClock())
