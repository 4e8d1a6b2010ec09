"""An exact reader of a published table, for the disclosure tests.

:func:`possible_values` finds every value each suppressed entry could have, given all that
is published: the shown counts, that ``<k`` means 0 to k-1 and a hidden entry at least k,
and that cells add up to their totals. It enumerates the suppressed cells row by row
(independently of the suppressor's own reasoning), so keep tables small.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from circlekeeper.sessions.reports.disclosure import Mark, PublishedTable

HIDDEN_SPAN = 5
"""A hidden cell under no shown total is tried up to the largest cell + this."""


def _fits(mark: Mark, shown: int | None, value: int, k: int) -> bool:
    if mark is Mark.SHOWN:
        return value == shown
    if mark is Mark.BELOW_K:
        return value < k
    return value >= k


def _add(sums: tuple[int, ...], row: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a + b for a, b in zip(sums, row, strict=True))


def possible_values(published: PublishedTable) -> dict[tuple[int, int], set[int]]:
    """Every value each suppressed entry (cell or total) could take."""
    table = published.table
    if len(table.columns) <= len(table.rows):
        return _possible(published)
    # Step along the longer side, so the partial sums carried are the fewer.
    flipped = PublishedTable(
        replace(
            table,
            rows=table.columns,
            columns=table.rows,
            values=tuple(zip(*table.values, strict=True)),
            row_totals=table.column_totals,
            column_totals=table.row_totals,
        ),
        published.k,
        {(c, r): mark for (r, c), mark in published.marks.items()},
    )
    return {(r, c): found for (c, r), found in _possible(flipped).items()}


def _possible(published: PublishedTable) -> dict[tuple[int, int], set[int]]:
    table, k = published.table, published.k
    height, width = len(table.rows), len(table.columns)
    entry = published.entry
    largest = max(max(row) for row in table.values) + HIDDEN_SPAN

    def top(r: int, c: int) -> int:
        # A hidden cell is at most any shown total of its lines.
        totals = [published.row_total(r), published.column_total(c)]
        return min([t.value for t in totals if t is not None and t.value is not None] + [largest])

    row_choices = []
    for r in range(height):
        domains = []
        for c in range(width):
            e = entry(r, c)
            if e.mark is Mark.SHOWN:
                domains.append([e.value])
            elif e.mark is Mark.BELOW_K:
                domains.append(list(range(k)))
            else:
                domains.append(list(range(k, top(r, c) + 1)))
        rows = []
        for row in itertools.product(*domains):
            total = published.row_total(r)
            if total is None or _fits(total.mark, total.value, sum(row), k):
                rows.append(row)
        row_choices.append(rows)

    def complete(sums: tuple[int, ...]) -> bool:
        if not table.column_totals:
            return True
        for c in range(width):
            t = published.column_total(c)
            if not _fits(t.mark, t.value, sums[c], k):
                return False
        if table.row_totals:
            t = published.column_total(width)
            return _fits(t.mark, t.value, sum(sums), k)
        return True

    forward = [{(0,) * width}]
    for rows in row_choices:
        forward.append({_add(s, row) for s in forward[-1] for row in rows})
    good = [set() for _ in range(height + 1)]
    good[height] = {s for s in forward[height] if complete(s)}
    for r in range(height - 1, -1, -1):
        good[r] = {
            s for s in forward[r] if any(_add(s, row) in good[r + 1] for row in row_choices[r])
        }
    found: dict[tuple[int, int], set[int]] = {
        p: set() for p, m in published.marks.items() if m is not Mark.SHOWN
    }
    for r in range(height):
        for s in good[r]:
            for row in row_choices[r]:
                if _add(s, row) not in good[r + 1]:
                    continue
                for c, value in enumerate(row):
                    if (r, c) in found:
                        found[r, c].add(value)
                if (r, width) in found:
                    found[r, width].add(sum(row))
    for s in good[height]:
        for c in range(width):
            if (height, c) in found:
                found[height, c].add(s[c])
        if (height, width) in found:
            found[height, width].add(sum(s))
    return found
