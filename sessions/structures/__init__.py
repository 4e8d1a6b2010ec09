"""The structures peer groups use, timed natively: Troika, Wise Crowds, 1-2-4-All and more.

A part's timing mark may name a structure (``(60 min, wise crowds, 4 clients)``). The
:mod:`.catalogue` holds each structure's published steps and cues; :mod:`.marks` reads
the words of a mark; :mod:`.expand` fits a structure to a part as timed :class:`Step`
values; :mod:`.progress` follows the steps while a session runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.structures.catalogue import STRUCTURES as STRUCTURES
    from circlekeeper.sessions.structures.catalogue import Structure as Structure
    from circlekeeper.sessions.structures.expand import Step as Step
    from circlekeeper.sessions.structures.expand import expand as expand
    from circlekeeper.sessions.structures.marks import StructureMark as StructureMark
    from circlekeeper.sessions.structures.marks import read_structure as read_structure

__all__ = ["STRUCTURES", "Step", "Structure", "StructureMark", "expand", "read_structure"]

__getattr__ = lazy_exports(
    __name__,
    {
        "STRUCTURES": "catalogue",
        "Structure": "catalogue",
        "Step": "expand",
        "expand": "expand",
        "StructureMark": "marks",
        "read_structure": "marks",
    },
)
