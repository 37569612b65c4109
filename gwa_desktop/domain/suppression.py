"""One rule for hiding small counts in every published table (statistical disclosure control).

Primary suppression hides every count from 1 to `threshold - 1` (German statistics
offices publish no cell under 3 cases; 0 stays visible, it names nobody). Secondary
suppression then hides further cells, because a published total minus the visible
cells it adds up would give a hidden count away.

The published figures are seen as cells and the equations between them ("this total
is the sum of those cells"), across every sheet and file that shows them: the months
by kind, the villages' months, the municipalities, the overview. A hidden cell is
recoverable by linear differences of published figures exactly when its unit vector
lies in the row space of the equations restricted to the hidden cells. `protect`
first gives every equation that holds a single hidden cell a second one (a local
rule, cheap, and most of the work), then keeps hiding the smallest non-zero visible
cell of an equation through a cell the audit still finds recoverable until none is
left. The linear algebra runs modulo a 61-bit prime on sparse rows,
which is exact unless the prime divides a minor of a 0/±1 matrix (never seen in
practice; the tests check with exact fractions). Hidden cells print as HIDDEN.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

#: Counts from 1 to DEFAULT_THRESHOLD - 1 are hidden unless the settings say otherwise.
DEFAULT_THRESHOLD = 3
#: What a hidden cell shows, in print and in the workbook.
HIDDEN = "."
Cell = tuple[int, int]
K = TypeVar("K", bound=Hashable)
#: The range an office may choose the threshold from: below 3 names people, above 20
#: hides nearly every village figure.
MIN_THRESHOLD, MAX_THRESHOLD = 3, 20


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
    values = {(i, j): grid[i][j] for i in range(rows) for j in range(cols)}
    equations = [((i, cols - 1), [(i, j) for j in range(cols - 1)]) for i in range(rows)]
    equations += [((rows - 1, j), [(i, j) for i in range(rows - 1)]) for j in range(cols)]
    return protect(values, equations, threshold)


def protect(
    values: Mapping[K, int],
    equations: Sequence[tuple[K, Sequence[K]]],
    threshold: int = DEFAULT_THRESHOLD,
    tick: Callable[[], None] = lambda: None,
) -> set[K]:
    """The cells of `values` to hide, given that each equation (total, members) is
    published as `values[total] == sum(values[m] for m in members)`.

    `tick` is called now and then; an exception it raises (the user cancelled) ends
    the work. The work runs on the cells' positions: hashing small ints instead of key
    tuples halves the time of a district's audit."""
    keys = list(values)
    position = {key: index for index, key in enumerate(keys)}
    numbered = [(position[total], [position[m] for m in members]) for total, members in equations]
    hidden = _protect(dict(enumerate(values.values())), numbered, threshold, tick)
    return {keys[index] for index in hidden}


def _protect(
    values: Mapping[int, int],
    equations: Sequence[tuple[int, Sequence[int]]],
    threshold: int,
    tick: Callable[[], None],
) -> set[int]:
    order = {key: key for key in values}
    hidden = {key for key, value in values.items() if is_small(value, threshold)}
    through: dict[int, list[int]] = {}
    for number, (total, members) in enumerate(equations):
        for key in (total, *members):
            through.setdefault(key, []).append(number)
    _close(hidden, values, equations, through, hidden, tick)
    while exposed := _exposed(hidden, equations, through, tick):
        added = False
        for key in sorted(exposed, key=order.__getitem__):
            # None: every cell around it is hidden already (perhaps by a cover of this
            # pass); the next audit says whether it is still exposed.
            cover = _cover(key, values, equations, through, hidden, order)
            if cover is not None:
                hidden.add(cover)
                _close(hidden, values, equations, through, {cover}, tick)
                added = True
        if not added:
            break  # nothing left to hide: the whole neighbourhood is hidden
    return hidden


