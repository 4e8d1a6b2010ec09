"""Structures fitted to parts: golden expansions, the rules every expansion keeps, and the
messages a template gets for a structure it names badly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.sessions.structures.catalogue import STRUCTURES
from circlekeeper.sessions.structures.expand import apportion, expand, shortest_minutes
from circlekeeper.sessions.structures.marks import StructureMark, read_structure
from circlekeeper.sessions.templates.agenda import Agenda
from circlekeeper.sessions.templates.parse import check_template

GOLDEN = Path(__file__).parent / "fixtures" / "structures" / "expansions.txt"


def _cases() -> list[tuple[str, int, list[int]]]:
    cases = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words, minutes, steps = (field.strip() for field in line.split("|"))
            cases.append((words, int(minutes), [int(s) for s in steps.split()]))
    return cases


def _mark(words: str) -> StructureMark:
    mark, problems = read_structure([w.strip() for w in words.split(",")])
    assert problems == [] and mark is not None
    return mark


@pytest.mark.parametrize(("words", "minutes", "steps"), _cases(), ids=lambda c: str(c))
def test_golden_expansion(words: str, minutes: int, steps: list[int]) -> None:
    assert [step.minutes for step in expand(_mark(words), minutes)] == steps


def test_the_golden_cases_cover_every_structure() -> None:
    named = {_mark(words).name for words, _, _ in _cases()}
    assert named == set(STRUCTURES)


def test_a_troika_names_its_clients_and_tells_the_room_what_to_do() -> None:
    steps = expand(_mark("troika"), 30)
    assert (steps[0].name, steps[0].who) == ("Think", "")
    consult = steps[3]
    assert consult.who == "Client 1 of 3"
    assert consult.cue == "Client: turn your back — consultants talk"
    assert steps[-1].who == "Client 3 of 3"
    cues = [s.cue for s in expand(_mark("1-2-4-all"), 12)]
    assert cues[1:3] == ["Pairs", "Foursomes"]
    balint = expand(_mark("balint"), 45)
    assert "Presenter listens only" in balint[2].cue


MARKS = st.sampled_from(
    [
        "troika", "troika, 1 client", "troika, 5 clients", "wise crowds", "wise crowds, 7 clients",
        "lean coffee", "lean coffee, 5 min a topic", "lean coffee, 7+5+3", "1-2-4-all",
        "1-3-all", "action learning", "action learning, 4 presenters", "balint",
        "balint, 3 cases", "intervision", "intervision, 2 cases",
    ]
)  # fmt: skip


@given(MARKS, st.integers(min_value=1, max_value=480))
def test_steps_always_sum_to_the_part_each_at_least_a_minute(words: str, minutes: int) -> None:
    mark = _mark(words)
    if minutes < shortest_minutes(mark, minutes):
        with pytest.raises(ValueError, match="too short"):
            expand(mark, minutes)
        return
    steps = expand(mark, minutes)
    assert sum(s.minutes for s in steps) == minutes
    assert all(s.minutes >= 1 for s in steps)


@given(
    st.lists(st.floats(min_value=0.5, max_value=40), min_size=1, max_size=30),
    st.integers(min_value=0, max_value=10_000),
)
def test_apportion_keeps_floors_and_the_total(weights: list[float], extra: int) -> None:
    total = len(weights) * 60 + extra
    shares = apportion(weights, total, 60)
    assert sum(shares) == total and min(shares) >= 60


def _problems(heading: str) -> list[str]:
    _, problems = check_template(f"# T\n\n## {heading}\n\n- a prompt\n", "t.md")
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Peers (30 min, troica)",
            "t.md:3: 'troica' is not a timing mark; write e.g. (15 min, round 2 min, fixed), "
            "or name a structure: troika, wise crowds, 1-2-4-all",
        ),
        (
            "Peers (10 min, troika)",
            "t.md:3: 10 min is too short for troika; it needs at least 13 min (1 min a step)",
        ),
        ("Peers (20 min, wise crowds, 3 clients)", ""),
        (
            "Peers (5 min, lean coffee, 8 min a topic)",
            "t.md:3: 5 min is too short for lean coffee, 8 min a topic; it needs at least 10 min",
        ),
        ("Peers (30 min, lean coffee, 3+5)", "t.md:3: Lean Coffee's boxes shrink, like 7+5+3"),
        ("Peers (30 min, troika, 8 min a topic)", "t.md:3: '8 min a topic' does not fit"),
        ("Peers (12 min, 1-2-4-all, 3 clients)", "t.md:3: 1-2-4-All takes no other marks"),
        ("Peers (30 min, round 2 min, troika)", "t.md:3: a part is a speaking round or a"),
        ("Peers (30 min, troika, 99 clients)", "t.md:3: a client count is between 1 and 20"),
    ],
)
def test_a_badly_named_structure_is_a_line_numbered_message(heading: str, expected: str) -> None:
    problems = _problems(heading)
    if not expected:
        assert problems == []
        return
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_structured_part_survives_a_session_copy() -> None:
    source = "# T\n\n## Consult (60 min, wise crowds, 4 clients)\n\n- a prompt\n"
    agenda, problems = check_template(source, "t.md")
    assert problems == [] and agenda is not None
    part = agenda.parts[0]
    assert part.structure == StructureMark("wise crowds", 4)
    assert len(part.steps) == 16
    assert Agenda.from_dict(agenda.to_dict()) == agenda
