"""The moderation queue: cards waiting for the facilitator, and the how-I-am tally.

The queue is built so that nothing in it can tell who sent a card:

- a card has a random id and no arrival time, and :meth:`CardQueue.open` hands the
  waiting cards out in a fresh shuffled order each time (:class:`random.SystemRandom`);
- what the screen can watch is a count of new cards (:meth:`CardQueue.new_count`),
  never an event per card;
- the number on a how-I-am card goes into a tally and is kept apart from its words, so
  the words wait as a card of their own and the number is only ever shown as counts
  (:meth:`CardQueue.scale_summary`), and only from :data:`MIN_SCALE_ANSWERS` answers.

Cards are checked for personal data with the facilitator's watch list when the queue
is opened, so names added to the list after a card came in still count.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from circlekeeper.sessions.dropbox.cards import SCALE, SCALE_LABELS, Card, CardKind, Submission
from circlekeeper.sessions.privacy.guard import Finding, WatchList, find_personal_data

MIN_SCALE_ANSWERS = 3
"""Below this many answers the scale is not shown at all: with one or two, a single
answer could be recognised."""

MAX_WAITING = 200
"""More cards waiting than a facilitator could ever read out; past it the drop-box
asks phones to wait, so memory stays bounded."""


class QueueFull(Exception):
    """The queue holds :data:`MAX_WAITING` cards; nothing was added."""


class UnknownCard(KeyError):
    """No card with that id is waiting (it was approved or discarded already)."""

    def __str__(self) -> str:
        return f"there is no card {self.args[0]!r} waiting in the drop-box"


@dataclass(frozen=True)
class ScaleSummary:
    """The how-I-am answers as counts only."""

    counts: tuple[int, int, int, int, int]
    """How many people chose 1, 2, 3, 4 and 5."""

    @property
    def answers(self) -> int:
        """How many answers the counts hold."""
        return sum(self.counts)

    def count(self, value: int) -> int:
        """How many people chose ``value`` (1 to 5)."""
        return self.counts[value - 1]

    @property
    def text(self) -> str:
        """One line for a note, such as ``How I am, 5 answers: Struggling (1) 0, ...``."""
        parts = [f"{SCALE_LABELS[v]} ({v}) {self.count(v)}" for v in SCALE]
        return f"How I am, {self.answers} answers: " + ", ".join(parts)


@dataclass
class _Waiting:
    kind: CardKind
    text: str
    findings: tuple[Finding, ...] = ()
    checked_with: int | None = None


class CardQueue:
    """Cards waiting for the facilitator, and the tally of the how-I-am scale.

    Args:
        watch_list: the facilitator's names to look for (memory only); a
            :class:`~circlekeeper.sessions.privacy.guard.WatchList` or any iterable of names.
        rng: where the shuffle's randomness comes from (tests may pass a seeded one).
    """

    def __init__(
        self, watch_list: WatchList | Iterable[str] = (), *, rng: random.Random | None = None
    ) -> None:
        self.watch_list = watch_list
        """Names the guard looks for; read each time the queue is opened."""
        self._rng = rng or random.SystemRandom()
        self._waiting: dict[str, _Waiting] = {}
        self._new = 0
        self._tally = [0] * len(SCALE)

    def put(self, submission: Submission) -> None:
        """Add what a phone sent: its words as a card, its number to the tally.

        Raises:
            QueueFull: :data:`MAX_WAITING` cards are waiting already.
        """
        if submission.text and len(self._waiting) >= MAX_WAITING:
            raise QueueFull
        if submission.scale is not None:
            self._tally[submission.scale - 1] += 1
        if submission.text:
            self._waiting[secrets.token_hex(8)] = _Waiting(submission.kind, submission.text)
            self._new += 1

    def new_count(self) -> int:
        """Cards that came in since the queue was last opened."""
        return self._new

    def waiting_count(self) -> int:
        """Cards waiting to be approved or discarded."""
        return len(self._waiting)

    def open(self) -> list[Card]:
        """Every waiting card, checked for personal data, in a new shuffled order.

        Opening the queue sets :meth:`new_count` back to 0.
        """
        self._new = 0
        cards = [self._card(card_id) for card_id in self._waiting]
        self._rng.shuffle(cards)
        return cards

    def take(self, card_id: str) -> Card:
        """Remove a card from the queue and return it (checked as in :meth:`open`).

        Raises:
            UnknownCard: no such card is waiting.
        """
        card = self.get(card_id)
        del self._waiting[card_id]
        return card

    def get(self, card_id: str) -> Card:
        """The waiting card ``card_id``, checked as in :meth:`open`.

        Raises:
            UnknownCard: no such card is waiting.
        """
        if card_id not in self._waiting:
            raise UnknownCard(card_id)
        return self._card(card_id)

    def scale_answers(self) -> int:
        """How many how-I-am numbers the tally holds (a count, never the values)."""
        return sum(self._tally)

    def scale_summary(self) -> ScaleSummary | None:
        """The tally as counts, or ``None`` until :data:`MIN_SCALE_ANSWERS` people answered."""
        if self.scale_answers() < MIN_SCALE_ANSWERS:
            return None
        return ScaleSummary(tuple(self._tally))  # type: ignore[arg-type]

    def reset_scale(self) -> None:
        """Start the tally again from nothing (after it was saved)."""
        self._tally = [0] * len(SCALE)

    def clear(self) -> None:
        """Forget every waiting card and the tally."""
        self._waiting.clear()
        self._new = 0
        self.reset_scale()

    def _card(self, card_id: str) -> Card:
        waiting = self._waiting[card_id]
        version = _version(self.watch_list)
        if version is None or waiting.checked_with != version:
            waiting.findings = tuple(find_personal_data(waiting.text, self.watch_list))
            waiting.checked_with = version
        return Card(card_id, waiting.kind, waiting.text, waiting.findings)


def _version(watch_list: WatchList | Iterable[str]) -> int | None:
    """A number that changes whenever the watch list does, or ``None`` if unknowable.

    A :class:`WatchList` only grows (names are added, never removed), so its length is
    such a number; for any other iterable every check is done afresh.
    """
    return len(watch_list) if isinstance(watch_list, WatchList) else None
