"""Disclosure control: no count of fewer than k people can be seen or worked out.

A report is made of :class:`Table` s: rows (sessions) by columns (figures), with totals of
rows, of columns, or both. :func:`publish` turns one into a :class:`PublishedTable`:

- Primary suppression: in a table that counts people, every entry below k (a cell or a
  total) is shown as ``<k`` (:attr:`Mark.BELOW_K`).
- Secondary suppression: an entry is hidden as well (:attr:`Mark.HIDDEN`) wherever the
  published entries would let a suppressed one be worked out. :func:`exposed` plays the
  reader who knows every published number, that a ``<k`` entry is from 0 to k-1 and a
  hidden one is at least k, and that each line of cells adds up to its total; it narrows
  what each entry can be, line by line, until nothing changes. Whatever it pins down to
  one value makes :func:`publish` hide one more published entry in its lines (the
  smallest, so the least is lost), and ask again.
- Every published table carries its n: how many sessions it counts.

k is never below :data:`MIN_K`; :func:`check_k` says so in one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from circlekeeper.sessions.languages.speaking import _

DEFAULT_K = 5
"""The smallest count shown as it is, unless the facilitator or coordinator sets another."""

MIN_K = 3
"""k is never below this: a count of one or two people points at someone."""

Position = tuple[int, int]
"""An entry's place in the table with its totals: (row, column); totals come last."""


class Mark(str, Enum):
    """How an entry is published."""

    SHOWN = "shown"
    BELOW_K = "below_k"
    """Fewer than k: shown as ``<k``."""
    HIDDEN = "hidden"
    """k or more, hidden so that a ``<k`` entry cannot be worked out."""


class DisclosureError(ValueError):
    """A k below :data:`MIN_K`; the message says so."""


def check_k(k: int) -> int:
    """``k`` when it may be used.

    Raises:
        DisclosureError: ``k`` is below :data:`MIN_K`.
    """
    if k < MIN_K:
        raise DisclosureError(
            _(
                "the minimum count must be at least {lowest} (got {value}): "
                "a smaller count could point at one person"
            ).format(lowest=MIN_K, value=k)
        )
    return k


@dataclass(frozen=True)
class Table:
    """Counts before disclosure control."""

    title: str
    """What the table counts."""
    rows: tuple[str, ...]
    """Row labels (usually the sessions)."""
    columns: tuple[str, ...]
    """Column labels (the figures)."""
    values: tuple[tuple[int, ...], ...]
    """One tuple of counts a row, one count a column."""
    row_totals: bool = False
    """Whether each row's cells add up to a published row total."""
    column_totals: bool = True
    """Whether each column's cells add up to a published column total."""
    people: bool = True
    """Whether the table counts people (or their answers), so it is disclosure-controlled."""

    def entries(self) -> dict[Position, int]:
        """Every cell and total, by position; totals sit in the last row and column."""
        found: dict[Position, int] = {}
        height, width = len(self.rows), len(self.columns)
        for r, row in enumerate(self.values):
            for c, value in enumerate(row):
                found[r, c] = value
            if self.row_totals:
                found[r, width] = sum(row)
        if self.column_totals:
            for c in range(width):
                found[height, c] = sum(row[c] for row in self.values)
            if self.row_totals:
                found[height, width] = sum(sum(row) for row in self.values)
        return found

    def lines(self) -> Iterator[tuple[list[Position], Position]]:
        """Each line's cell positions and the position of the total they add up to."""
        height, width = len(self.rows), len(self.columns)
        across = width + 1 if self.column_totals and self.row_totals else width
        down = height + 1 if self.column_totals and self.row_totals else height
        if self.row_totals:
            for r in range(down if self.column_totals else height):
                yield [(r, c) for c in range(width)], (r, width)
        if self.column_totals:
            for c in range(across if self.row_totals else width):
                yield [(r, c) for r in range(height)], (height, c)


@dataclass(frozen=True)
class Entry:
    """One published cell or total."""

    value: int | None
    """The count, or ``None`` when suppressed."""
    mark: Mark
    """How it is published."""

    def text(self, k: int) -> str:
        """The entry as a reader sees it: the count, ``<k``, or ``–`` when hidden."""
        if self.mark is Mark.BELOW_K:
            return f"<{k}"
        if self.mark is Mark.HIDDEN:
            return "–"
        return str(self.value)


