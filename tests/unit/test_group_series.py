"""A group meeting three times, on the engine with a fake clock and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from circlekeeper.sessions.engine.clock import FakeClock
from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SessionError, StorageError
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.export.json_format import schema
from circlekeeper.sessions.groups import (
    GroupStore,
    Outcome,
    candidates,
    finish_meeting,
    mark_item,
    meeting_agenda,
    meeting_of,
    start_meeting,
)
from circlekeeper.sessions.groups.agenda import AGREEMENTS_TITLE, FROM_LAST_TIME_TITLE
from circlekeeper.sessions.groups.history import history_figures
from circlekeeper.sessions.groups.model import Group
from circlekeeper.sessions.reports.figures import figures_of
from circlekeeper.sessions.templates.agenda import Agenda, Block
from tests.unit.engine_support import agenda, file_record, part


def first_meeting() -> Agenda:
    starters = (Block("What is said here stays here.", 3), Block("What else do we need?", 4))
    return Agenda(
        name="first",
        title="First meeting",
        parts=(
            part("Welcome", 10),
            part("Making our agreements", 20, prompts=starters),
            part("Check-out", 10, fixed=True),
        ),
    )


def exported_record(session: Session) -> str:
    """The session's facilitator record, as ``export --format json`` writes it."""
    return render(summary_of(session, Audience.FACILITATOR), Format.JSON)


def run(
    tmp_path: Path, store: GroupStore, clock: FakeClock, name: str, the_agenda: Agenda, *,
    newcomers: int, number: int,
) -> Session:  # fmt: skip
    group = store.find(name)
    session = Session.create(
        file_record(tmp_path / f"s{number}.json"),
        meeting_agenda(the_agenda, group, newcomers=newcomers),
        clock,
        session_id=f"2026-03-0{number}-test",
        attendance=6,
    )
    start_meeting(store, group, session, newcomers=newcomers, now=clock.now())
    session.start()
    return session


