"""What the crisis key sets going: the crisis screen, then the facilitator's follow-through.

The crisis screen goes over whatever is open, a dialog included, so what was being typed
stays there and closing the crisis screen comes back to it. After it comes the short
follow-through record: into the open session's record, or, from the home screen, into
the data folder's own list. While the screen is shared it waits until the facilitator
view is back, since it is facilitator-only. Closing it unanswered never skips it: a
record "not recorded" is kept, its follow-up due tomorrow, so the home screen reminds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.text import sentence
from circlekeeper.tui.view import is_shared

if TYPE_CHECKING:
    from circlekeeper.sessions.engine.session import Session
    from circlekeeper.sessions.host import SessionHost
    from circlekeeper.sessions.storage.index import SessionSummary
    from circlekeeper.tui.dialogs.follow_through import FollowThroughDraft


class CrisisFlow:
    """The crisis key's screens.

    Args:
        app: The app whose screens change.
        host: The owner of the open session, its crisis resource and its clock.
    """

    def __init__(self, app: App[Any], host: SessionHost) -> None:
        self.app = app
        self.host = host
        self._waiting: Session | None = None
        """A session whose follow-through waits for the facilitator view."""
        self._home_waiting = False
        """A follow-through from the home screen waits for the facilitator view."""

    def crisis(self) -> None:
        """Pause any running session and show the crisis resource, large."""
        from circlekeeper.sessions.engine.crisis import choose_crisis_resource
        from circlekeeper.sessions.engine.events import SessionState
        from circlekeeper.tui.screens.crisis import CrisisScreen

        if isinstance(self.app.screen, CrisisScreen):
            return
        host = self.host
        session = host.session
        choice = choose_crisis_resource(host.org_resources, host.agenda)
        paused = False
        writable = session is not None and not session.read_only
        if session is not None and writable:
            running = session.state is SessionState.RUNNING
            # A crisis never waits for the session's state: show the resource regardless.
            with contextlib.suppress(*SESSION_PROBLEMS):
                session.crisis(choice.resource)
            paused = running and session.state is SessionState.PAUSED

        def closed(_: None = None) -> None:
            if session is None:
                self.follow_through(None)
            elif writable and session is host.session:
                self.follow_through(session)

        self.app.push_screen(CrisisScreen(choice, paused=paused), closed)

    def follow_through(self, session: Session | None) -> None:
        """Ask for the follow-through (of ``session``, or with none open, of the home
        screen's crisis), now or, while the screen is shared, once it is not."""
        if is_shared(self.app):
            self._waiting = session
            self._home_waiting = session is None
            return
        self._waiting = None
        self._ask(session)

    def facilitator_view_back(self) -> None:
        """Ask for a follow-through that waited while the screen was shared."""
        session, self._waiting = self._waiting, None
        home, self._home_waiting = self._home_waiting, False
        if session is not None and session is self.host.session:
            self._ask(session)
        elif home:
            self._ask(None)

    def follow_up_done(self, summary: SessionSummary | None, home: Screen[Any]) -> None:
        """Ask, then mark the crisis follow-up of ``summary``'s session done (with no
        session, the follow-ups of crises from the home screen)."""
        from circlekeeper.tui.dialogs.confirm import ConfirmDialog
        from circlekeeper.tui.screens.home import HomeScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                if summary is None:
                    self.host.home_follow_throughs.follow_up_done()
                else:
                    self.host.follow_up_done(summary.id)
            except SESSION_PROBLEMS as error:
                self.app.notify(sentence(error), severity="error")
                return
            self.app.notify(_("Follow-up marked done. Thank you for following through."))
            if isinstance(home, HomeScreen):
                home.reload()

        if summary is None:
            due = self.host.home_follow_throughs.open_due()
            question = _("Have you followed up after the crisis (due {due})?").format(due=due)
        else:
            title = summary.title or summary.template
            question = _("Have you followed up after the crisis in “{title}” (due {due})?").format(
                title=title, due=summary.follow_up_due
            )
        self.app.push_screen(ConfirmDialog(question, yes=_("Done"), no=_("Not yet")), answered)

    def _saver(self, session: Session | None) -> Callable[..., object]:
        """Where a follow-through goes: the session's record, or the home screen's list."""
        if session is not None:
            return session.save_follow_through
        home = self.host.home_follow_throughs

        def save_at_home(*args: Any, **kwargs: Any) -> object:
            return home.add(*args, **kwargs)

        return save_at_home

    def _ask(self, session: Session | None, draft: FollowThroughDraft | None = None) -> None:
        from circlekeeper.sessions.engine.follow_through import UNRECORDED
        from circlekeeper.sessions.engine.session import NoteFlagged
        from circlekeeper.tui.dialogs.follow_through import FollowThroughDialog
        from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt

        store = self._saver(session)
        today = self.host.clock.now().date()

        def save(draft: FollowThroughDraft | None, **choice: bool) -> None:
            if draft is None:
                # Put off, never skipped: it stays due, and the home screen says so.
                try:
                    store(UNRECORDED, (), today + timedelta(days=1), debrief=False)
                except SESSION_PROBLEMS as error:
                    self.app.notify(sentence(error), severity="error")
                    return
                self.app.notify(_("Follow-through not filled in: it stays due for tomorrow."))
                return
            try:
                store(
                    draft.place, draft.steps, draft.due, debrief=draft.debrief,
                    words=draft.words, **choice,
                )  # fmt: skip
            except NoteFlagged as flagged:
                # As for a note: the facilitator edits, redacts or keeps it.
                def chosen(answer: str | None) -> None:
                    if answer in ("redact", "keep"):
                        save(draft, **{answer: True})
                    else:
                        self._ask(session, draft)

                self.app.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
                return
            except SESSION_PROBLEMS as error:
                self.app.notify(sentence(error), severity="error")
                return
            self.app.notify(
                _("Follow-through saved: follow up by {day}.").format(day=draft.due.isoformat())
            )

        self.app.push_screen(FollowThroughDialog(today, draft), save)
