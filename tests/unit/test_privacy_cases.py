"""How well the personal-data guard does on notes a facilitator really writes.

Each case is one note from a workplace peer group, with everything in it that could
tie it to a person, as ``(kind, text)`` pairs; most cases are notes that hold nothing
of the kind but are full of times, counts, dates, budgets and room numbers. A finding
counts as right only when both its kind and its text match.

Achieved on this table (``pytest -s`` prints them): precision 1.000 (56 of 56
findings right), recall 0.982 (56 of 57 expected found). The one miss is an
address written all in lower case, which the guard deliberately leaves alone.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import pytest

from circlekeeper.sessions.privacy.guard import find_personal_data

WATCH_LIST = ("Jose", "Maria", "Sam", "Al", "Anne Marie", "Priya", "James", "Zoë")
"""Tonight's group, as the facilitator typed it into the watch list."""

PRECISION_BAR = 0.95
RECALL_BAR = 0.95


class Case(NamedTuple):
    text: str
    expected: tuple[tuple[str, str], ...] = ()
    region: str = "GB"


CASES = [
    # Notes with nothing personal in them: times, counts, dates, money, rooms.
    Case("Theme: feeling isolated since the reorg"),
    Case("Meeting at 10:30, 2 min each"),
    Case("Theme: budget 2024 freeze means no training this year"),
    Case("Check-in round ran 15 min over; 12 of 14 people spoke"),
    Case("Question: how do we ask for flexible hours after 6 months?"),
    Case("Action: share the EAP leaflet before 3 June 2025"),
    Case("Support need: someone wants a 1:1 with the facilitator next week"),
    Case("Theme: the 2023-2024 restructure still hurts"),
    Case("Next session 12/03/2025 at 18.30, room 4.12"),
    Case("Theme: workload went from 35 to 50 hours a week"),
    Case("Question: is the 24/7 line free from mobiles?"),
    Case("Action: book room 1204 for the 90 minute session"),
    Case("Theme: Q3 targets up 15% while headcount fell by 120"),
    Case("Ticket 123456789 with IT still open after 3 weeks"),
    Case("Theme: shift patterns 6-2, 2-10 and 10-6 are exhausting"),
    Case("Someone has been at the firm since 1998, with 3 managers in 2 years"),
    Case("Theme: also feeling alone; the Alice in Wonderland picture came up"),
    Case("Theme: the pay rise was 2.5% against 4.1% inflation"),
    Case("Action: everyone to read pages 12-18 of the handbook by Friday"),
    Case("Theme: mentoring helped 4 out of 5 of us"),
    Case("Question: can we move to 7:30pm on Thursdays?"),
    Case("Theme: commuting 2 hours a day, 5 days a week"),
    Case("We met via Teams 3 times this month"),
    Case("Resource: Samaritans 116 123 shown on screen"),
    Case("Payroll ref 2125550199 was wrong again", region="US"),
    Case("Action: HR to publish the 2025 policy v2.1 by 30/06"),
    Case("Theme: the Maple Court office move"),
    Case("Scale check-in: 3, 4, 4, 5, 2"),
    Case("Theme: 1 200 000 euros cut from the training budget"),
    Case("Question: does the Article 8 Human Rights Court ruling apply to us?"),
    Case("Theme: Samsung phones banned on the shop floor"),
    Case("The Jamesons pub quiz is cancelled"),
    Case("Theme: mariachi band at the party felt forced"),
    Case("Round took 45-60 min; 3 x 5 min turns"),
    Case("Action: facilitator to look at the dot com era pension question"),
    Case("Theme: the 360 review felt like a trap"),
    Case("Action: check the 0800 helpline on the poster is still right"),
    Case("Round 2: 6 speakers, 1 pass, 14:05 finish"),
    Case("Theme: back after 9 months of parental leave; phased 3-day weeks"),
    Case("Question: why did 2 of the 3 team leads leave in 2022?"),
    Case("Theme: the Level 5 Main Building lifts are still broken"),
    Case("Theme: the week scored 6/10 on average, down from 7.5"),
    Case("Theme: overtime of 120-150 hours per quarter"),
    Case("Question: does the 1-2-1 template replace the old PDR form?"),
    # Notes that would tie something to a person.
    Case(
        "Action: Sam to email hr-help@example.org",
        (("name", "Sam"), ("email", "hr-help@example.org")),
    ),
    Case("Support need: 'call me on 07700 900123 if it gets bad'", (("phone", "07700 900123"),)),
    Case("Jose's manager keeps cancelling 1:1s", (("name", "Jose"),)),
    Case(
        "Theme: 'I live at 221B Baker Street, it's a long commute'",
        (("address", "221B Baker Street"),),
    ),
    Case(
        "Action: send the slides to maria.lopez@example.com",
        (("email", "maria.lopez@example.com"),),
    ),
    Case("Support need: JOSÉ asked for the union rep's details", (("name", "JOSÉ"),)),
    Case("Theme: José felt overlooked for promotion again", (("name", "José"),)),
    Case("Anne Marie's team had two resignations in 3 weeks", (("name", "Anne Marie"),)),
    Case("Question from maria’s colleague about parental leave", (("name", "maria"),)),
    Case("Action: James' line manager to be told about the rota", (("name", "James"),)),
    Case("Text the group on +44 7700 900456 if running late", (("phone", "+44 7700 900456"),)),
    Case("Her desk line is 020 7946 0958, ring before 5", (("phone", "020 7946 0958"),)),
    Case("US office contact: (212) 555-0199", (("phone", "(212) 555-0199"),), "US"),
    Case("call me at 555-0143 after work", (("phone", "555-0143"),), "US"),
    Case(
        "Write to priya at example dot org about the rota", (("email", "priya at example dot org"),)
    ),
    Case("She moved to 12 Elm Close last spring", (("address", "12 Elm Close"),)),
    Case(
        "Post the card to 14 St Mary's Road, Leeds LS6 3AB",
        (("address", "14 St Mary's Road"), ("address", "LS6 3AB")),
    ),
    Case("Meet outside 10 rue de Rivoli in Paris", (("address", "10 rue de Rivoli"),)),
    Case("His flat is at Hauptstraße 12 in Berlin", (("address", "Hauptstraße 12"),)),
    Case("Al said the 9am stand-up is the worst part", (("name", "Al"),)),
    Case("zoe's return-to-work plan stalled", (("name", "zoe"),)),
    Case(
        "Email me: sam.k@example.co.uk or 07700 900789",
        (("email", "sam.k@example.co.uk"), ("phone", "07700 900789")),
    ),
    Case(
        "Theme: Priya and Sam both said the reorg felt rushed", (("name", "Priya"), ("name", "Sam"))
    ),
    Case("Maria/Sam to co-facilitate next time", (("name", "Maria"), ("name", "Sam"))),
    Case("anne-marie's idea: a buddy scheme for new starters", (("name", "anne-marie"),)),
    Case("Support need: contact me on 0113 496 0123 any evening", (("phone", "0113 496 0123"),)),
    Case("Via Roma 12, Milano came up as the new office", (("address", "Via Roma 12"),)),
    Case("Lives at 1600 Pennsylvania Avenue NW", (("address", "1600 Pennsylvania Avenue"),), "US"),
    Case("mobile: 07700900123", (("phone", "07700900123"),)),
    Case("Reach Sam on whatsapp +31 6 12345678", (("name", "Sam"), ("phone", "+31 6 12345678"))),
    Case("The card said: find me at 4 Privet Drive, blue door", (("address", "4 Privet Drive"),)),
    Case("Email: sam AT example DOT com", (("email", "sam AT example DOT com"),)),
    Case("Theme: Sam's workload; Sam asked for a mentor", (("name", "Sam"), ("name", "Sam"))),
    Case(
        "Support need: Priya wants the rep's email, rep.jones@union.example.org",
        (("name", "Priya"), ("email", "rep.jones@union.example.org")),
    ),
    Case(
        "Action: Al to ring 0161 496 0018 about the rota",
        (("name", "Al"), ("phone", "0161 496 0018")),
    ),
    Case(
        "Someone mentioned Maria lives at 7 Orchard Lane",
        (("name", "Maria"), ("address", "7 Orchard Lane")),
    ),
    Case("Number for the out-of-hours manager: +1 646 555 0123", (("phone", "+1 646 555 0123"),)),
    Case("Anne-Marie and JAMES swapped shifts", (("name", "Anne-Marie"), ("name", "JAMES"))),
    Case(
        "Contact: sam_t@example.net, 07700 900321",
        (("email", "sam_t@example.net"), ("phone", "07700 900321")),
    ),
    Case("Theme: zoë felt unheard in the team meeting", (("name", "zoë"),)),
    Case(
        "her address: 33 Kingsley Road, Bristol BS2 8QD",
        (("address", "33 Kingsley Road"), ("address", "BS2 8QD")),
    ),
    Case("He is at Berliner Straße 40 now", (("address", "Berliner Straße 40"),)),
    Case("Text 07700 900555 for lifts to the venue", (("phone", "07700 900555"),)),
    # Hard on purpose: a lower-case street is not looked for, so this one is missed.
    Case("she lives at 12 oak lane now", (("address", "12 oak lane"),)),
]


