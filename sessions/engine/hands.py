"""The rating check taken by a show of hands: hands counted in bands, made a rating.

In a room, asking for a number from 0 to 10 from each person is slow; asking for hands
is quick. For each item the facilitator asks "who would say 0 to 3? 4 to 6? 7 or 8? 9 or
10?" and types the hands counted for each band. :func:`rating_from_hands` turns those
counts into what :func:`~circlekeeper.sessions.engine.rating.record_rating` saves: each
item's mean, taking every hand at its band's midpoint, and how many answered (the most
hands counted for any one item: someone who kept a hand down once still took part).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.reports.figures import RATING_ITEMS, RATING_WORDS

__all__ = ["BANDS", "Band", "HandsRating", "rating_from_hands"]


@dataclass(frozen=True)
class Band:
    """A range of the 0-10 scale that hands are counted for."""

    low: int
    """The band's lowest score."""
    high: int
    """The band's highest score."""

    @property
    def midpoint(self) -> float:
        """The score each hand in the band counts as."""
        return (self.low + self.high) / 2

    @property
    def label(self) -> str:
        """The band as said in the room: ``0-3``."""
        return f"{self.low}–{self.high}"


BANDS = (Band(0, 3), Band(4, 6), Band(7, 8), Band(9, 10))
"""The bands hands are counted in, lowest first; their midpoints are 1.5, 5, 7.5 and 9.5."""


@dataclass(frozen=True)
class HandsRating:
    """Hands counted, turned into a rating."""

    answers: int
    """How many answered: the most hands counted for one item."""
    means: tuple[float, float, float, float]
    """Each item's mean, its hands taken at their bands' midpoints, to one decimal."""
    hands: tuple[int, int, int, int]
    """The hands counted for each item."""


def item_mean(counts: Sequence[int]) -> float | None:
    """The mean of one item's hands (one count a band), or ``None`` when none were counted."""
    total = sum(counts)
    if total == 0:
        return None
    return round(sum(n * band.midpoint for n, band in zip(counts, BANDS, strict=True)) / total, 1)


def rating_from_hands(counts: Sequence[Sequence[int]]) -> HandsRating:
    """The rating from the hands counted: one row of band counts per rating item.

    Raises:
        SessionError: a row or a count is missing or negative, or an item had no hands.
    """
    if len(counts) != len(RATING_ITEMS):
        message = _("count hands for each of the {count} items").format(count=len(RATING_ITEMS))
        raise SessionError(message)
    means, hands = [], []
    for item, row in zip(RATING_ITEMS, counts, strict=True):
        if len(row) != len(BANDS) or any(n < 0 for n in row):
            message = _("{item}: one count of hands for each band")
            raise SessionError(message.format(item=_(RATING_WORDS[item])))
        mean = item_mean(row)
        if mean is None:
            raise SessionError(_("{item}: no hands counted").format(item=_(RATING_WORDS[item])))
        means.append(mean)
        hands.append(sum(row))
    return HandsRating(
        answers=max(hands),
        means=(means[0], means[1], means[2], means[3]),
        hands=(hands[0], hands[1], hands[2], hands[3]),
    )