def test_three_meetings_carry_each_item_once_and_keep_its_outcome(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = GroupStore(tmp_path / "groups")
    store.create("Tuesday circle", clock.now())

    # Meeting 1: no items yet, so no "From last time"; an action and a parked topic.
    one = run(tmp_path, store, clock, "Tuesday circle", first_meeting(), newcomers=6, number=1)
    assert [p.title for p in one.agenda.parts] == ["Welcome", "Making our agreements", "Check-out"]
    one.next_part()
    one.add_note("We keep phones away", NoteKind.THEME)
    action = one.add_note("Try a lunch walk once a week", NoteKind.ACTION)
    parked = one.add_note("Workload in busy season", NoteKind.PARKED)
    one.add_note("Not carried", NoteKind.ACTION)
    clock.advance(minutes=25)
    one.end()
    assert {c.note_id for c in candidates(one)} >= {action.id, parked.id}
    group = finish_meeting(store, one, [action.id, parked.id], clock.now())
    assert [i.text for i in group.items] == [
        "Try a lunch walk once a week",
        "Workload in busy season",
    ]
    assert group.agreements == ("We keep phones away",)
    assert group.template == "first"
    # Finishing again adds nothing.
    assert finish_meeting(store, one, [action.id], clock.now()).history == group.history

    # Meeting 2: both items shown once; one done, one carried again; a newcomer.
    two = run(tmp_path, store, clock, "Tuesday circle", agenda(), newcomers=1, number=2)
    titles = [p.title for p in two.agenda.parts]
    assert titles[:2] == [AGREEMENTS_TITLE, FROM_LAST_TIME_TITLE]
    assert [b.text for b in two.agenda.parts[0].prompts] == ["We keep phones away"]
    shown = [b.text for b in two.agenda.parts[1].prompts]
    assert shown == ["Action: Try a lunch walk once a week", "Topic: Workload in busy season"]
    # The opening's 3 + 5 minutes came from the first parts that are not fixed.
    assert two.agenda.minutes == agenda().minutes
    assert [p.minutes for p in two.agenda.parts[2:]] == [2, 15, 25, 10]
    meeting = meeting_of(two)
    assert meeting is not None and meeting.from_last_time_part(two) == 1
    walk, workload = meeting.brought
    mark_item(two, walk.id, Outcome.DONE)
    mark_item(two, workload.id, Outcome.CARRIED)
    with pytest.raises(SessionError):
        mark_item(two, "no-such-item", Outcome.DONE)
    two.end()
    group = finish_meeting(store, two, [], clock.now())
    assert [(i.text, i.carried) for i in group.items] == [("Workload in busy season", 2)]
    # The agenda the group ran last is its usual one now.
    assert group.template == "test-agenda"

    # Meeting 3: no newcomer, so no agreements; the carried topic once; dropped now.
    three = run(tmp_path, store, clock, "Tuesday circle", agenda(), newcomers=0, number=3)
    assert [p.title for p in three.agenda.parts][:2] == [FROM_LAST_TIME_TITLE, "Welcome"]
    assert [b.text for b in three.agenda.parts[0].prompts] == ["Topic: Workload in busy season"]
    (item,) = meeting_of(three).brought  # type: ignore[union-attr]
    mark_item(three, item.id, Outcome.DROPPED)
    three.end()
    group = finish_meeting(store, three, [], clock.now())
    assert group.items == ()

    # The records keep each outcome; the history has one entry of counts per meeting.
    reread = Session.resume(file_record(tmp_path / "s2.json"), clock, read_only=True)
    assert meeting_of(reread).outcomes == {  # type: ignore[union-attr]
        walk.id: Outcome.DONE, workload.id: Outcome.CARRIED,
    }  # fmt: skip
    assert [h["session"] for h in group.history] == [one.id, two.id, three.id]
    # Exactly the figures a report reads from each session's exported facilitator record.
    first, second, third = history_figures(group)
    for figures, session in [(first, one), (second, two), (third, three)]:
        assert figures == figures_of(json.loads(exported_record(session)))
    assert first is not None and second is not None and third is not None
    assert first.attendance == 6 and first.newcomers == 6
    assert (second.newcomers, third.newcomers) == (1, 0)
    assert first.notes_of("action") == 2 and first.minutes_run == 25
    assert first.minutes_planned == 40
    record = json.loads(exported_record(two))
    assert record["session"]["newcomers"] == 1
    Draft202012Validator(schema()).validate(record)
    assert group.sessions == (one.id, two.id, three.id)
    for entry in group.history:  # numbers only, never a word anyone wrote
        assert "Workload" not in repr(entry) and "phones" not in repr(entry)


def test_history_written_in_the_earlier_counts_shape_still_reads() -> None:
    earlier = {
        "session": "2026-01-05-x", "date": "2026-01-05", "attendance": 7, "newcomers": 2,
        "minutes_planned": 60, "minutes_run": 58, "parts_overran": 1, "crisis_uses": 0,
        "notes": {"theme": 3, "action": 1, "question": 0, "support_need": 0, "parked": 2},
        "mood": {"4": 3}, "items": {"done": 1, "carried": 0, "dropped": 0, "unmarked": 0},
    }  # fmt: skip
    undated = {**earlier, "date": ""}
    broken = {"session": "2026-01-12-x", "attendance": "seven"}
    data = Group(id="g1", name="Tuesday circle").to_dict()
    data["history"] = [earlier, undated, broken]
    converted, no_day, unavailable = history_figures(Group.from_dict(data))
    assert converted is not None and no_day is not None and unavailable is None
    assert converted.attendance == 7 and converted.newcomers == 2 and converted.notes[0] == 3
    assert converted.mood == (0, 0, 0, 3, 0) and no_day.date is None


def test_a_damaged_group_file_is_named_and_the_others_still_list(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = GroupStore(tmp_path / "groups")
    store.create("Tuesday circle", clock.now())
    (tmp_path / "groups" / "broken.json").write_text("{not json", encoding="utf-8")
    listing = store.list()
    assert [g.name for g in listing.groups] == ["Tuesday circle"]
    (problem,) = listing.problems
    assert "broken.json" in problem and "other groups" in problem
    with pytest.raises(StorageError, match="already"):
        store.create("tuesday  CIRCLE", clock.now())
    with pytest.raises(StorageError, match="personal data"):
        store.create("sam@example.com group", clock.now())
