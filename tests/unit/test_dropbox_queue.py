"""The moderation queue and the room's limit: shuffled cards, counts not events, the tally."""

from __future__ import annotations

import dataclasses
import random

import pytest

from circlekeeper.sessions.dropbox.cards import Card, CardKind, Submission
from circlekeeper.sessions.dropbox.limits import RoomLimit
from circlekeeper.sessions.dropbox.queue import (
    MAX_WAITING,
    CardQueue,
    QueueFull,
    ScaleSummary,
    UnknownCard,
)
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.privacy.guard import WatchList


def question(text: str) -> Submission:
    return Submission(CardKind.QUESTION, text)


def test_a_card_carries_no_time_and_no_sender() -> None:
    assert [f.name for f in dataclasses.fields(Card)] == ["id", "kind", "text", "findings"]


def test_cards_come_out_shuffled_with_random_ids() -> None:
    queue = CardQueue(rng=random.Random(7))
    texts = [f"card {n}" for n in range(12)]
    for text in texts:
        queue.put(question(text))
    cards = queue.open()
    assert sorted(c.text for c in cards) == sorted(texts)
    assert [c.text for c in cards] != texts
    assert len({c.id for c in cards}) == 12
    assert all(len(c.id) == 16 and int(c.id, 16) >= 0 for c in cards)
    # The ids say nothing about the order either.
    by_id = [c.text for c in sorted(cards, key=lambda c: c.id)]
    assert by_id != texts


def test_each_opening_draws_a_new_order_from_the_system_randomness() -> None:
    queue = CardQueue()
    for n in range(8):
        queue.put(question(f"card {n}"))
    orders = {tuple(c.text for c in queue.open()) for _ in range(20)}
    assert len(orders) > 1


def test_new_count_counts_cards_since_the_queue_was_opened() -> None:
    queue = CardQueue()
    assert (queue.new_count(), queue.waiting_count()) == (0, 0)
    queue.put(question("one"))
    queue.put(question("two"))
    assert (queue.new_count(), queue.waiting_count()) == (2, 2)
    queue.open()
    assert (queue.new_count(), queue.waiting_count()) == (0, 2)
    queue.put(Submission(CardKind.HOW_I_AM, "", 3))
    assert (queue.new_count(), queue.waiting_count()) == (0, 2)
    queue.put(Submission(CardKind.HOW_I_AM, "tired", 2))
    assert (queue.new_count(), queue.waiting_count()) == (1, 3)


def test_take_and_get_and_unknown_cards() -> None:
    queue = CardQueue()
    queue.put(question("one"))
    (card,) = queue.open()
    assert queue.get(card.id) == card
    assert queue.take(card.id) == card
    assert queue.waiting_count() == 0
    with pytest.raises(UnknownCard, match="no card"):
        queue.take(card.id)
    with pytest.raises(UnknownCard, match="no card"):
        queue.get("nonsense")


def test_findings_use_the_watch_list_as_it_is_when_the_queue_opens() -> None:
    names = WatchList(["Maria"])
    queue = CardQueue(names)
    queue.put(question("Maria said it first; mail me at sam@example.org"))
    queue.put(question("Jonas keeps asking about the rota"))
    flagged = {c.text: c for c in queue.open()}
    maria = flagged["Maria said it first; mail me at sam@example.org"]
    assert [f.kind for f in maria.findings] == ["name", "email"]
    assert maria.redacted == "[name removed] said it first; mail me at [email removed]"
    assert not flagged["Jonas keeps asking about the rota"].flagged
    names.add("Jonas")
    flagged = {c.text: c for c in queue.open()}
    assert flagged["Jonas keeps asking about the rota"].redacted == (
        "[name removed] keeps asking about the rota"
    )


def test_a_plain_list_of_names_is_checked_every_time() -> None:
    names = ["Maria"]
    queue = CardQueue(names)
    queue.put(question("Ask Jonas"))
    assert not queue.open()[0].flagged
    names.append("Jonas")
    assert queue.open()[0].flagged


def test_the_scale_shows_only_counts_and_only_from_three_answers() -> None:
    queue = CardQueue()
    queue.put(Submission(CardKind.HOW_I_AM, "", 2))
    queue.put(Submission(CardKind.HOW_I_AM, "a bit low", 2))
    assert queue.scale_answers() == 2
    assert queue.scale_summary() is None
    queue.put(Submission(CardKind.HOW_I_AM, "", 5))
    summary = queue.scale_summary()
    assert summary == ScaleSummary((0, 2, 0, 0, 1))
    assert (summary.answers, summary.count(2), summary.count(5)) == (3, 2, 1)
    assert summary.text == (
        "How I am, 3 answers: Struggling (1) 0, Low (2) 2, Okay (3) 0, Good (4) 0, Very good (5) 1"
    )
    # The words wait on their own, without the number.
    (card,) = queue.open()
    assert (card.kind, card.text) == (CardKind.HOW_I_AM, "a bit low")
    queue.reset_scale()
    assert (queue.scale_answers(), queue.scale_summary()) == (0, None)


def test_a_full_queue_refuses_more_cards_but_still_counts_bare_numbers() -> None:
    queue = CardQueue()
    for n in range(MAX_WAITING):
        queue.put(question(f"card {n}"))
    with pytest.raises(QueueFull):
        queue.put(question("one more"))
    with pytest.raises(QueueFull):
        queue.put(Submission(CardKind.HOW_I_AM, "words", 1))
    assert queue.scale_answers() == 0
    queue.put(Submission(CardKind.HOW_I_AM, "", 1))
    assert (queue.waiting_count(), queue.scale_answers()) == (MAX_WAITING, 1)
    queue.clear()
    assert (queue.waiting_count(), queue.new_count(), queue.scale_answers()) == (0, 0, 0)


def test_the_room_limit_is_a_sliding_minute(clock: FakeClock) -> None:
    limit = RoomLimit(clock, per_minute=3)
    assert [limit.try_take() for _ in range(4)] == [True, True, True, False]
    assert limit.retry_after() == 60
    clock.advance(40)
    assert not limit.try_take()
    assert limit.retry_after() == 20
    clock.advance(19.5)
    assert not limit.try_take()
    assert limit.retry_after() == 1
    clock.advance(0.5)
    # The three cards of the first moment leave the window together.
    assert [limit.try_take() for _ in range(4)] == [True, True, True, False]
    clock.advance(30)
    assert (limit.try_take(), limit.retry_after()) == (False, 30)
    clock.advance(30)
    assert limit.retry_after() == 0
    assert limit.try_take()
    with pytest.raises(ValueError, match="at least 1"):
        RoomLimit(clock, per_minute=0)
