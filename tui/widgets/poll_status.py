"""The open poll's line on the drop-box screen: what the phones are asked, how many answered.

Usage::

    yield PollStatus(box, id="dropbox-poll")
    ...
    status.show(box)        # whenever the drop-box opens, closes or its counts move

Only the number of answers is shown, beside the number present; never an answer, and
the counts per option only once the poll is closed. Hidden while no poll is open.
"""

from __future__ import annotations

from textual.widgets import Static

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.dropbox.polls import OpenPoll
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.reports.disclosure import DEFAULT_K
from circlekeeper.sessions.reports.figures import RATING_ITEMS, RATING_WORDS


def poll_words(title: str, answers: int, present: int) -> str:
    """The line, such as ``Poll on the phones: Thumbs vote · 3 of 8 answered``."""
    return _("Poll on the phones: {title} · {count} of {present} answered").format(
        title=title, count=answers, present=present
    )


class PollStatus(Static):
    """One line about the poll open on the phones, if there is one."""

    DEFAULT_CSS = """
    PollStatus {
        height: auto;
        color: $text-accent;
        text-style: bold;
        &.-none { display: none; }
    }
    """

    def __init__(self, box: DropBox | None = None, *, id: str | None = None) -> None:
        """Show ``box``'s open poll, if any.

        Args:
            box: The drop-box whose poll to show.
            id: The widget's id in the DOM.
        """
        super().__init__("", id=id, markup=False)
        self._box = box

    def on_mount(self) -> None:
        self.show(self._box)

    def show(self, box: DropBox | None) -> None:
        """Show ``box``'s poll now (``None``, or no poll open: the line hides)."""
        self._box = box
        open_poll = None if box is None else box.poll
        self.set_class(open_poll is None, "-none")
        self.update("" if open_poll is None else self.words(open_poll))

    def words(self, open_poll: OpenPoll) -> str:
        """What the line says of ``open_poll``: its title and how many have answered."""
        return poll_words(open_poll.poll.title, open_poll.answers, open_poll.limit)


def rating_line(rating: tuple[int, tuple[float, ...]] | None, k: int = DEFAULT_K) -> str:
    """The rating check in one line, its means shown only once ``k`` people answered.

    The screen may be shared with the group, so the check follows the reports' rule: fewer
    than ``k`` answers show as "<k" and the means stay in the record.
    """
    if rating is None:
        return _("The rating check was not taken.")
    answers, means = rating
    if answers < k:
        return _("Rating check: <{k} answers, so its means are kept for the record only.").format(
            k=k
        )
    items = " · ".join(
        f"{_(RATING_WORDS[item]).lower()} {mean:.1f}"
        for item, mean in zip(RATING_ITEMS, means, strict=True)
    )
    return _("Rating check, {count} answers (0-10): {items}").format(count=answers, items=items)
