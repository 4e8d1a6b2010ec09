"""Whether a structure fits the group expected: enough people, and a client each at most.

``templates check --attendance N`` asks this of every structured part, so a coordinator
finds out before the meeting that a Wise Crowds of four clients will not work for three.
"""

from __future__ import annotations

from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.sessions.structures.expand import unit_count
from circlekeeper.sessions.structures.marks import StructureMark

PEOPLE_UNITS = ("client", "presenter", "case")
"""Repeats that each need one person of the group: a client, a presenter, a case's owner."""


def attendance_problem(mark: StructureMark, minutes: int, attendance: int) -> str | None:
    """Why ``mark`` in a part of ``minutes`` does not fit ``attendance`` people, or ``None``."""
    structure = mark.structure
    people = ngettext("{count} person", "{count} people", attendance).format(count=attendance)
    if attendance < structure.least_people:
        return _("{structure} needs at least {least} people, not {people}").format(
            structure=_(structure.title), least=structure.least_people, people=people
        )
    count = unit_count(mark, minutes)
    if structure.unit in PEOPLE_UNITS and count > attendance:
        # The unit is a template keyword, so its English plural is what to write.
        return _(
            "{mark} asks for {count} {unit}s but only {people} are expected; "
            "write e.g. {name}, {attendance} {unit}s"
        ).format(
            mark=mark.words(), count=count, unit=structure.unit, people=people,
            name=structure.name, attendance=attendance,
        )  # fmt: skip
    return None
