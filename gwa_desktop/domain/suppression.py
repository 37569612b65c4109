"""One rule for hiding small counts in every published table (statistical disclosure control).

Primary suppression hides every count from 1 to `threshold - 1` (German statistics
offices publish no cell under 3 cases; 0 stays visible, it names nobody). Secondary
suppression then hides further cells, because a published row or column total minus
the visible cells of that line would give a hidden count away.

The table is seen with its margins as one extended grid: row totals are a further
column, column totals a further row, the grand total their corner, so every line of the
grid sums to its last entry. The hidden cells are edges of a bipartite graph between
line nodes; a hidden value is recoverable by linear differences of published figures
exactly when its edge lies on no cycle (a bridge). So the rule repeats until no hidden
cell is a bridge: it hides the smallest non-zero visible cell of the bridge's row, or
else of its column, or else a margin. Hidden cells print as HIDDEN.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Counts from 1 to DEFAULT_THRESHOLD - 1 are hidden unless the settings say otherwise.
DEFAULT_THRESHOLD = 3
#: What a hidden cell shows, in print and in the workbook.
HIDDEN = "."
Cell = tuple[int, int]


def is_small(count: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """The primary rule: a count that could name a person (0 names nobody)."""
    return 0 < count < threshold


def extended(cells: Sequence[Sequence[int]]) -> list[list[int]]:
    """The table with its row totals as last column and column totals as last row."""
    width = len(cells[0]) if cells else 0
    grid = [[*row, sum(row)] for row in cells]
    grid.append([sum(row[j] for row in grid) for j in range(width + 1)])
    return grid


def suppress(cells: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD) -> set[Cell]:
    """The cells of the extended grid (see `extended`) to hide; index len(cells) is the
    totals row, index len(row) the totals column."""
    grid = extended(cells)
    rows, cols = len(grid), len(grid[0])
    hidden = {(i, j) for i in range(rows) for j in range(cols) if is_small(grid[i][j], threshold)}
    while (bridge := _bridge(hidden)) is not None:
        hidden.add(_cover(grid, hidden, bridge))
    return hidden


def _cover(grid: list[list[int]], hidden: set[Cell], bridge: Cell) -> Cell:
    """The cheapest further cell that closes a cycle through `bridge`'s row or column."""
    i, j = bridge
    rows, cols = len(grid), len(grid[0])
    inner_row = [(i, k) for k in range(cols - 1) if k != j]
    inner_col = [(k, j) for k in range(rows - 1) if k != i]
    margins = [(i, cols - 1), (rows - 1, j), (rows - 1, cols - 1)]
    for line in (inner_row, inner_col, [(i, k) for k in range(cols)], margins):
        free = [c for c in line if c not in hidden and grid[c[0]][c[1]] > 0]
        if free:
            return min(free, key=lambda c: (grid[c[0]][c[1]], c))
    # Only zeros are left: hiding a margin (even a zero one) still closes the cycle.
    return next(
        c
        for c in [*margins, *((a, b) for a in range(rows) for b in range(cols))]
        if c not in hidden
    )


def _bridge(hidden: set[Cell]) -> Cell | None:
    """A hidden cell whose edge lies on no cycle of the row–column graph, if any."""
    edges = sorted(hidden)
    for edge in edges:
        if not _connected_without(edges, edge):
            return edge
    return None


def _connected_without(edges: list[Cell], skip: Cell) -> bool:
    """Whether the row and column of `skip` stay connected through the other hidden cells."""
    neighbours: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for i, j in edges:
        if (i, j) != skip:
            neighbours.setdefault(("r", i), []).append(("c", j))
            neighbours.setdefault(("c", j), []).append(("r", i))
    start, goal = ("r", skip[0]), ("c", skip[1])
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for other in neighbours.get(node, []):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return False


def published(
    cells: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD
) -> list[list[int | str]]:
    """The extended grid as printed: hidden cells are HIDDEN."""
    grid = extended(cells)
    hidden = suppress(cells, threshold)
    return [
        [HIDDEN if (i, j) in hidden else value for j, value in enumerate(row)]
        for i, row in enumerate(grid)
    ]
