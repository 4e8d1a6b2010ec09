"""Where a closed poll's counts go: the rating check into the session's record, a topic
vote or a thumbs vote onto the Lean Coffee board.

:class:`PollFlow` takes every closed poll's :class:`~.polls.Tally`, from the drop-box
screen's :class:`~.DropBoxScreen.PollClosed` or from the session host when the drop-box
is let go with a poll still open. A rating check is saved to the session (before it is
shown) as the answers and each item's mean the reports read. A Lean Coffee vote or a
thumbs vote is counted onto the board as the run screen's own keys count it, and the run
screen beneath is shown the board at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.text import sentence

if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox.polls import Tally
    from circlekeeper.sessions.host import SessionHost


class PollFlow:
    """Closed polls, for the app.

    Args:
        app: The app that tells the facilitator what was saved.
        host: The owner of the open session.
    """

    def __init__(self, app: App[Any], host: SessionHost) -> None:
        self.app = app
        self.host = host

    def closed(self, tally: Tally) -> None:
        """Take a closed poll's counts: a rating check is saved to the session."""
        from circlekeeper.sessions.dropbox.poll_kinds import RATING

        if tally.poll.kind == RATING:
            self.save_rating(tally)
        else:
            self.count_topic_vote(tally)

    def count_topic_vote(self, tally: Tally) -> None:
        """Count a Lean Coffee vote or a thumbs vote onto the board, then say so."""
        from circlekeeper.tui.screens.phone_vote_flow import TOPIC_VOTES, count_tally
        from circlekeeper.tui.screens.run_session import RunScreen

        session = self.host.session
        if tally.poll.kind not in TOPIC_VOTES or session is None:
            return
        counted = count_tally(session, tally)
        self.app.notify(f"{counted.words} ({counted.hint})" if counted.hint else counted.words)
        for screen in self.app.screen_stack:
            if isinstance(screen, RunScreen):
                screen.refresh_status()

    def save_rating(self, tally: Tally) -> None:
        """Save a rating check's counts as the session's rating, then say what was saved."""
        from circlekeeper.sessions.dropbox.poll_kinds import rating_of
        from circlekeeper.sessions.dropbox.polls import PollError
        from circlekeeper.tui.widgets.poll_status import rating_line

        session = self.host.session
        if session is None:
            self.app.notify(_("The rating check closed with no session open: nothing was saved."))
            return
        try:
            answers, means = rating_of(tally)
            saved = session.record_rating(answers, means)
        except PollError:
            self.app.notify(_("Nobody answered the rating check, so nothing was saved."))
            return
        except SESSION_PROBLEMS as error:
            self.app.notify(sentence(error), title=_("The rating was not saved"), severity="error")
            return
        self.app.notify(rating_line(saved), title=_("Rating check saved"))
