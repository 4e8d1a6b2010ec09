"""The facilitator's moves on a Lean Coffee part's topic board.

A :class:`TopicKeeper` checks each move (add a topic, bring in the approved topic cards,
set the votes, take the next topic, record a thumbs vote) against the session's state,
refuses it with a plain :class:`~circlekeeper.sessions.errors.SessionError` when it is not
possible now, and otherwise writes it as one ``topic`` event through the session's
:class:`~.recorder.Recorder` before returning, so the board survives a resume. The board
itself is :class:`~circlekeeper.sessions.structures.lean_coffee.TopicBoard`, replayed
with the rest of the session's state.

When the group leaves a Lean Coffee part (or the session ends), :meth:`park_unreached`
puts the topics not reached in the parking lot, where the group's carry-forward finds
them; a topic card the group did discuss leaves the parking lot for the session's themes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from circlekeeper.sessions.engine.events import EventType
from circlekeeper.sessions.engine.note_model import NoteKind, NoteSource
from circlekeeper.sessions.engine.notebook import NoteBook, clean_text, guard
from circlekeeper.sessions.engine.recorder import Recorder
from circlekeeper.sessions.engine.timekeeper import MAX_ATTENDANCE
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.structures.lean_coffee import (
    Thumbs,
    Topic,
    TopicBoard,
    lean_boxes,
    read_tally,
)

MAX_TOPIC_CHARS = 200
"""A topic is a few words; a longer text is a note, not a topic."""

# The refusal for each move on a part that has no board, each a whole sentence.
_NO_BOARD = {
    "add": N_("{title} is not a Lean Coffee, so it has no topics to add"),
    "bring in": N_("{title} is not a Lean Coffee, so it has no topics to bring in"),
    "vote on": N_("{title} is not a Lean Coffee, so it has no topics to vote on"),
    "take": N_("{title} is not a Lean Coffee, so it has no topics to take"),
}


@dataclass(frozen=True)
class NoteStamp:
    """Where a note written by the board is taken: its part, time and session time."""

    part: int
    """The part's index."""
    elapsed: float
    """The session's running seconds."""


