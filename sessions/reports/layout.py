"""A published table laid out in rows for a renderer: labels, entries as text, and n.

Every renderer walks :func:`table_rows`, so the CSV, the JSON and the HTML show the same
entries with the same marks (``<k`` below k, ``suppressed`` where a total would give one
away), and each row says how many sessions it covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from circlekeeper.sessions.languages.speaking import N_
from circlekeeper.sessions.reports.disclosure import Entry, Mark, PublishedTable

TOTAL_ROW = N_("All sessions")
TOTAL_COLUMN = N_("Total")
HIDDEN_WORD = "suppressed"
"""How an entry hidden to protect a ``<k`` one is marked where a dash would be unclear."""


@dataclass(frozen=True)
class LaidOutRow:
    """One row of a table as published."""

    label: str
    """The session's label, or :data:`TOTAL_ROW`."""
    entries: tuple[Entry, ...]
    """One entry a column, then the row's total if the table has one."""
    sessions: int
    """How many sessions the row covers (its n)."""
    total: bool
    """Whether this is the row of totals."""


def columns(table: PublishedTable) -> list[str]:
    """The column headings, with :data:`TOTAL_COLUMN` when rows add up."""
    names = list(table.table.columns)
    if table.table.row_totals:
        names.append(TOTAL_COLUMN)
    return names


def table_rows(table: PublishedTable) -> Iterator[LaidOutRow]:
    """Each session's row, then the totals row when columns add up."""
    width = len(columns(table))
    for r, label in enumerate(table.table.rows):
        yield LaidOutRow(label, tuple(table.entry(r, c) for c in range(width)), 1, False)
    if table.table.column_totals:
        height = len(table.table.rows)
        entries = tuple(table.entry(height, c) for c in range(width))
        yield LaidOutRow(TOTAL_ROW, entries, table.n, True)


def entry_text(entry: Entry, k: int) -> str:
    """An entry for a file: the count, ``<k``, or :data:`HIDDEN_WORD`."""
    if entry.mark is Mark.HIDDEN:
        return HIDDEN_WORD
    return entry.text(k)
