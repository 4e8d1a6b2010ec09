"""Polls on the phones: questions answered as counts only, never with who answered or when.

A :class:`Poll` is one or more :class:`Question` s, each with its options (words) and how
many of them a phone may pick: a Lean Coffee vote lets each person pick 2 topics, a
thumbs vote 1 of up / sideways / down, each item of the rating check 1 of 0 to 10.

The drop-box runs one :class:`OpenPoll` at a time. It keeps, per question, one count per
option and the number of answers; nothing else about an answer is stored: no address, no
time, no order, no link between the picks of one answer once they are counted. Closing
gives a :class:`Tally`.

**Once per phone, without identity.** Every time the page is loaded, the open poll hands
out a one-time *ticket* (random, held in memory only, at most :data:`MAX_TICKETS` at once,
the oldest forgotten first). An answer must carry a ticket not yet used; the ticket is
forgotten as it is used. This stops the same page from counting twice: a double tap, a
resent form, the back button, a reload of the answer. It does *not* stop a person from
loading the page again to get a new ticket and answering again: that would need to know
who is who, which the drop-box refuses to. :attr:`OpenPoll.limit` (no more answers than
people present) and the room's rate limit bound what such a person can do, and the
facilitator sees the number of answers beside the number present.
"""

from __future__ import annotations

import re
import secrets
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from circlekeeper.sessions.safe_text import safe_text

MAX_TICKETS = 200
"""Tickets held at once: many reloads for a group of 15; the oldest go first beyond it."""

MAX_OPTIONS = 40
"""The most options a question may offer (a Lean Coffee board rarely has 20 topics)."""

MAX_WORDS_CHARS = 200
"""The longest words of a question or an option, in characters."""

TICKET_BYTES = 16

_INDEX = re.compile("[0-9]{1,3}")


class PollError(ValueError):
    """A poll that cannot be asked as given; the message says why."""


class AnswerRefused(Exception):
    """An answer not counted; the message is a sentence for the phone.

    Args:
        status: the HTTP status to answer with.
        message: what to tell the person, in a plain sentence.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Question:
    """One question of a poll.

    Attributes:
        words: the question as shown on the phone (plain text, never markup).
        options: the words of each option, in the order shown.
        picks: how many options a phone may pick (at least 1 must be picked).
    """

    words: str
    options: tuple[str, ...]
    picks: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", _words(self.words, "a question"))
        object.__setattr__(self, "options", tuple(_words(o, "an option") for o in self.options))
        if not self.options:
            raise PollError(f"the question {self.words!r} offers nothing to choose")
        if len(self.options) > MAX_OPTIONS:
            raise PollError(f"a question offers at most {MAX_OPTIONS} options")
        if len(set(self.options)) != len(self.options):
            raise PollError(f"the question {self.words!r} offers the same option twice")
        if not 1 <= self.picks <= len(self.options):
            raise PollError(f"{self.picks} picks do not fit {len(self.options)} options")


@dataclass(frozen=True)
class Poll:
    """What the phones are asked: a kind (for whoever reads the tally) and its questions.

    Attributes:
        kind: what the poll is for, such as ``rating`` or ``lean-coffee``; the app reads
            it to know where the tally goes.
        title: the heading on the phone.
        questions: the questions, in order.
    """

    kind: str
    title: str
    questions: tuple[Question, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _words(self.title, "a poll's title"))
        if not self.questions:
            raise PollError("a poll needs at least one question")


@dataclass(frozen=True)
class Tally:
    """A poll's answers as counts: per question, how many picked each option.

    Attributes:
        poll: the poll answered.
        answers: how many answers were counted.
        counts: per question, one count per option, in the poll's order.
    """

    poll: Poll
    answers: int
    counts: tuple[tuple[int, ...], ...]

    def of(self, question: int) -> dict[str, int]:
        """Question ``question`` 's counts as ``{option words: count}``, in option order."""
        options = self.poll.questions[question].options
        return dict(zip(options, self.counts[question], strict=True))


