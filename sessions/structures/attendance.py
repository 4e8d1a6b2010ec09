"""Whether a structure fits the group expected: enough people, and a client each at most.

``templates check --attendance N`` asks this of every structured part, so a coordinator
finds out before the meeting that a Wise Crowds of four clients will not work for three.
"""

from __future__ import annotations

from circlekeeper.sessions.structures.expand import unit_count
from circlekeeper.sessions.structures.marks import StructureMark

PEOPLE_UNITS = ("client", "presenter", "case")
"""Repeats that each need one person of the group: a client, a presenter, a case's owner."""


def attendance_problem(mark: StructureMark, minutes: int, attendance: int) -> str | None:
    """Why ``mark`` in a part of ``minutes`` does not fit ``attendance`` people, or ``None``."""
    structure = mark.structure
    people = "1 person" if attendance == 1 else f"{attendance} people"
    if attendance < structure.least_people:
        return f"{structure.title} needs at least {structure.least_people} people, not {people}"
    count = unit_count(mark, minutes)
    if structure.unit in PEOPLE_UNITS and count > attendance:
        return (
            f"{mark.words()} asks for {count} {structure.unit}s but only {people} are "
            f"expected; write e.g. {structure.name}, {attendance} {structure.unit}s"
        )
    return None
