"""Disclosure control: counts below k are marked, and none can be worked out from totals."""

from __future__ import annotations

import pytest
from disclosure_support import HIDDEN_SPAN, possible_values
from hypothesis import example, given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.reports.disclosure import (
    DisclosureError,
    Mark,
    Table,
    check_k,
    publish,
)
from circlekeeper.sessions.reports.figures import SessionFigures
from circlekeeper.sessions.reports.report import build_report


def table(values, *, rows_add=True, columns_add=True, people=True) -> Table:
    return Table(
        "Counts",
        tuple(f"s{r}" for r in range(len(values))),
        tuple(f"f{c}" for c in range(len(values[0]))),
        tuple(tuple(row) for row in values),
        row_totals=rows_add,
        column_totals=columns_add,
        people=people,
    )


def test_a_count_below_k_is_marked_and_its_totals_cannot_give_it_away() -> None:
    published = publish(table([[2, 9], [8, 7]]), k=5)
    texts = [[published.cell(r, c).text(5) for c in range(2)] for r in range(2)]
    assert texts[0][0] == "<5"
    # 9 and 11 (its row and column totals) would give 2 by subtraction: something else goes.
    assert published.row_total(0).value is None or published.cell(0, 1).value is None
    assert published.column_total(0).value is None or published.cell(1, 0).value is None
    assert all(len(v) > 1 for v in possible_values(published).values())
    assert published.n == 2


def test_nothing_is_suppressed_in_a_table_of_counts_that_are_not_people() -> None:
    published = publish(table([[1, 2], [0, 7]], people=False), k=5)
    assert all(mark is Mark.SHOWN for mark in published.marks.values())


def test_several_small_counts_adding_up_to_their_limit_are_not_left_pinned() -> None:
    # Both cells "<5" with a shown total of 8 would each have to be 4.
    published = publish(table([[4, 4]], columns_add=False), k=5)
    assert published.row_total(0).value is None
    assert all(len(v) > 1 for v in possible_values(published).values())


@pytest.mark.parametrize("k", [0, 1, 2])
def test_k_below_three_is_refused(k) -> None:
    with pytest.raises(DisclosureError, match="at least 3"):
        check_k(k)
    with pytest.raises(DisclosureError):
        publish(table([[5]]), k=k)


shapes = st.tuples(st.integers(1, 3), st.integers(1, 3))


@st.composite
def tables(draw) -> tuple[Table, int]:
    k = draw(st.integers(3, 5))
    height, width = draw(shapes)
    cap = k + HIDDEN_SPAN
    values = draw(
        st.lists(
            st.lists(st.integers(0, cap), min_size=width, max_size=width),
            min_size=height,
            max_size=height,
        )
    )
    rows_add, columns_add = draw(st.sampled_from([(True, True), (False, True), (True, False)]))
    return table(values, rows_add=rows_add, columns_add=columns_add), k


@settings(max_examples=60, deadline=None)
@given(tables())
@example((table([[1, 6], [6, 6]]), 5))  # a lone small cell in a full table
@example((table([[4, 4], [4, 4]]), 5))  # every cell at k-1: totals would pin them
def test_no_suppressed_count_can_be_worked_out_and_n_is_always_there(case) -> None:
    source, k = case
    published = publish(source, k)
    assert published.n == len(source.rows)
    values = source.entries()
    for position, mark in published.marks.items():
        if values[position] < k:
            assert mark is Mark.BELOW_K
        if mark is not Mark.SHOWN:
            assert published.entry(*position).value is None
    for position, possible in possible_values(published).items():
        assert values[position] in possible
        assert len(possible) > 1, f"{position} can be worked out as {possible}"


small = st.integers(0, 7)
session_figures = st.builds(
    SessionFigures,
    date=st.sampled_from(["2026-03-04", "2026-04-01"]),
    attendance=small,
    newcomers=st.none() | small,
    minutes_planned=small,
    minutes_run=small,
    parts_overran=small,
    crisis_uses=st.integers(0, 3),
    notes=st.tuples(small, small, small, small),
    mood=st.tuples(*[st.integers(0, 5)] * 5),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(session_figures, min_size=1, max_size=2), st.integers(3, 4))
def test_no_table_of_a_report_lets_a_suppressed_count_be_worked_out(figures, k) -> None:
    report = build_report(figures, k)
    assert report.n == len(figures)
    for published in report.tables:
        assert published.n == len(published.table.rows)
        values = published.table.entries()
        for position, possible in possible_values(published).items():
            assert len(possible) > 1, (published.table.title, position, possible)
            assert values[position] in possible
