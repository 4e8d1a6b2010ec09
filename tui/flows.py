"""How the app moves between screens around a session: start, resume, end, summary, export.

:class:`SessionFlow` is the app's helper for the steps that need dialogs. Each step
asks the session host and shows the result; storage errors and refusals become
messages on screen, never tracebacks. The app calls it from its message handlers, and
through it finds the run screen (to switch its view, or to show the
room a resource).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.settings.config import Settings
from circlekeeper.sessions.templates.agenda import Agenda, Resource
from circlekeeper.sessions.templates.library import TemplateLibrary
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.text import sentence
from circlekeeper.tui.view import is_shared

# The session engine and its screens load when the first session opens, not at launch:
# the home screen comes up sooner without them.
if TYPE_CHECKING:
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.groups.store import GroupStore
    from circlekeeper.sessions.host import SessionHost
    from circlekeeper.sessions.privacy.names import WatchList
    from circlekeeper.tui.dialogs.debrief import DebriefDraft
    from circlekeeper.tui.dialogs.export import ExportChoice
    from circlekeeper.tui.dialogs.start_session import StartChoice
    from circlekeeper.tui.screens.run_session import RunScreen


class SessionFlow:
    """Screen changes around the host's session.

    Args:
        app: The app whose screens change.
        host: The owner of the open session.
        settings: What the entry point resolved (the settings file, folders, phone region).
        library: The agendas the home screen offers.
        tell_unread: Says how many drop-box cards were let go unread, if any.
    """

    def __init__(
        self,
        app: App[Any],
        host: SessionHost,
        settings: Settings,
        library: TemplateLibrary,
        tell_unread: Callable[[int], None],
    ) -> None:
        self.app = app
        self.host = host
        self.settings = settings
        self.config = settings.config
        self.library = library
        self.tell_unread = tell_unread
        self.export_folders: dict[str, Path] = {}
        """The folder each session was last exported to, offered again for its next export."""

    @property
    def groups(self) -> GroupStore:
        """The groups folder, for the meetings of a group (loaded with the first session)."""
        from circlekeeper.sessions.groups.store import GroupStore

        return GroupStore(self.settings.folders.groups)

    # Starting and resuming -----------------------------------------------------------

    def start(self, agenda: Agenda) -> None:
        """Ask who is coming, then start a session from ``agenda``."""
        from circlekeeper.tui.dialogs.start_session import StartSessionDialog

        if self.host.opened is not None:
            self.app.notify(_("End or quit the session that is open first."), severity="warning")
            return

        from circlekeeper.tui import group_flows

        groups = self.groups
        offered = group_flows.offered_agendas(self.library)

        def chosen(choice: StartChoice | None) -> None:
            nonlocal agenda
            if choice is None:
                return
            agenda = offered.get(choice.agenda, agenda)
            group = None
            if choice.group:
                group = group_flows.find_or_make(self.app, groups, choice.group, agenda)
                if group is None:
                    return
            from circlekeeper.sessions.groups.agenda import meeting_agenda

            run = (
                agenda
                if group is None
                else meeting_agenda(agenda, group, newcomers=choice.newcomers)
            )
            session = self._open(
                lambda: self.host.start(
                    run,
                    attendance=choice.attendance,
                    watch_names=self.watch_list(choice.watch_names),
                )
            )
            if session is not None and group is not None:
                group_flows.join(self.app, groups, group, session, choice.newcomers)

        names, usual = group_flows.group_names(groups)
        listed = tuple((name, a.title) for name, a in offered.items())
        dialog = StartSessionDialog(
            agenda.title, groups=names, usual=usual, agendas=listed, agenda=agenda.name
        )
        self.app.push_screen(dialog, chosen)

    def watch_list(self, names: tuple[str, ...]) -> WatchList:
        """The session's watch list, reading phone numbers in the settings' region."""
        from circlekeeper.sessions.privacy.names import WatchList

        return WatchList(names, region=self.settings.phone_region)

    def resume(self, session_id: str) -> None:
        """Ask who is coming, then carry on with session ``session_id``."""
        from circlekeeper.tui.dialogs.start_session import StartSessionDialog

        def chosen(choice: StartChoice | None) -> None:
            if choice is None:
                return
            session = self._open(
                lambda: self.host.reopen(
                    session_id, watch_names=self.watch_list(choice.watch_names)
                )
            )
            if session is not None and session.attendance != choice.attendance:
                try:
                    session.set_attendance(choice.attendance)
                except SESSION_PROBLEMS as error:
                    self.app.notify(sentence(error), severity="warning")

        try:
            # Open in another window: say so now, not after the questions are answered.
            self.host.check_reopenable(session_id)
            meta = self.host.store.read(session_id).read_meta()
        except SESSION_PROBLEMS as error:
            self.app.notify(str(error), title=_("Could not open the session"), severity="error")
            return
        attendance = meta.get("attendance")
        self.app.push_screen(
            StartSessionDialog(
                _("Resume: {title}").format(title=meta.get("title") or session_id),
                resuming=True,
                attendance=attendance if isinstance(attendance, int) else None,
            ),
            chosen,
        )

    def _open(self, opener: Callable[[], Session]) -> Session | None:
        from circlekeeper.tui.screens.run_session import RunScreen

        try:
            session = opener()
        except SESSION_PROBLEMS as error:
            self.app.notify(str(error), title=_("Could not open the session"), severity="error")
            return None
        self.app.push_screen(
            RunScreen(
                session,
                org_resources=self.host.org_resources,
                bell=self.config.bell,
                dropbox=self.host.dropbox,
                sharing=is_shared(self.app),
            )
        )
        return session

    def run_screens(self) -> list[RunScreen]:
        """The run screen, if a session is open (it may be beneath other screens)."""
        if self.host.opened is None:
            return []
        from circlekeeper.tui.screens.run_session import RunScreen

        return [screen for screen in self.app.screen_stack if isinstance(screen, RunScreen)]

    def show_resource(self, resource: Resource) -> None:
        """Make ``resource`` the one the run screen shows the room."""
        for run in self.run_screens():
            run.show_resource(resource)

    # Ending ----------------------------------------------------------------------------

    def ended(self, session: Session) -> None:
        """After the end: the drop-box goes, then the facilitator's debrief, then the summary."""
        from circlekeeper.sessions.engine.session import NoteFlagged
        from circlekeeper.tui.dialogs.debrief import DebriefDialog
        from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
        from circlekeeper.tui.screens.summary import SummaryScreen

        self.tell_unread(self.host.let_go_dropbox_soon())

        def debriefed(draft: DebriefDraft | None, **choice: bool) -> None:
            if draft is not None:
                try:
                    session.save_debrief(
                        draft.how_it_went, draft.follow_up, draft.self_care, **choice
                    )
                except NoteFlagged as flagged:
                    # As for a note: the facilitator edits, redacts or keeps it.
                    def chosen(answer: str | None) -> None:
                        if answer in ("redact", "keep"):
                            debriefed(draft, **{answer: True})
                        else:
                            self.app.push_screen(DebriefDialog(draft), debriefed)

                    self.app.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
                    return
                except SESSION_PROBLEMS as error:
                    self.app.notify(sentence(error), severity="error")
            self.tell_unread(self.host.close_soon())
            self.app.switch_screen(SummaryScreen(session))

        from circlekeeper.tui.group_flows import carry_forward

        carry_forward(
            self.app, self.groups, session, lambda: self.app.push_screen(DebriefDialog(), debriefed)
        )

    def summary(self, session_id: str) -> None:
        """Show session ``session_id`` as last recorded."""
        from circlekeeper.tui.screens.summary import SummaryScreen

        try:
            session = self.host.read(session_id)
        except SESSION_PROBLEMS as error:
            self.app.notify(str(error), title=_("Could not open the session"), severity="error")
            return
        self.app.push_screen(SummaryScreen(session))

    def home(self) -> None:
        """Back to the home screen, closing whatever session was open."""
        self.tell_unread(self.host.close_soon())
        app = self.app
        # The home screen is the app's bottom screen.
        while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
            app.pop_screen()
        if not isinstance(app.screen, HomeScreen):
            # The app's own bottom screen, made as at launch.
            app.switch_screen(app.get_default_screen())

    # Export ------------------------------------------------------------------------------

    def export(self, session: Session) -> None:
        """Ask what to export and where, then write it in a worker thread."""
        from circlekeeper.tui.dialogs.export import ExportDialog, write_choice

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.export_folders[session.id] = choice.folder
                self.app.run_worker(
                    lambda: write_choice(self.app, session, choice),
                    thread=True,
                    exclusive=True,
                    group="export",
                )

        folder = self.export_folders.get(session.id) or self.settings.folders.export_folder()
        self.app.push_screen(ExportDialog(session, folder=folder), chosen)
