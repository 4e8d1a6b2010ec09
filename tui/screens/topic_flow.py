"""The run screen's Lean Coffee board: adding topics, typing votes, moving on, thumbs votes.

:class:`TopicFlow` belongs to one run screen. It opens the board's forms and hands what
was typed to the session, which writes each change before the screen shows it; a topic
passes the personal-data check (edit, redact or keep) as a note does. The drop-box's
approved topic cards join the board whenever topics are added or votes typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from circlekeeper.sessions.engine.session import NoteFlagged, Session
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
from circlekeeper.tui.dialogs.topic_forms import ThumbsDialog, TopicDialog, VotesDialog
from circlekeeper.tui.text import clipped, sentence
from circlekeeper.tui.widgets.banner import Banner

Act = Callable[..., bool]
"""The screen's way to call the engine: a refusal becomes a message; True when done."""


class TopicFlow:
    """The moves on the current part's topic board.

    Args:
        session: The session the board belongs to.
        banner: Where the run screen says what happened.
        act: The screen's way to call the engine and show the result.
    """

    def __init__(self, session: Session, banner: Banner, act: Act) -> None:
        self.session = session
        self.banner = banner
        self.act = act

    def _open(self, dialog: Any, done: Callable[[Any], object]) -> None:
        def closed(result: Any) -> None:
            if result is not None:
                done(result)

        self.banner.app.push_screen(dialog, closed)

    def _cards_in(self) -> bool:
        """Bring the approved topic cards onto the board; False when this is no Lean Coffee."""
        try:
            added = self.session.topics.from_cards()
        except SESSION_PROBLEMS as error:
            self.banner.say(sentence(error))
            return False
        if added:
            joined = ngettext(
                "{count} topic card joined the board.",
                "{count} topic cards joined the board.",
                len(added),
            )
            self.banner.say(joined.format(count=len(added)))
        return True

    def add(self) -> None:
        """Ask for a topic and put it on the board."""
        if self._cards_in():
            self._open(TopicDialog(), self._save)

    def _save(self, words: str, answer: str = "") -> None:
        try:
            topic = self.session.topics.add(words, keep=answer == "keep", redact=answer == "redact")
        except NoteFlagged as flagged:

            def chosen(answer: str | None) -> None:
                if answer in ("keep", "redact"):
                    self._save(words, answer)

            self.banner.app.push_screen(PrivacyPrompt(flagged.text, flagged.findings), chosen)
            return
        except SESSION_PROBLEMS as error:
            self.banner.say(sentence(error))
            return
        self.act(lambda: None)
        self.banner.say(
            _("Topic {id} is on the board: {words}").format(
                id=topic.id, words=clipped(topic.words, 50)
            )
        )

    def votes(self) -> None:
        """Ask for each waiting topic's votes."""
        if not self._cards_in():
            return
        board = self.session.status().board
        if board is None or not board.waiting:
            self.banner.say(_("No topic is waiting for votes; press a to add one."))
            return
        self._open(
            VotesDialog(board.waiting), lambda tally: self.act(self.session.topics.set_votes, tally)
        )

    def take_next(self) -> None:
        """Move on to the waiting topic with the most votes."""
        taken: list[Any] = []
        if self.act(lambda: taken.append(self.session.topics.take_next())):
            topic = taken[0]
            if topic is None:
                said = _("That was the last topic on the board.")
            else:
                said = _("Topic: {words}").format(words=clipped(topic.words, 60))
            self.banner.say(said, private=False)

    def thumbs(self) -> None:
        """Ask for a thumbs vote on the topic under way, and say what it decided."""
        board = self.session.status().board
        if board is None or board.current is None:
            self.banner.say(
                _("This part is not a Lean Coffee.") if board is None
                else _("No topic is under way."), hint=_("t takes the next topic"),
            )  # fmt: skip
            return
        granted: list[int] = []

        def counted(counts: tuple[int, int, int]) -> None:
            if self.act(lambda: granted.append(self.session.topics.thumbs(*counts))):
                minutes = granted[0]
                if minutes:
                    said = _("The group goes on: +{minutes} min.").format(minutes=minutes)
                else:
                    said = _("The group moves on.")
                hint = "" if minutes else _("t takes the next topic")
                self.banner.say(said, private=False, hint=hint)

        self._open(ThumbsDialog(board.current), counted)