class OpenPoll:
    """A poll open on the phones: its counts, and the tickets handed out for it.

    Args:
        poll: what is asked.
        limit: the most answers counted (beyond it every answer is refused).
    """

    def __init__(self, poll: Poll, *, limit: int) -> None:
        self.poll = poll
        """What is asked."""
        self.limit = max(1, limit)
        """The most answers counted: the people present."""
        self.answers = 0
        """How many answers were counted so far."""
        self._counts = [[0] * len(q.options) for q in poll.questions]
        self._tickets: OrderedDict[str, None] = OrderedDict()

    def ticket(self) -> str:
        """A new one-time ticket for a page about to be shown."""
        ticket = secrets.token_urlsafe(TICKET_BYTES)
        self._tickets[ticket] = None
        while len(self._tickets) > MAX_TICKETS:
            self._tickets.popitem(last=False)
        return ticket

    def answer(self, ticket: str, picks: Sequence[Iterable[int]]) -> None:
        """Count one answer: for each question, the indices of the options picked.

        The ticket is used up only when the answer is counted, so a refused answer can be
        corrected and sent again from the same page.

        Raises:
            AnswerRefused: the ticket is unknown or used, the answer does not fit the
                questions, or the poll has all the answers it takes.
        """
        if ticket not in self._tickets:
            raise AnswerRefused(
                409,
                "This answer was counted already, or the poll has changed. Load the page "
                "again to see what is asked now.",
            )
        chosen = _checked(self.poll, picks)
        if self.answers >= self.limit:
            raise AnswerRefused(
                409, "Everyone present has answered this poll, so it takes no more answers."
            )
        del self._tickets[ticket]
        for counts, picked in zip(self._counts, chosen, strict=True):
            for option in picked:
                counts[option] += 1
        self.answers += 1

    def tally(self) -> Tally:
        """The counts so far."""
        return Tally(self.poll, self.answers, tuple(tuple(c) for c in self._counts))

    def forget(self) -> None:
        """Drop every ticket, so no page handed out can answer any more."""
        self._tickets.clear()


def _checked(poll: Poll, picks: Sequence[Iterable[int]]) -> list[frozenset[int]]:
    if len(picks) != len(poll.questions):
        raise AnswerRefused(400, "Please answer every question, then send.")
    chosen = []
    for question, picked in zip(poll.questions, picks, strict=True):
        given = list(picked)
        unique = frozenset(given)
        if not given:
            raise AnswerRefused(400, f"Please answer “{question.words}”, then send.")
        if len(unique) != len(given) or any(not 0 <= i < len(question.options) for i in unique):
            raise AnswerRefused(400, "The answer could not be read. Please choose again.")
        if len(unique) > question.picks:
            raise AnswerRefused(
                400, f"Pick at most {question.picks} for “{question.words}”, then send again."
            )
        chosen.append(unique)
    return chosen


def read_picks(poll: Poll, fields: Mapping[str, Sequence[str]]) -> list[list[int]]:
    """The picks of a posted form whose fields are ``q0``, ``q1``… holding option indices.

    Raises:
        AnswerRefused: a value is not an option's index.
    """
    picks: list[list[int]] = []
    for number in range(len(poll.questions)):
        values = fields.get(f"q{number}", ())
        if any(_INDEX.fullmatch(v) is None for v in values):
            raise AnswerRefused(400, "The answer could not be read. Please choose again.")
        picks.append([int(v) for v in values])
    return picks


def _words(text: str, what: str) -> str:
    clean = safe_text(str(text), lines=False).strip()
    if not clean:
        raise PollError(f"{what} needs words")
    if len(clean) > MAX_WORDS_CHARS:
        raise PollError(f"{what} is longer than {MAX_WORDS_CHARS} characters")
    return clean
