"""A snapshot of a Lean Coffee board as the screen shows it, and its topics for the record.

:func:`board_status` reads a :class:`~.lean_coffee.TopicBoard` at a moment of the part's
running time: the topic under way with its countdown and extensions, the topics waiting
in the order they will be taken, how many of them still fit, and when the part is now
expected to end. :func:`topic_records` gives every topic for the record, planned against
actual.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlekeeper.sessions.structures.lean_coffee import TopicBoard
from circlekeeper.sessions.structures.progress import StepProgress, StepRecord


@dataclass(frozen=True)
class TopicLine:
    """One topic, as shown or recorded."""

    id: str
    """Its number on the board."""
    words: str
    """The topic."""
    votes: int
    """Its count of votes."""
    source: str
    """``facilitator`` or ``drop-box``."""


@dataclass(frozen=True)
class BoardStatus:
    """A Lean Coffee part's board at one moment."""

    current: TopicLine | None
    """The topic under way."""
    number: int
    """How many topics have been taken up, the current one included."""
    planned: int
    """The current topic's seconds: its box and every extension."""
    left: float
    """Seconds left of them (0 once over)."""
    overrun: float
    """Seconds the current topic has run past them."""
    extensions: tuple[int, ...]
    """Minutes granted to the current topic, in order."""
    closed: bool
    """A thumbs vote said to move on from the current topic."""
    waiting: tuple[TopicLine, ...]
    """Topics still to take, in vote order."""
    fitting: int
    """How many of them still fit in the part, at a box each."""
    still_to_do: float
    """Seconds the part still needs: what is left of it, or of the current topic when that
    runs past the part's end."""
    box: int
    """A topic's first box in minutes."""


@dataclass(frozen=True)
class TopicRecord:
    """One topic of a Lean Coffee part, for the record."""

    line: TopicLine
    """The topic and its votes."""
    planned_seconds: int
    """Its box and extensions (0 when it was not reached)."""
    actual_seconds: float
    """Running seconds spent on it."""
    extensions: tuple[int, ...]
    """Minutes granted by the thumbs votes."""
    thumbs: tuple[tuple[int, int, int], ...]
    """Each thumbs vote: up, sideways and down."""
    reached: bool
    """The group took it up."""
    parked: bool
    """Put in the parking lot."""
    kept: tuple[str, ...] = ()
    """Kinds of personal data the facilitator chose to keep in its words."""
    note_id: str = ""
    """The note a topic card became, for a card's topic."""


def _line(board: TopicBoard, topic_id: str) -> TopicLine:
    topic = board.find(topic_id)
    return TopicLine(topic.id, topic.words, topic.votes, topic.source)


def board_status(board: TopicBoard, part_ms: int, part_left: float) -> BoardStatus:
    """``board`` at the part's running milliseconds ``part_ms``, with ``part_left``
    seconds left of the part's plan."""
    topic = board.current
    left = board.left_seconds(part_ms)
    planned = 0 if topic is None else topic.seconds(board.box)
    ran = 0.0 if topic is None else topic.ran_ms(part_ms) / 1000
    after_current = max(0.0, part_left - left)
    return BoardStatus(
        current=None if topic is None else _line(board, topic.id),
        number=sum(1 for t in board.topics if t.taken),
        planned=planned,
        left=left,
        overrun=max(0.0, ran - planned) if topic is not None else 0.0,
        extensions=() if topic is None else tuple(topic.extensions),
        closed=topic is not None and topic.done,
        waiting=tuple(_line(board, t.id) for t in board.waiting()),
        fitting=board.fitting(after_current),
        still_to_do=max(part_left, left),
        box=board.box,
    )


def topic_records(board: TopicBoard, part_ms: int) -> tuple[TopicRecord, ...]:
    """Every topic on ``board`` in the order taken, then those not reached in vote order."""
    taken = sorted((t for t in board.topics if t.taken), key=lambda t: t.started_ms or 0)
    rest = [t for t in board.topics if not t.taken]
    rest.sort(key=lambda t: -t.votes)
    return tuple(
        TopicRecord(
            line=_line(board, t.id),
            planned_seconds=t.seconds(board.box) if t.taken else 0,
            actual_seconds=t.ran_ms(part_ms) / 1000,
            extensions=tuple(t.extensions),
            thumbs=tuple((v.up, v.sideways, v.down) for v in t.thumbs),
            reached=t.taken,
            parked=t.parked,
            kept=t.kept,
            note_id=t.note_id,
        )
        for t in (*taken, *rest)
    )


def topic_steps(
    progress: StepProgress, board: TopicBoard | None, part_ms: int, planned_seconds: int
) -> tuple[StepRecord, ...]:
    """A structured part's steps for the record. In a Lean Coffee whose board has taken up
    topics, the gathering and the vote (counted up to the first topic) and then each
    topic taken, with its box and extensions planned against its actual time."""
    taken = [] if board is None else [t for t in board.topics if t.taken]
    if board is None or not taken:
        return progress.record(part_ms, planned_seconds)
    taken.sort(key=lambda t: t.started_ms or 0)
    first = taken[0].started_ms or 0
    before = [s for s in progress.record(first, planned_seconds) if s.who == ""]
    count = len(taken)
    topics = [
        StepRecord(
            f"Topic: {t.words}",
            f"Topic {k} of {count}",
            t.seconds(board.box),
            t.ran_ms(part_ms) / 1000,
        )
        for k, t in enumerate(taken, start=1)
    ]
    return (*before, *topics)