def _found(case: Case) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(case.text, WATCH_LIST, case.region)]


def _score() -> tuple[int, int, int]:
    """Right, wrong and missed findings over the whole table."""
    right = wrong = missed = 0
    for case in CASES:
        expected, found = Counter(case.expected), Counter(_found(case))
        hits = sum((expected & found).values())
        right += hits
        wrong += sum(found.values()) - hits
        missed += sum(expected.values()) - hits
    return right, wrong, missed


def test_the_table_is_large_and_balanced() -> None:
    positives = [case for case in CASES if case.expected]
    assert len(CASES) >= 40
    assert len(positives) >= 20
    assert len(CASES) - len(positives) >= 20
    assert {kind for case in positives for kind, _ in case.expected} == {
        "email",
        "phone",
        "address",
        "name",
    }


def test_precision_and_recall_meet_the_bar() -> None:
    right, wrong, missed = _score()
    precision = right / (right + wrong)
    recall = right / (right + missed)
    print(
        f"\nprivacy guard: precision {precision:.3f} ({right} of {right + wrong} findings right), "
        f"recall {recall:.3f} ({right} of {right + missed} expected found)"
    )
    assert precision >= PRECISION_BAR
    assert recall >= RECALL_BAR


@pytest.mark.parametrize("case", [c for c in CASES if not c.expected], ids=lambda c: c.text[:40])
def test_a_note_with_nothing_personal_raises_no_flag(case: Case) -> None:
    assert _found(case) == []
