"""The polls a session asks on the phones, and what their tallies mean.

- :func:`rating_poll`: the end-of-session check, four items each answered 0 to 10, in
  the style of the Group Session Rating Scale; :func:`rating_of` turns its tally into
  the number of answers and each item's mean, as the session record keeps them.
- :func:`lean_coffee_poll`: each person picks up to 2 of the topics;
  :func:`topic_votes` gives the ``{topic: votes}`` a Lean Coffee board takes.
- :func:`thumbs_poll`: after a topic's timebox, up, sideways or down.
"""

from __future__ import annotations

from collections.abc import Sequence

from circlekeeper.sessions.dropbox.polls import Poll, PollError, Question, Tally
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.sessions.reports.figures import RATING_ITEMS

RATING = "rating"
LEAN_COFFEE = "lean-coffee"
THUMBS = "thumbs"

LEAN_COFFEE_VOTES = 2
"""Votes each person has among the topics."""

RATING_SCALE = tuple(str(value) for value in range(11))
"""The answers to each rating item, 0 to 10."""

RATING_QUESTIONS = {
    "heard": N_("I felt heard, understood and respected"),
    "topics": N_("We talked about what I wanted to talk about"),
    "way": N_("The way we worked suited me"),
    "overall": N_("Overall, today's session was right for me"),
}
"""How the phone asks each of :data:`RATING_ITEMS` (0: not at all, 10: completely)."""

THUMBS_OPTIONS = (N_("Up: keep going"), N_("Sideways: a little more"), N_("Down: move on"))
"""The thumbs vote's options, in this order (translated when a poll is made)."""


def rating_poll() -> Poll:
    """The four-item rating check, each item 0 (not at all) to 10 (completely)."""
    return Poll(
        RATING,
        _("How was today's session?"),
        tuple(Question(_(RATING_QUESTIONS[item]), RATING_SCALE) for item in RATING_ITEMS),
    )


def rating_of(tally: Tally) -> tuple[int, tuple[float, float, float, float]]:
    """The rating check's number of answers and each item's mean, rounded to 0.1.

    Raises:
        PollError: the tally is not of a rating poll, or holds no answer.
    """
    if tally.poll.kind != RATING or len(tally.counts) != len(RATING_ITEMS):
        raise PollError("that tally is not of the rating check")
    if tally.answers == 0:
        raise PollError("nobody answered the rating check")
    means = [
        round(sum(value * n for value, n in enumerate(counts)) / max(1, sum(counts)), 1)
        for counts in tally.counts
    ]
    return tally.answers, (means[0], means[1], means[2], means[3])


def lean_coffee_poll(topics: Sequence[str]) -> Poll:
    """Each person picks up to :data:`LEAN_COFFEE_VOTES` of ``topics``.

    Raises:
        PollError: fewer than two topics, or a topic's words are empty or too long.
    """
    if len(topics) < 2:
        raise PollError("a vote needs at least two topics")
    question = Question(_("Which topics would you like to talk about?"), tuple(topics), 2)
    title = ngettext(
        "Vote for up to {count} topic", "Vote for up to {count} topics", LEAN_COFFEE_VOTES
    )
    return Poll(LEAN_COFFEE, title.format(count=LEAN_COFFEE_VOTES), (question,))


def topic_votes(tally: Tally) -> dict[str, int]:
    """A Lean Coffee vote's ``{topic: votes}``, in the order the topics were given."""
    return tally.of(0)


def thumbs_poll(topic: str) -> Poll:
    """Keep going on ``topic``, a little more, or move on?"""
    options = tuple(_(option) for option in THUMBS_OPTIONS)
    question = Question(_("Keep talking about “{topic}”?").format(topic=topic), options)
    return Poll(THUMBS, _("Thumbs vote"), (question,))
