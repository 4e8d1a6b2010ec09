"""A structured part's steps in the JSON facilitator record, planned against actual.

A part run as a structure (a Troika, Wise Crowds, an action learning set...) carries
``steps``: each step in the order the structure takes them, with its name from the
structure catalogue, whom it is for (``Client 2 of 3``, as the Markdown and HTML records
word it; ``null`` for a step taken once), its planned and actual seconds, and whether it
ran past its plan. The field is there only for a structured part, so a record without
structures reads exactly as it did before steps were recorded. No participant's words are
in it: the names and the "who" are the catalogue's own.
"""

from __future__ import annotations

from typing import Any

from circlekeeper.sessions.export.model import PartDetails
from circlekeeper.sessions.structures.progress import StepRecord


def _step(step: StepRecord) -> dict[str, Any]:
    overrun = round(max(0.0, step.actual_seconds - step.planned_seconds), 3)
    return {
        "name": step.name,
        "who": step.who or None,
        "planned_seconds": step.planned_seconds,
        "actual_seconds": round(step.actual_seconds, 3),
        "overrun_seconds": overrun,
        # Said outright, so a reader need not compare two rounded numbers to know.
        "overran": overrun > 0,
    }


def steps_field(details: PartDetails) -> dict[str, Any]:
    """``{"steps": [...]}`` for a structured part's record, else nothing at all."""
    if not details.steps:
        return {}
    return {"steps": [_step(step) for step in details.steps]}