@dataclass(frozen=True)
class PublishedTable:
    """A table as it may be shown: each entry a count or a mark, with its n."""

    table: Table
    """What was counted (its values are never shown from here: use :meth:`entry`)."""
    k: int
    """Counts below this are shown as ``<k``."""
    marks: dict[Position, Mark]
    """How each entry is published."""

    @property
    def n(self) -> int:
        """How many sessions the table counts."""
        return len(self.table.rows)

    def entry(self, row: int, column: int) -> Entry:
        """The published entry at (``row``, ``column``); totals sit last."""
        mark = self.marks[row, column]
        value = self.table.entries()[row, column] if mark is Mark.SHOWN else None
        return Entry(value, mark)

    def cell(self, row: int, column: int) -> Entry:
        """A cell of a session and figure."""
        return self.entry(row, column)

    def row_total(self, row: int) -> Entry | None:
        """The total of a row, if the table has row totals."""
        if not self.table.row_totals:
            return None
        return self.entry(row, len(self.table.columns))

    def column_total(self, column: int) -> Entry | None:
        """The total of a column (or of the row totals, at the last column), if any."""
        if not self.table.column_totals:
            return None
        return self.entry(len(self.table.rows), column)


def publish_counts(counts: tuple[int, ...], k: int = DEFAULT_K) -> tuple[list[Entry], Entry]:
    """One set of counts and their total n, as they may be shown (a one-row table).

    Raises:
        DisclosureError: ``k`` is below :data:`MIN_K`.
    """
    labels = tuple(str(i) for i in range(len(counts)))
    published = publish(
        Table("", ("",), labels, (counts,), row_totals=True, column_totals=False), k
    )
    return [published.cell(0, c) for c in range(len(counts))], published.entry(0, len(counts))


def publish(table: Table, k: int = DEFAULT_K) -> PublishedTable:
    """``table`` with every count below ``k`` suppressed, and what would reveal one hidden.

    Raises:
        DisclosureError: ``k`` is below :data:`MIN_K`.
    """
    check_k(k)
    values = table.entries()
    marks = {p: Mark.SHOWN for p in values}
    if table.people:
        for position, value in values.items():
            if value < k:
                marks[position] = Mark.BELOW_K
    lines = list(table.lines())
    while True:
        found = exposed(values, marks, lines, k)
        if not found:
            break
        hide = _next_to_hide(found[0], values, marks, lines)
        if hide is None:
            break
        marks[hide] = Mark.HIDDEN
    return PublishedTable(table, k, marks)


def exposed(
    values: dict[Position, int],
    marks: dict[Position, Mark],
    lines: list[tuple[list[Position], Position]],
    k: int,
) -> list[Position]:
    """The suppressed entries a reader of the published ones could work out exactly."""
    low: dict[Position, int] = {}
    high: dict[Position, int | None] = {}
    for p, mark in marks.items():
        if mark is Mark.SHOWN:
            low[p] = high[p] = values[p]
        elif mark is Mark.BELOW_K:
            low[p], high[p] = 0, k - 1
        else:
            low[p], high[p] = k, None
    changed, passes = True, 0
    # Bounds only ever narrow, so this settles; the cap keeps a pathological table quick.
    while changed and passes < 500:
        changed, passes = False, passes + 1
        for cells, total in lines:
            members = [*cells, total]
            signs = [1] * len(cells) + [-1]
            for i, p in enumerate(members):
                # The line says: sum(cells) - total = 0; solve it for member i.
                lo, hi = _solve(members, signs, i, low, high)
                if lo > low[p]:
                    low[p], changed = lo, True
                current = high[p]
                if hi is not None and (current is None or hi < current):
                    high[p], changed = hi, True
    return [p for p, m in marks.items() if m is not Mark.SHOWN and low[p] == high[p]]


def _solve(
    members: list[Position],
    signs: list[int],
    i: int,
    low: dict[Position, int],
    high: dict[Position, int | None],
) -> tuple[int, int | None]:
    # signs[i] * x_i = -sum(signs[j] * x_j), j != i: the range of the right-hand side.
    rest_low, rest_high = 0, 0
    high_open = low_open = False
    for j, q in enumerate(members):
        if j == i:
            continue
        # -signs[j] * x_j over x_j in [low, high].
        top = high[q]
        if signs[j] > 0:
            rest_high -= low[q]
            if top is None:
                low_open = True
            else:
                rest_low -= top
        else:
            rest_low += low[q]
            if top is None:
                high_open = True
            else:
                rest_high += top
    if signs[i] > 0:
        return (0 if low_open else max(0, rest_low)), (None if high_open else rest_high)
    # x_i = -(rhs): negate the range.
    return (0 if high_open else max(0, -rest_high)), (None if low_open else -rest_low)


def _next_to_hide(
    position: Position,
    values: dict[Position, int],
    marks: dict[Position, Mark],
    lines: list[tuple[list[Position], Position]],
) -> Position | None:
    near = {q for cells, total in lines if position in (*cells, total) for q in (*cells, total)}
    shown = [q for q in near if marks[q] is Mark.SHOWN]
    if not shown:
        shown = [q for q, m in marks.items() if m is Mark.SHOWN]
    if not shown:
        return None
    return min(shown, key=lambda q: (values[q], q))
