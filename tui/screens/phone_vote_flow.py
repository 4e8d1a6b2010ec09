"""The Lean Coffee board's votes on the phones: asked from the run screen, counted onto the board.

:class:`PhoneVoteFlow` belongs to one run screen. ``w`` asks the phones to vote on the
topics waiting (2 picks each) and, pressed again, closes the vote and sets the board's
votes from its counts; ``y`` does the same for the thumbs vote on the topic under way.
The counts are written before the board shows them. Without an open drop-box the phones
cannot be asked: the screen says so and points to the typed counts (``o`` and ``h``).

:func:`count_tally` is also how the app counts a vote closed from the drop-box's own
screen, or left open when the drop-box is let go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from circlekeeper.sessions.dropbox.poll_kinds import LEAN_COFFEE, THUMBS
from circlekeeper.sessions.dropbox.polls import PollError, Tally
from circlekeeper.sessions.dropbox.topic_polls import (
    count_thumbs,
    count_topic_votes,
    thumbs_vote,
    topic_vote,
)
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.tui.screens.topic_flow import Act
from circlekeeper.tui.text import sentence
from circlekeeper.tui.widgets.banner import Banner

if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox

TOPIC_VOTES = frozenset({LEAN_COFFEE, THUMBS})
"""The kinds of poll a topic board asks and counts."""

VOTE_PROBLEMS: tuple[type[Exception], ...] = (PollError, *SESSION_PROBLEMS)
"""What asking or counting a vote may refuse with, each said as a sentence."""


@dataclass(frozen=True)
class Counted:
    """What to tell once a vote was counted (or why it was not)."""

    words: str
    """The sentence."""
    public: bool = False
    """Whether the room may read it too."""
    hint: str = ""
    """The facilitator's detail after it, never shown on a shared screen."""


def count_tally(session: Session, tally: Tally) -> Counted:
    """Count a closed topic vote or thumbs vote onto the board (written before it returns)."""
    try:
        if tally.poll.kind == THUMBS:
            thumbs = count_thumbs(session.topics, tally)
            up, sideways, down = thumbs.counts
            minutes = thumbs.minutes
            if minutes:
                words = _("The group goes on: +{minutes} min.").format(minutes=minutes)
            else:
                words = _("The group moves on.")
            hint = _("phones: {up} up, {sideways} sideways, {down} down")
            return Counted(
                words, public=True, hint=hint.format(up=up, sideways=sideways, down=down)
            )
        counted = count_topic_votes(session.topics, tally)
    except VOTE_PROBLEMS as error:
        return Counted(sentence(error) + ".")
    words = ngettext(
        "Votes from {count} phone are on the board, in vote order.",
        "Votes from {count} phones are on the board, in vote order.",
        counted.answers,
    ).format(count=counted.answers)
    gone = counted.unmatched
    if gone:
        left = ngettext(
            "{count} topic voted on had left the board.",
            "{count} topics voted on had left the board.",
            gone,
        )
        words += " " + left.format(count=gone)
    return Counted(words)


class PhoneVoteFlow:
    """The phone votes of the current part's topic board.

    Args:
        session: The session the board belongs to.
        box: The session's drop-box, if it has one.
        banner: Where the run screen says what happened.
        act: The screen's way to call the engine and show the result.
    """

    def __init__(self, session: Session, box: DropBox | None, banner: Banner, act: Act) -> None:
        self.session = session
        self.box = box
        self.banner = banner
        self.act = act

    def votes(self) -> None:
        """Ask the phones to vote on the waiting topics, or close the vote and count it."""
        box = self._open_box(
            _("The drop-box is not open, so the phones cannot vote on the topics."),
            _("d opens it · o types the votes"),
        )
        if box is None or self._closed(box, LEAN_COFFEE):
            return
        try:
            # Approved topic cards join the board first, so the phones can vote on them.
            self.session.topics.from_cards()
            board = self.session.topics.board()
            assert board is not None  # from_cards refuses a part that is no Lean Coffee
            box.open_poll(topic_vote(board))
        except VOTE_PROBLEMS as error:
            self.act(lambda: None)
            hint = _("a adds a topic") if isinstance(error, PollError) else ""
            self.banner.say(sentence(error) + ".", hint=hint)
            return
        self.act(lambda: None)
        self.banner.say(_("The phones can vote now, 2 topics each."), hint=_("w closes the vote"))

    def thumbs(self) -> None:
        """Ask the phones for a thumbs vote on the topic under way, or close and count it."""
        box = self._open_box(
            _("The drop-box is not open, so the phones cannot give a thumbs vote."),
            _("d opens it · h types the thumbs"),
        )
        if box is None or self._closed(box, THUMBS):
            return
        try:
            board = self.session.topics.board()
            if board is None:
                raise PollError(_("this part is not a Lean Coffee"))
            box.open_poll(thumbs_vote(board))
        except VOTE_PROBLEMS as error:
            self.banner.say(sentence(error) + ".")
            return
        self.banner.say(_("The phones can give their thumbs now."), hint=_("y closes the vote"))

    def _open_box(self, why_not: str, hint: str) -> DropBox | None:
        """The open drop-box, or ``None`` having said ``why_not`` the phones cannot be asked."""
        if self.box is None or not self.box.is_open:
            self.banner.say(why_not, hint=hint)
            return None
        return self.box

    def _closed(self, box: DropBox, kind: str) -> bool:
        """Close and count the open poll of ``kind``; True when a poll was open (of any kind)."""
        open_poll = box.poll
        if open_poll is None:
            return False
        if open_poll.poll.kind != kind:
            self.banner.say(
                _("The phones are answering “{poll}”: close that poll first.").format(
                    poll=open_poll.poll.title
                )
            )
            return True
        tally = box.close_poll()
        assert tally is not None
        said: list[Counted] = []
        self.act(lambda: said.append(count_tally(self.session, tally)))
        self.banner.say(said[0].words, private=not said[0].public, hint=said[0].hint)
        return True
