"""A Lean Coffee part's topic board: the topic under way with its countdown, the topics waiting.

Shown while the current part is a Lean Coffee; hidden otherwise. For the facilitator it
gives each waiting topic's votes, the extensions granted, how many topics still fit and
when the part is now expected to end, with the keys that move the board on. On a shared
screen the room sees the topic under way and the topics waiting, in bold, and nothing
else: no counts and no keys.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Digits

from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.sessions.structures.topic_status import BoardStatus, TopicLine
from circlekeeper.tui.text import clipped
from circlekeeper.tui.widgets.block_digits import BlockDigits
from circlekeeper.tui.widgets.clock_text import mmss, time_of_day
from circlekeeper.tui.widgets.phone_vote_line import PhoneVoteLine
from circlekeeper.tui.widgets.ticking_text import TickingText

if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox

SHOWN_WAITING = 5
"""Waiting topics listed by name; the rest are counted."""


def current_words(board: BoardStatus, *, hints: bool) -> str:
    """The topic under way with its time, or what to do when there is none."""
    if board.current is None:
        if not board.number and not board.waiting:
            return _("Gathering topics (press a to add one)") if hints else _("Gathering topics")
        if not board.waiting:
            return _("No topics left on the board")
        return _("Next topic (press t)") if hints else _("Next topic")
    if board.overrun > 0:
        time = _("over by {time}").format(time=mmss(board.overrun))
    else:
        time = _("{time} left").format(time=mmss(board.left))
    topic = _("Topic {number}: {words}").format(
        number=board.number, words=clipped(board.current.words)
    )
    return f"{topic} · {time}"


def extension_words(board: BoardStatus, *, hints: bool) -> str:
    """The box and extensions of the topic under way, and what the thumbs vote does next."""
    if board.current is None:
        return ""
    granted = "".join(f" +{m}" for m in board.extensions)
    words = _("Box {minutes} min").format(minutes=board.box) + granted
    if board.closed:
        moves = _("the group moves on (press t)") if hints else _("the group moves on")
        return f"{words} · {moves}"
    if hints and board.left == 0:
        words += " · " + _("time for a thumbs vote (press h, or y for the phones)")
    return words


def waiting_words(board: BoardStatus, now: datetime, *, hints: bool) -> str:
    """The topics still to take in vote order (with votes for the facilitator)."""
    if not board.waiting:
        return ""
    lines = [
        f"{i}. {clipped(t.words)}" + (f" ({_votes(t)})" if hints else "")
        for i, t in enumerate(board.waiting[:SHOWN_WAITING], start=1)
    ]
    if len(board.waiting) > SHOWN_WAITING:
        more = len(board.waiting) - SHOWN_WAITING
        lines.append(_("… and {count} more").format(count=more))
    if hints:
        end = time_of_day(now + timedelta(seconds=board.still_to_do))
        fit = _("{count} of {waiting} fit · part ends about {end}")
        lines.append(fit.format(count=board.fitting, waiting=len(board.waiting), end=end))
    return "\n".join(lines)


def _votes(topic: TopicLine) -> str:
    return ngettext("{count} vote", "{count} votes", topic.votes).format(count=topic.votes)


class TopicBoardPanel(Vertical):
    """Shown while the current part is a Lean Coffee; hidden otherwise."""

    DEFAULT_CSS = """
    TopicBoardPanel {
        height: auto;
        max-height: 14;
        padding: 0 1;
        border: round $text-accent;
        border-title-color: $foreground;
    }
    TopicBoardPanel #board-row {
        height: auto;
    }
    TopicBoardPanel #board-digits {
        width: auto;
        margin-right: 2;
    }
    TopicBoardPanel #board-words {
        height: auto;
        width: 1fr;
    }
    TopicBoardPanel #board-current {
        text-style: bold;
        color: $text-accent;
    }
    TopicBoardPanel #board-extensions {
        color: $text-muted;
    }
    TopicBoardPanel #board-waiting {
        height: auto;
        text-style: bold;
    }
    TopicBoardPanel.-empty, TopicBoardPanel .-empty {
        display: none;
    }
    TopicBoardPanel.-topic-over {
        border: heavy $error;
    }
    """

    board: reactive[BoardStatus | None] = reactive(None, always_update=True, repaint=False)
    """The board's latest snapshot; ``None`` when the part is no Lean Coffee (hidden)."""
    hints: reactive[bool] = reactive(True, init=False)
    """Whether the facilitator's counts and keys are shown (never on a shared screen)."""

    def __init__(self, dropbox: DropBox | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._dropbox = dropbox
        self.now = datetime.now().astimezone()
        """The moment the snapshot was read (set with it), for the part's expected end."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="board-row"):
            yield BlockDigits("0:00", id="board-digits")
            with Vertical(id="board-words"):
                yield TickingText(id="board-current")
                yield TickingText(id="board-extensions")
        yield TickingText(id="board-waiting")
        yield PhoneVoteLine(self._dropbox, id="board-poll")

    def show(self, board: BoardStatus | None, now: datetime) -> None:
        """Show ``board`` as read at ``now``."""
        self.now = now
        self.board = board

    def watch_hints(self, hints: bool) -> None:
        self.query_one(PhoneVoteLine).shared(not hints)
        self.watch_board(self.board)

    def watch_board(self, board: BoardStatus | None) -> None:
        self.set_class(board is None, "-empty")
        if board is None:
            return
        over = board.overrun > 0
        digits = self.query_one(Digits)
        digits.set_class(board.current is None, "-empty")
        digits.update(("+" if over else "") + mmss(board.overrun or board.left))
        hints = self.hints
        waiting = waiting_words(board, self.now, hints=hints)
        if hints:
            header = _("Waiting, by votes (o types them, w asks the phones):") + "\n"
        else:
            header = _("Topics to come:") + "\n"
        for name, words in (
            ("current", current_words(board, hints=hints)),
            ("extensions", extension_words(board, hints=hints)),
            ("waiting", header + waiting if waiting else ""),
        ):
            line = self.query_one(f"#board-{name}", TickingText)
            line.show(words)
            line.set_class(not words, "-empty")
        self.set_class(over, "-topic-over")
        if self.border_title != "Lean Coffee":  # setting it redraws the whole frame
            self.border_title = "Lean Coffee"
