"""A summary's notes as CSV: one row a note, for a spreadsheet.

The facilitator record's rows carry every note with where it came from and whether it is
for the record only; the handout's carry just what the handout shows (the summary was
filtered for its audience before it reaches here, so facilitator-only notes are absent).
"""

from __future__ import annotations

from circlekeeper.sessions.export.model import Audience, Summary
from circlekeeper.sessions.spreadsheets.cells import csv_text

HANDOUT_COLUMNS = ("date", "agenda", "part", "part_title", "kind", "note")
"""The handout's columns."""

RECORD_COLUMNS = (
    *HANDOUT_COLUMNS,
    "minutes_in",
    "source",
    "facilitator_only",
    "kept_personal_data",
)
"""The facilitator record's columns: the handout's, then when and how each note came."""


def notes_csv(summary: Summary) -> str:
    """One CSV row per note the summary's audience may see, by part then as taken."""
    record = summary.audience is Audience.FACILITATOR
    day = summary.day.isoformat() if summary.day else ""
    rows: list[list[object]] = []
    for part in summary.parts:
        for note in part.notes:
            row: list[object] = [
                day,
                summary.title,
                part.index + 1,
                part.title,
                note.kind.value.replace("_", " "),
                note.text,
            ]
            if record:
                row += [
                    round(note.elapsed / 60, 1),
                    note.source.value,
                    note.facilitator_only,
                    bool(note.kept),
                ]
            rows.append(row)
    return csv_text(RECORD_COLUMNS if record else HANDOUT_COLUMNS, rows)
