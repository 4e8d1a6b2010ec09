"""A Lean Coffee run by the engine: topics typed and from topic cards, votes, topics taken
in vote order, thumbs votes that extend a topic (+4, +2, then move on; or the group's own
boxes), a resume mid-topic, and the topics not reached put in the parking lot."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import SESSION_ID, agenda, file_record, part

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.engine.notebook import NoteFlagged
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.structures.marks import StructureMark
from circlekeeper.sessions.structures.topic_status import BoardStatus


def lean_session(path: Path, clock: FakeClock, *boxes: int) -> Session:
    """Welcome 5, a 40-minute Lean Coffee, Close 5; started and in the Lean Coffee."""
    mark = StructureMark("lean coffee", boxes=boxes)
    parts = (part("Welcome", 5), part("Lean coffee", 40, structure=mark), part("Close", 5))
    session = Session.create(
        file_record(path), agenda(*parts), clock, session_id=SESSION_ID, attendance=8,
        watch_list=["Priya"],
    )  # fmt: skip
    session.start()
    with pytest.raises(SessionError, match="not a Lean Coffee"):
        session.topics.add("Workload")
    session.next_part()
    return session


def board(session: Session) -> BoardStatus:
    status = session.status().board
    assert status is not None
    return status


def test_a_lean_coffee_from_topics_to_the_parking_lot(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "s.json"
    session = lean_session(path, clock)
    for words in ("Workload after the reorganisation", "Saying no", "Hybrid meetings", "Quiet"):
        session.topics.add(words)
    with pytest.raises(NoteFlagged):
        session.topics.add("What Priya said about rotas")
    # An approved topic card is a parking-lot note from the drop-box: the board takes it in.
    session.add_note("Breaks we actually take", NoteKind.PARKED, source="drop-box")
    assert [t.words for t in session.topics.from_cards()] == ["Breaks we actually take"]
    assert session.topics.from_cards() == []
    clock.advance(minutes=3)
    session.next_step()
    with pytest.raises(SessionError, match="take the first one from the board"):
        session.next_step()
    clock.advance(minutes=2)
    with pytest.raises(SessionError, match="no topic 9"):
        session.topics.set_votes({"9": 1})
    session.topics.set_votes({"1": 3, "2": 5, "3": 5, "4": 0, "5": 6})
    assert [t.id for t in board(session).waiting] == ["5", "2", "3", "1", "4"]

    # The card has the most votes: +4 when mostly up, then at most half that, then move on.
    assert session.topics.take_next() is not None
    assert session.status().step is None  # the board has taken over from the topic steps
    assert (board(session).current.words, board(session).left) == ("Breaks we actually take", 480)
    clock.advance(minutes=8)
    assert session.topics.thumbs(6, 1, 1) == 4
    assert (board(session).planned, board(session).left) == (12 * 60, 4 * 60)
    clock.advance(minutes=4)
    assert session.topics.thumbs(5, 0, 0) == 2
    clock.advance(minutes=2)
    assert session.topics.thumbs(5, 0, 0) == 0
    with pytest.raises(SessionError, match="moved on"):
        session.topics.thumbs(5, 0, 0)
    # A tie on votes goes to the topic added first; a split vote gives +2.
    assert session.topics.take_next().words == "Saying no"  # type: ignore[union-attr]
    now = board(session)
    # 19 minutes of the part gone, 8 for this topic: the 13 after it fit one more topic.
    assert (now.number, now.fitting, [t.id for t in now.waiting]) == (2, 1, ["3", "1", "4"])
    clock.advance(minutes=8)
    assert session.topics.thumbs(2, 3, 3) == 2
    clock.advance(minutes=1)

    # Resumed mid-topic: the same topic, its extension, its time.
    session.pause()
    before = board(session)
    session.record.close()
    again = Session.resume(file_record(path), clock)
    assert board(again) == before
    assert (before.extensions, before.left) == ((2,), 60)
    again.resume_timer()
    clock.advance(minutes=1)

    # Leaving the part parks the topics not reached; the card discussed leaves the lot.
    again.next_part()
    notes = {n.text: n.kind for n in again.notes()}
    assert notes["Breaks we actually take"] is NoteKind.THEME
    parked = [n.text for n in again.notes() if n.kind is NoteKind.PARKED]
    assert parked == ["Hybrid meetings", "Workload after the reorganisation", "Quiet"]
    records = again.timeline().parts[1]
    assert [(s.name, s.planned_seconds, s.actual_seconds) for s in records.steps[2:]] == [
        ("Topic: Breaks we actually take", 14 * 60, 14 * 60),
        ("Topic: Saying no", 10 * 60, 10 * 60),
    ]
    assert [s.actual_seconds for s in records.steps[:2]] == [180, 120]
    assert [(t.line.id, t.extensions, t.parked) for t in records.topics] == [
        ("5", (4, 2), False), ("2", (2,), False), ("3", (), True), ("1", (), True),
        ("4", (), True),
    ]  # fmt: skip
    # Coming back and leaving again parks nothing twice.
    again.previous_part()
    again.end()
    assert len([n for n in again.notes() if n.kind is NoteKind.PARKED]) == 3


def test_the_groups_own_boxes_and_a_topic_past_the_parts_end(
    tmp_path: Path, clock: FakeClock
) -> None:
    session = lean_session(tmp_path / "s.json", clock, 7, 5, 3)
    session.topics.add("Saying no")
    session.topics.add("Quiet rooms")
    clock.advance(minutes=26)
    with pytest.raises(SessionError, match="at least one hand"):
        session.topics.thumbs(0, 0, 0)
    session.topics.take_next()
    clock.advance(minutes=7)
    # A split vote goes on too, into the group's next box.
    assert session.topics.thumbs(3, 4, 1) == 5
    # The part has 7 minutes left but the topic 5: the projected end is the part's end.
    whole = session.status()
    assert (whole.projected_end - whole.at).total_seconds() == (7 + 5) * 60
    assert board(session).fitting == 0
    clock.advance(minutes=5)
    assert session.topics.thumbs(6, 0, 0) == 3
    # Now the topic runs a minute past the part: the end moves back with it.
    whole = session.status()
    assert (whole.projected_end - whole.at).total_seconds() == (3 + 5) * 60
    clock.advance(minutes=3)
    assert session.topics.thumbs(6, 0, 0) == 0
    assert session.topics.take_next().words == "Quiet rooms"  # type: ignore[union-attr]
    assert session.topics.take_next() is None
    assert board(session).current is None
    with pytest.raises(SessionError, match="no topic is waiting"):
        session.topics.take_next()
