"""The topic board's line about a vote open on the phones: how many answered, nothing more.

Usage::

    yield PhoneVoteLine(box, id="board-poll")
    ...
    line.show(box)          # the app shows it the drop-box whenever its counts move
    line.hints = False      # on a shared screen

For the facilitator it names the vote, the answers beside the people present, and the
key that closes it. On a shared screen the room reads only that its phones are asked and
how many answered: never a count per topic, which would sway the votes still to come.
"""

from __future__ import annotations

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.dropbox.poll_kinds import LEAN_COFFEE, THUMBS
from circlekeeper.sessions.dropbox.polls import OpenPoll
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.tui.widgets.poll_status import PollStatus

CLOSE_KEYS = {LEAN_COFFEE: "w", THUMBS: "y"}
"""The run screen's key that closes each kind of vote it asks."""


def room_words(kind: str, answers: int) -> str:
    """The line the room sees, such as ``Vote on your phone: 3 answered``."""
    if kind in CLOSE_KEYS:
        words = _("Vote on your phone: {count} answered (load the drop-box page again)")
    else:
        words = _("Answer on your phone: {count} answered (load the drop-box page again)")
    return words.format(count=answers)


class PhoneVoteLine(PollStatus):
    """One line about the poll open on the phones, if there is one."""

    DEFAULT_CSS = """
    PhoneVoteLine {
        color: $text-warning;
    }
    """

    def __init__(self, box: DropBox | None = None, *, id: str | None = None) -> None:
        super().__init__(box, id=id)
        self.hints = True
        """Whether the facilitator's words (the vote's name and its key) are shown."""

    def words(self, open_poll: OpenPoll) -> str:
        """The vote's words: with its close key for the facilitator, counts only for the room."""
        kind = open_poll.poll.kind
        if not self.hints:
            return room_words(kind, open_poll.answers)
        words = super().words(open_poll)
        key = CLOSE_KEYS.get(kind)
        if not key:
            return words
        closes = _("{key} closes it").format(key=key)
        return f"{words} · {closes}"

    def shared(self, sharing: bool) -> None:
        """Show the facilitator's words, or the room's."""
        self.hints = not sharing
        self.show(self._box)
