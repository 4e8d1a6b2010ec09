"""How the app moves between screens around a session: start, resume, end, summary.

A mixin for :class:`~circlekeeper.tui.app.CircleKeeperApp`, kept apart so the App module
stays small. Each step calls the session core and shows the result; storage errors and
refusals become messages on screen, never tracebacks.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual import work

from circlekeeper.sessions.engine.crisis import choose_crisis_resource
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.privacy.names import WatchList
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.text import sentence

# The session engine and its screens load when the first session opens, not at launch:
# the home screen comes up sooner without them.
if TYPE_CHECKING:
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.host import OpenSession
    from circlekeeper.sessions.templates.agenda import Agenda
    from circlekeeper.tui.app import CircleKeeperApp
    from circlekeeper.tui.dialogs.debrief import DebriefDraft
    from circlekeeper.tui.dialogs.start_session import StartChoice

    _Base = CircleKeeperApp
else:
    _Base = object


class SessionFlows(_Base):
    """Screen changes around a session, for the App."""

    opened: OpenSession | None = None
    """The session being run, whose file this app holds locked."""

    # Starting and resuming -----------------------------------------------------------

    def on_home_screen_start_requested(self, event: HomeScreen.StartRequested) -> None:
        if self.opened is not None:
            self.notify("End or quit the session that is open first.", severity="warning")
            return
        agenda = event.agenda

        def chosen(choice: StartChoice | None) -> None:
            from circlekeeper.sessions.host import start_session

            if choice is not None:
                self._open(
                    lambda: start_session(
                        self.store,
                        agenda,
                        self.clock,
                        attendance=choice.attendance,
                        watch_names=self._watch_list(choice.watch_names),
                        warning_minutes=self.config.warning_minutes,
                    )
                )

        from circlekeeper.tui.dialogs.start_session import StartSessionDialog

        self.push_screen(StartSessionDialog(agenda.title), chosen)

    def _watch_list(self, names: tuple[str, ...]) -> WatchList:
        """The session's watch list, reading phone numbers in the settings' region."""
        return WatchList(names, region=self.settings.phone_region)

    def on_home_screen_resume_requested(self, event: HomeScreen.ResumeRequested) -> None:
        session_id = event.session_id

        def chosen(choice: StartChoice | None) -> None:
            from circlekeeper.sessions.host import reopen_session

            if choice is None:
                return
            opened = self._open(
                lambda: reopen_session(
                    self.store,
                    session_id,
                    self.clock,
                    watch_names=self._watch_list(choice.watch_names),
                    warning_minutes=self.config.warning_minutes,
                )
            )
            if opened is not None and opened.session.attendance != choice.attendance:
                try:
                    opened.session.set_attendance(choice.attendance)
                except SESSION_PROBLEMS as error:
                    self.notify(sentence(error), severity="warning")

        try:
            meta = self.store.read(session_id).read_meta()
        except SESSION_PROBLEMS as error:
            self.notify(str(error), title="Could not open the session", severity="error")
            return
        attendance = meta.get("attendance")
        from circlekeeper.tui.dialogs.start_session import StartSessionDialog

        self.push_screen(
            StartSessionDialog(
                f"Resume: {meta.get('title') or session_id}",
                resuming=True,
                attendance=attendance if isinstance(attendance, int) else None,
            ),
            chosen,
        )

    def _open(self, opener) -> OpenSession | None:
        from circlekeeper.tui.screens.run_session import RunScreen

        try:
            opened = opener()
        except SESSION_PROBLEMS as error:
            self.notify(str(error), title="Could not open the session", severity="error")
            return None
        self.opened = opened
        self.session = opened.session
        self.push_screen(RunScreen(opened))
        return opened

    # Ending ----------------------------------------------------------------------------

    def session_ended(self, opened: OpenSession) -> None:
        """After the end: the facilitator's debrief, then the summary."""
        from circlekeeper.sessions.engine.session import NoteFlagged
        from circlekeeper.tui.dialogs.debrief import DebriefDialog
        from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
        from circlekeeper.tui.screens.summary import SummaryScreen

        def debriefed(draft: DebriefDraft | None, **choice: bool) -> None:
            if draft is not None:
                try:
                    opened.session.save_debrief(
                        draft.how_it_went, draft.follow_up, draft.self_care, **choice
                    )
                except NoteFlagged as flagged:
                    # As for a note: the facilitator edits, redacts or keeps it.
                    def chosen(answer: str | None) -> None:
                        if answer in ("redact", "keep"):
                            debriefed(draft, **{answer: True})
                        else:
                            self.push_screen(DebriefDialog(draft), debriefed)

                    self.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
                    return
                except SESSION_PROBLEMS as error:
                    self.notify(sentence(error), severity="error")
            self._close_open()
            self.switch_screen(SummaryScreen(opened.session))

        self.push_screen(DebriefDialog(), debriefed)

    def _close_open(self) -> None:
        if self.opened is not None:
            self.opened.close()
        self.opened = None
        self.session = None

    def on_home_screen_summary_requested(self, event: HomeScreen.SummaryRequested) -> None:
        from circlekeeper.sessions.host import read_session
        from circlekeeper.tui.screens.summary import SummaryScreen

        try:
            session = read_session(self.store, event.session_id, self.clock)
        except SESSION_PROBLEMS as error:
            self.notify(str(error), title="Could not open the session", severity="error")
            return
        self.push_screen(SummaryScreen(session))

    def go_home(self) -> None:
        """Back to the home screen, closing whatever session was open."""
        self._close_open()
        # The home screen is the app's bottom screen.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.switch_screen(HomeScreen(self.library))

    # Export ------------------------------------------------------------------------------

    def export_session(self, session: Session) -> None:
        """Ask what to export and where, then write it in a worker."""
        from circlekeeper.tui.dialogs.export import ExportDialog

        def chosen(choice) -> None:
            if choice is not None:
                self._write_export(session, choice)

        folder = self.settings.folders.export_folder()
        self.push_screen(ExportDialog(session, folder=folder), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _write_export(self, session: Session, choice) -> None:
        from circlekeeper.tui.dialogs.export import write_choice

        write_choice(self, session, choice)

    # Crisis ----------------------------------------------------------------------------

    def action_crisis(self) -> None:
        """Pause any running session and show the crisis resource, large."""
        from circlekeeper.tui.screens.crisis import CrisisScreen

        if isinstance(self.screen, CrisisScreen):
            return
        session = self.session
        choice = choose_crisis_resource(
            self.org_resources, session.agenda if session is not None else None
        )
        if session is not None and not session.read_only:
            # A crisis never waits for the session's state: show the resource regardless.
            with contextlib.suppress(*SESSION_PROBLEMS):
                session.crisis(choice.resource)
        self.push_screen(CrisisScreen(choice))

    async def action_quit(self) -> None:
        """Quit; a session in progress stays on disk, ready to resume."""
        self._close_open()
        self.exit(0)

    def on_unmount(self) -> None:
        self._close_open()

    def agenda_of_open_session(self) -> Agenda | None:
        """The agenda being run, if any."""
        return self.session.agenda if self.session is not None else None
