"""How long the one suppression rule takes for a district's combined figures.

The subject is exchange/disclosure.Publication over simulated villages' months by kind
(the combined workbook and the overview window build one each); the floor is the
primary rule alone over the same cells, which is what a per-table rule costs. Counts
are drawn so that about a third are small, a bad case for secondary suppression.

    .venv/bin/python benchmarks/disclosure_bench.py --villages 60 --months 60
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import Figure, alternate, markdown_table

from gwa_desktop.domain.suppression import is_small
from gwa_desktop.exchange.disclosure import Publication
from gwa_desktop.exchange.summary import KINDS, Figures, combine, from_rows


def district(villages: int, months: int, seed: int = 1) -> list[Figures]:
    rng = random.Random(seed)
    parts = []
    for _village in range(villages):
        rows = []
        for month in range(months):
            for kind in KINDS:
                count = rng.choice([0, 1, 2, 3, 5, 8, 12])
                if count:
                    people = [count * 4, *([0] * 9), rng.choice([0, 1, 3])]
                    rows.append(
                        (2020 + month // 12, month % 12 + 1, kind.value, count, *people, 1.0)
                    )
        parts.append(from_rows(rows, []))
    return parts


def figure(villages: int, months: int, rounds: int = 3) -> Figure:
    parts = district(villages, months)

    def primary_only() -> int:
        total = combine(parts)
        cells = [c for p in (*parts, total) for m in p.months.values() for c in m.by_kind.values()]
        return sum(is_small(c) for c in cells)

    seconds, floor = alternate(lambda: Publication(parts, part_months=True), primary_only, rounds)
    return Figure(
        f"suppression, {villages} villages × {months} months", seconds, "primary rule only", floor
    )


def measure(_database: Path, scale: int) -> list[Figure]:
    return [figure(20 * scale, 12)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=60)
    parser.add_argument("--months", type=int, default=12)
    arguments = parser.parse_args()
    print(markdown_table([figure(arguments.villages, arguments.months, rounds=1)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
