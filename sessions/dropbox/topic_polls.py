"""A Lean Coffee board's votes asked on the phones, and their tallies counted onto the board.

:func:`topic_vote` asks the phones to pick up to two of the topics waiting on a board;
:func:`count_topic_votes` turns the closed vote's counts into the ``{topic id: votes}``
the board takes and hands them to :meth:`TopicKeeper.set_votes
<circlekeeper.sessions.engine.topic_keeper.TopicKeeper.set_votes>`, which writes them
before anything shows them. :func:`thumbs_vote` and :func:`count_thumbs` do the same for
the thumbs vote at the end of a topic's box, through the call the typed counts use.

A phone sees a topic's words as they are on the board. Two topics with the same words
are told apart by their number (``Burnout (topic 4)``), given to the later one only, so a
topic's option never changes once asked, whatever is added after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlekeeper.sessions.dropbox.poll_kinds import (
    LEAN_COFFEE,
    THUMBS,
    lean_coffee_poll,
    thumbs_poll,
    topic_votes,
)
from circlekeeper.sessions.dropbox.polls import MAX_WORDS_CHARS, Poll, PollError, Tally
from circlekeeper.sessions.engine.topic_keeper import TopicKeeper
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.structures.lean_coffee import TopicBoard


@dataclass(frozen=True)
class VotesCounted:
    """A phone vote set on the board."""

    answers: int
    """How many phones voted."""
    votes: dict[str, int]
    """Each topic's votes, by topic id, in the order the options were asked."""
    unmatched: int
    """Options no longer on the board (their votes went nowhere)."""


@dataclass(frozen=True)
class ThumbsCounted:
    """A phone thumbs vote recorded on the topic under way."""

    counts: tuple[int, int, int]
    """Up, sideways and down."""
    minutes: int
    """Minutes it granted (0: the group moves on)."""


def option_words(board: TopicBoard) -> dict[str, str]:
    """Each topic's words on the phones, ``{topic id: option}``, unique on the board."""
    seen: set[str] = set()
    options: dict[str, str] = {}
    for topic in board.topics:
        words = _clean(topic.words)
        if words in seen:
            suffix = f" (topic {topic.id})"
            words = _clip(words, MAX_WORDS_CHARS - len(suffix)) + suffix
        seen.add(words)
        options[topic.id] = words
    return options


def topic_vote(board: TopicBoard) -> Poll:
    """The phone vote on ``board``'s waiting topics, in vote order, 2 picks each.

    Raises:
        PollError: fewer than two topics are waiting, or more than a question holds.
    """
    options = option_words(board)
    return lean_coffee_poll([options[t.id] for t in board.waiting()])


def count_topic_votes(keeper: TopicKeeper, tally: Tally) -> VotesCounted:
    """Set the board's votes from a closed phone vote (written before it returns).

    Raises:
        PollError: the tally is not of a topic vote, or nobody voted.
        SessionError: the current part is no Lean Coffee, or the board refuses the votes.
    """
    if tally.poll.kind != LEAN_COFFEE:
        raise PollError("that tally is not of a topic vote")
    if tally.answers == 0:
        raise PollError("nobody voted on the phones, so the board keeps its votes")
    board = _board(keeper)
    by_words = {words: topic_id for topic_id, words in option_words(board).items()}
    votes: dict[str, int] = {}
    unmatched = 0
    for words, count in topic_votes(tally).items():
        topic_id = by_words.get(words)
        if topic_id is None:
            unmatched += 1
        else:
            votes[topic_id] = count
    keeper.set_votes(votes)
    return VotesCounted(tally.answers, votes, unmatched)


def thumbs_vote(board: TopicBoard) -> Poll:
    """The thumbs vote on the topic under way.

    Raises:
        SessionError: no topic is under way, or the group has moved on from it.
    """
    topic = board.current
    if topic is None:
        raise SessionError("no topic is under way; take the next topic first")
    if topic.done:
        raise SessionError("the group has moved on from this topic; take the next one")
    return thumbs_poll(option_words(board)[topic.id])


def count_thumbs(keeper: TopicKeeper, tally: Tally) -> ThumbsCounted:
    """Record a closed phone thumbs vote on the topic under way, as typed counts are.

    Raises:
        PollError: the tally is not of a thumbs vote, or nobody answered.
        SessionError: the vote was about a topic no longer under way, or the board
            refuses it.
    """
    if tally.poll.kind != THUMBS:
        raise PollError("that tally is not of a thumbs vote")
    if tally.answers == 0:
        raise PollError("nobody answered the thumbs vote, so nothing changed")
    board = _board(keeper)
    try:
        asked_now = thumbs_vote(board) == tally.poll
    except SessionError:
        asked_now = False
    if not asked_now:
        raise SessionError(
            "the thumbs vote was about a topic no longer under way, so it was not counted"
        )
    up, sideways, down = tally.counts[0]
    return ThumbsCounted((up, sideways, down), keeper.thumbs(up, sideways, down))


def _board(keeper: TopicKeeper) -> TopicBoard:
    board = keeper.board()
    if board is None:
        raise SessionError("the group has left the Lean Coffee, so the vote was not counted")
    return board


def _clean(words: str) -> str:
    # As a poll's question cleans its options, so a topic's words match its option.
    return safe_text(words, lines=False).strip()


def _clip(words: str, limit: int) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
