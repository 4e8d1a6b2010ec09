"""Polls on the phones as counts only, and the rating check saved in the session's record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from engine_support import file_record
from jsonschema import Draft202012Validator

from circlekeeper.sessions.dropbox.poll_kinds import (
    lean_coffee_poll,
    rating_of,
    rating_poll,
    thumbs_poll,
    topic_votes,
)
from circlekeeper.sessions.dropbox.polls import (
    MAX_TICKETS,
    AnswerRefused,
    OpenPoll,
    PollError,
    Question,
)
from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.reports.figures import Rating, figures_of
from circlekeeper.sessions.templates.agenda import Agenda, Part


def test_votes_are_counted_per_option_once_per_ticket_within_the_picks() -> None:
    votes = OpenPoll(lean_coffee_poll(["Boundaries", "Sleep", "Saying no"]), limit=3)
    first, second = votes.ticket(), votes.ticket()
    votes.answer(first, [[0, 2]])
    with pytest.raises(AnswerRefused, match="counted already") as used:
        votes.answer(first, [[1]])
    assert used.value.status == 409
    refusals = [
        ([[0, 1, 2]], "at most 2"),
        ([[]], "Please answer"),
        ([[0, 0]], "could not be read"),
        ([[7]], "could not be read"),
        ([], "every question"),
    ]
    for picks, words in refusals:
        with pytest.raises(AnswerRefused, match=words):
            votes.answer(second, picks)
    votes.answer(second, [[2]])  # a refused answer keeps its ticket for the corrected one
    votes.answer(votes.ticket(), [[1]])
    with pytest.raises(AnswerRefused, match="Everyone present"):
        votes.answer(votes.ticket(), [[0]])
    tally = votes.tally()
    assert tally.answers == 3
    assert topic_votes(tally) == {"Boundaries": 1, "Sleep": 1, "Saying no": 2}


def test_tickets_are_bounded_and_forgotten_when_the_poll_closes() -> None:
    thumbs = OpenPoll(thumbs_poll("Boundaries"), limit=15)
    oldest = thumbs.ticket()
    kept = [thumbs.ticket() for _ in range(MAX_TICKETS)]
    with pytest.raises(AnswerRefused):
        thumbs.answer(oldest, [[0]])
    thumbs.answer(kept[0], [[0]])
    thumbs.forget()
    with pytest.raises(AnswerRefused):
        thumbs.answer(kept[1], [[1]])
    assert thumbs.tally().counts == ((1, 0, 0),)


def test_option_words_are_made_safe_and_a_question_must_fit_its_picks() -> None:
    question = Question("Which\x1b[31m one?", ("A\u202e", "B"))
    assert "\x1b" not in question.words and "\u202e" not in question.options[0]
    for bad in (
        lambda: Question("Q", ("A", "A")),
        lambda: Question("Q", ("A",), picks=2),
        lambda: Question("Q", ()),
        lambda: lean_coffee_poll(["Only one"]),
    ):
        with pytest.raises(PollError):
            bad()


def test_a_rating_tally_becomes_answers_and_means() -> None:
    rating = OpenPoll(rating_poll(), limit=8)
    rating.answer(rating.ticket(), [[10], [6], [7], [9]])
    rating.answer(rating.ticket(), [[7], [5], [8], [8]])
    assert rating_of(rating.tally()) == (2, (8.5, 5.5, 7.5, 8.5))
    with pytest.raises(PollError, match="nobody"):
        rating_of(OpenPoll(rating_poll(), limit=8).tally())
    with pytest.raises(PollError):
        rating_of(OpenPoll(thumbs_poll("x"), limit=8).tally())


def test_the_rating_is_saved_as_an_event_resumed_and_exported_for_the_reports(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "session.json"
    agenda = Agenda(name="t", title="T", parts=(Part("Check-out", 10, line=1),))
    session = Session.create(file_record(path), agenda, clock, session_id="s1", attendance=6)
    session.start()
    with pytest.raises(SessionError):
        session.record_rating(0, (5, 5, 5, 5))
    with pytest.raises(SessionError, match="0 to 10"):
        session.record_rating(5, (5, 5, 11, 5))
    session.record_rating(5, (9.0, 7.25, 8.0, 8.5))
    session.end()
    session.record_rating(6, (9.0, 7.5, 8.0, 8.5))  # taken again after the end: the latest
    again = Session.resume(file_record(path), clock, read_only=True)
    assert again.timeline().rating == (6, (9.0, 7.5, 8.0, 8.5))
    with pytest.raises(SessionError):
        again.record_rating(6, (1, 1, 1, 1))
    record = json.loads(render(summary_of(again, Audience.FACILITATOR), Format.JSON))
    Draft202012Validator(schema()).validate(record)
    assert figures_of(record).rating == Rating(6, (9.0, 7.5, 8.0, 8.5))
    handout = json.loads(render(summary_of(again, Audience.PARTICIPANTS), Format.JSON))
    assert "rating_check" not in handout