class TopicKeeper:
    """The moves on the current part's topic board.

    Args:
        recorder: writes each move and holds the state the board is replayed into.
        notebook: the session's notes, where unreached topics are parked.
        stamp: where a note written now is taken (the session's status, read when asked).
    """

    def __init__(
        self, recorder: Recorder, notebook: NoteBook, stamp: Callable[[], NoteStamp]
    ) -> None:
        self._recorder = recorder
        self._notebook = notebook
        self._stamp = stamp

    def board(self, part: int | None = None) -> TopicBoard | None:
        """The board of ``part`` (by default the current part); ``None`` for a part that is
        not a Lean Coffee, an empty board for one without topics yet."""
        progress = self._recorder.progress
        index = progress.part if part is None else part
        boxes = lean_boxes(progress.agenda.parts[index].structure)
        if not boxes:
            return None
        return progress.boards.get(index) or TopicBoard(boxes)

    def _require_board(self, doing: str) -> TopicBoard:
        self._recorder.require_writable()
        self._recorder.require_open(doing)
        board = self.board()
        if board is None:
            title = self._recorder.progress.agenda.parts[self._recorder.progress.part].title
            message = _(_NO_BOARD.get(doing, _NO_BOARD["add"]))
            raise SessionError(message.format(title=repr(title)))
        return board

    # Gathering and voting -----------------------------------------------------------

    def add(self, words: str, *, keep: bool = False, redact: bool = False) -> Topic:
        """Put a topic the facilitator typed on the board, after the personal-data guard.

        Raises:
            NoteFlagged: personal data was found; nothing was saved.
            SessionError: the words are empty or too long, or this is no Lean Coffee.
        """
        self._require_board(N_("add"))
        words = clean_text(" ".join(words.split()), "topic")
        if len(words) > MAX_TOPIC_CHARS:
            message = _("a topic is a few words; keep it under {most} characters")
            raise SessionError(message.format(most=MAX_TOPIC_CHARS))
        words, kept = guard(words, self._notebook.watch_list, keep=keep, redact=redact)
        return self._add(words, "facilitator", "", kept)

    def from_cards(self) -> list[Topic]:
        """Put on the board every approved topic card (a parking-lot note from the drop-box)
        not there yet; returns the topics added."""
        board = self._require_board(N_("bring in"))
        on_board = {t.note_id for t in board.topics}
        cards = [
            note
            for note in self._notebook.list()
            if note.kind is NoteKind.PARKED
            and note.source is NoteSource.DROP_BOX
            and note.id not in on_board
        ]
        return [self._add(n.text, "drop-box", n.id, n.kept) for n in cards]

    def _add(self, words: str, source: str, note_id: str, kept: tuple[str, ...]) -> Topic:
        topic_id = str(len(self._current_board().topics) + 1)
        # ``kept`` only when the facilitator kept something, so other topics read as before.
        extra: dict[str, Any] = {"kept": list(kept)} if kept else {}
        self._recorder.append(
            EventType.TOPIC, action="add", id=topic_id, words=words, source=source,
            note_id=note_id, **extra,
        )  # fmt: skip
        return self._current_board().find(topic_id)

    def _current_board(self) -> TopicBoard:
        board = self.board()
        assert board is not None
        return board

    def set_votes(self, tally: Mapping[str, int]) -> None:
        """Set the votes of the topics in ``tally`` (``{topic id: count}``), typed in or
        counted on the phones; topics it leaves out keep theirs.

        Raises:
            SessionError: a topic the board does not hold, or a count out of range.
        """
        board = self._require_board(N_("vote on"))
        try:
            checked = read_tally(tally, board)
        except ValueError as error:
            raise SessionError(str(error)) from None
        if checked:
            self._recorder.append(EventType.TOPIC, action="votes", tally=checked)

    # Taking topics ------------------------------------------------------------------

    def take_next(self) -> Topic | None:
        """Move on to the waiting topic with the most votes; ``None`` when the board has
        none left (the topic under way, if any, is then finished).

        Raises:
            SessionError: the session has not started, or the board is empty.
        """
        board = self._require_board(N_("take"))
        self._recorder.require_started(N_("take a topic"))
        waiting = board.waiting()
        if not waiting:
            if board.current is None:
                raise SessionError(_("no topic is waiting on the board; add one first"))
            self._recorder.append(EventType.TOPIC, action="finish")
            return None
        self._recorder.append(EventType.TOPIC, action="take", id=waiting[0].id)
        return self._current_board().current

    def thumbs(self, up: int, sideways: int, down: int) -> int:
        """Record a thumbs vote on the topic under way; returns the minutes it grants
        (0: the group moves on).

        Raises:
            SessionError: no topic is under way, it is already closed, or the counts are
                not whole numbers with at least one hand.
        """
        board = self._require_board(N_("vote on"))
        self._recorder.require_started(N_("take a thumbs vote"))
        counts = (up, sideways, down)
        if any(isinstance(c, bool) or not isinstance(c, int) or c < 0 for c in counts):
            raise SessionError(_("thumbs are counts of hands: whole numbers, 0 or more"))
        if not 0 < sum(counts) <= MAX_ATTENDANCE:
            message = _("count at least one hand, and at most {most}")
            raise SessionError(message.format(most=MAX_ATTENDANCE))
        topic = board.current
        if topic is None:
            raise SessionError(_("no topic is under way; take the next topic first"))
        if topic.done:
            message = _("the group has moved on from this topic; take the next one")
            raise SessionError(message)
        vote = Thumbs(up, sideways, down)
        minutes = board.next_extension(vote)
        self._recorder.append(
            EventType.TOPIC, action="thumbs", up=up, sideways=sideways, down=down, minutes=minutes
        )
        return minutes

    # Leaving the part ---------------------------------------------------------------

    def park_unreached(self) -> None:
        """Put the current part's topics not reached in the parking lot, and take the
        topic cards that were discussed out of it (called as the group leaves the part)."""
        progress = self._recorder.progress
        board = progress.boards.get(progress.part)
        if board is None or self._recorder.read_only:
            return
        parked = {n.text for n in self._notebook.list() if n.kind is NoteKind.PARKED}
        stamp = self._stamp()
        waiting = board.waiting()
        for topic in waiting:
            # A card is in the parking lot already; a typed topic may be too, after a
            # move that was refused once the notes were written.
            if not topic.note_id and topic.words not in parked:
                self._notebook.add(
                    topic.words, NoteKind.PARKED, part=stamp.part, at=self._recorder.clock.now(),
                    elapsed=stamp.elapsed, facilitator_only=False,
                    source=NoteSource.FACILITATOR, keep=True, redact=False,
                )  # fmt: skip
        for topic in board.topics:
            if topic.taken and topic.note_id:
                try:
                    note = self._notebook.get(topic.note_id)
                except SessionError:
                    continue  # the facilitator deleted the card's note
                if note.kind is NoteKind.PARKED:
                    self._notebook.edit(
                        note.id, at=self._recorder.clock.now(), text=None,
                        kind=NoteKind.THEME, facilitator_only=None, keep=False, redact=False,
                    )  # fmt: skip
        if waiting:
            self._recorder.append(EventType.TOPIC, action="park", ids=[t.id for t in waiting])