def _close(
    hidden: set[int],
    values: Mapping[int, int],
    equations: Sequence[tuple[int, Sequence[int]]],
    through: Mapping[int, list[int]],
    new: set[int],
    tick: Callable[[], None],
) -> None:
    """Hide further cells until no equation through a hidden cell holds it alone.

    An equation with one hidden cell gives it away by a subtraction; this local rule
    is what most secondary suppression comes down to, and it is cheap (each equation
    is looked at again only when one of its cells was hidden), so the expensive audit
    of `_exposed` is left with the rare cells given away by several equations together."""
    waiting = sorted({n for key in new for n in through.get(key, [])})
    looked_at = 0
    while waiting:
        looked_at += 1
        if looked_at % TICK == 0:
            tick()
        number = waiting.pop()
        total, members = equations[number]
        cells = (*members, total)
        if sum(1 for key in cells if key in hidden) != 1:
            continue
        visible = [key for key in cells if key not in hidden]
        if not visible:
            continue
        cover = min(visible, key=lambda k: (values[k] == 0, k == total, values[k], k))
        hidden.add(cover)
        waiting.extend(through.get(cover, []))


def _cover(
    key: K,
    values: Mapping[K, int],
    equations: Sequence[tuple[K, Sequence[K]]],
    through: Mapping[K, list[int]],
    hidden: set[K],
    order: Mapping[K, int],
) -> K | None:
    """The cheapest visible cell in an equation through `key`: a non-zero member before a
    total, a zero only when nothing else is left; further out when the near equations
    are all hidden already."""
    seen, frontier = {key}, [key]
    while frontier:
        candidates: list[tuple[tuple[bool, bool, int, int], K]] = []
        reached: list[K] = []
        for cell in frontier:
            for number in through.get(cell, []):
                total, members = equations[number]
                for other in (*members, total):
                    if other in seen:
                        continue
                    seen.add(other)
                    reached.append(other)
                    if other not in hidden:
                        value = values[other]
                        rank = (value == 0, other == total, value, order[other])
                        candidates.append((rank, other))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
        frontier = reached
    return None


#: How many equations are looked at between two calls of `tick`.
TICK = 1000
#: The modulus of the linear algebra: a Mersenne prime, so the numbers stay machine-sized.
PRIME = (1 << 61) - 1


def _exposed(
    hidden: set[K],
    equations: Sequence[tuple[K, Sequence[K]]],
    through: Mapping[K, list[int]],
    tick: Callable[[], None],
) -> set[K]:
    """The hidden cells whose value follows from the published equations."""
    numbers = sorted({n for key in hidden for n in through.get(key, [])})
    pivots: dict[K, dict[K, int]] = {}
    holding: dict[K, set[K]] = {}  # cell -> pivots whose row contains it
    for count, number in enumerate(numbers):
        if count % TICK == 0:
            tick()
        total, members = equations[number]
        row: dict[K, int] = {}
        for key, sign in ((total, PRIME - 1), *((m, 1) for m in members)):
            if key in hidden:
                row[key] = (row.get(key, 0) + sign) % PRIME
        row = {key: c for key, c in row.items() if c}
        for key in [k for k in row if k in pivots]:
            factor = row.get(key, 0)
            if factor:
                _add(row, pivots[key], PRIME - factor)
        if not row:
            continue
        lead = next(iter(row))
        inverse = pow(row[lead], PRIME - 2, PRIME)
        row = {key: c * inverse % PRIME for key, c in row.items()}
        for other in list(holding.get(lead, ())):
            target = pivots[other]
            factor = target.get(lead, 0)
            if factor:
                before = set(target)
                _add(target, row, PRIME - factor)
                for gone in before - set(target):
                    holding[gone].discard(other)
                for new in set(target) - before:
                    holding.setdefault(new, set()).add(other)
        pivots[lead] = row
        for key in row:
            holding.setdefault(key, set()).add(lead)
    return {lead for lead, row in pivots.items() if len(row) == 1}


def _add(target: dict[K, int], row: Mapping[K, int], factor: int) -> None:
    """target += factor * row (mod PRIME), dropping the cells that become zero."""
    for key, c in row.items():
        value = (target.get(key, 0) + factor * c) % PRIME
        if value:
            target[key] = value
        else:
            target.pop(key, None)


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
