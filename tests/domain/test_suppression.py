"""The suppression rule: no hidden count is recoverable from what is published."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.domain.suppression import HIDDEN, extended, is_small, protect, published, suppress

tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 12), min_size=width, max_size=width), min_size=1, max_size=5
    )
)


def recoverable(grid: list[list[int | str]]) -> set[tuple[int, int]]:
    """The attack: every line of the extended grid sums to its last entry; solve the
    linear system over the hidden cells and return those pinned to one value."""
    unknowns = [(i, j) for i, row in enumerate(grid) for j, v in enumerate(row) if v == HIDDEN]
    index = {cell: k for k, cell in enumerate(unknowns)}
    equations: list[list[Fraction]] = []
    rows, cols = len(grid), len(grid[0])
    lines = [[(i, j) for j in range(cols)] for i in range(rows)]
    lines += [[(i, j) for i in range(rows)] for j in range(cols)]
    for line in lines:
        *members, total = line
        coefficients = [Fraction(0)] * (len(unknowns) + 1)
        for sign, cells in ((1, members), (-1, [total])):
            for i, j in cells:
                value = grid[i][j]
                if value == HIDDEN:
                    coefficients[index[i, j]] += sign
                else:
                    coefficients[-1] -= sign * int(value)
        equations.append(coefficients)
    # Reduced row echelon form; a row with one non-zero coefficient pins that cell.
    pivot_row = 0
    for col in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(equations)) if equations[r][col]), None)
        if found is None:
            continue
        equations[pivot_row], equations[found] = equations[found], equations[pivot_row]
        lead = equations[pivot_row][col]
        equations[pivot_row] = [x / lead for x in equations[pivot_row]]
        for r in range(len(equations)):
            if r != pivot_row and equations[r][col]:
                factor = equations[r][col]
                equations[r] = [a - factor * b for a, b in zip(equations[r], equations[pivot_row])]
        pivot_row += 1
    return {
        unknowns[next(k for k, x in enumerate(row[:-1]) if x)]
        for row in equations
        if sum(1 for x in row[:-1] if x) == 1
    }


def test_primary_rule_hides_one_and_two_keeps_zero_and_three() -> None:
    assert [is_small(n) for n in (0, 1, 2, 3)] == [False, True, True, False]
    assert is_small(4, threshold=5) and not is_small(4, threshold=4)


def test_a_total_does_not_give_a_single_hidden_cell_away() -> None:
    grid = published([[2, 7, 9], [5, 6, 8]])
    assert grid[0][0] == HIDDEN
    # The first row's total is published, so a second cell of that row is hidden too.
    assert sum(1 for value in grid[0][:3] if value == HIDDEN) >= 2
    assert recoverable(grid) == set()


def test_the_attack_recovers_an_unprotected_cell() -> None:
    """The attack works: primary suppression alone gives the value away."""
    grid: list[list[int | str]] = [list(row) for row in extended([[2, 7], [5, 6]])]
    grid[0][0] = HIDDEN
    assert recoverable(grid) == {(0, 0)}


@settings(max_examples=300, deadline=None)
@given(tables, st.integers(2, 6))
def test_no_hidden_value_is_recoverable_from_the_published_totals(
    cells: list[list[int]], threshold: int
) -> None:
    grid = published(cells, threshold)
    assert recoverable(grid) == set()
    full = extended(cells)
    for i, row in enumerate(full):
        for j, value in enumerate(row):
            if is_small(value, threshold):
                assert grid[i][j] == HIDDEN
            if grid[i][j] != HIDDEN:
                assert grid[i][j] == value


@settings(max_examples=100, deadline=None)
@given(tables)
def test_suppression_is_stable_and_leaves_tables_without_small_counts_alone(
    cells: list[list[int]],
) -> None:
    assert suppress(cells) == suppress([list(row) for row in cells])
    if not any(is_small(v) for row in extended(cells) for v in row):
        assert suppress(cells) == set()


def test_the_choice_of_hidden_cells_stops_when_its_tick_raises() -> None:
    """The overview window cancels through `tick`: the work ends there, nothing half-chosen is returned."""
    values = {("cell", n): n % 4 for n in range(40)}
    values["total"] = sum(values.values())
    equations = [("total", [("cell", n) for n in range(40)])]
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(1)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        protect(values, equations, tick=tick)
    assert ticks == [1]
    assert protect(values, equations) >= {("cell", 1), ("cell", 2)}
