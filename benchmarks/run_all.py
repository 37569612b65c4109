"""Run every benchmark against its floor at 1x, 2x and 4x the data and print the tables.

    .venv/bin/python benchmarks/run_all.py                 # scales 1 2 4, every suite
    .venv/bin/python benchmarks/run_all.py --scale 1 --only search
    .venv/bin/python benchmarks/run_all.py --write-readme  # also replace the table in README.md

Each suite is a module in this folder with ``measure(database, scale) -> list[Figure]``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import Figure, bench_database, machine_load, markdown_table

SUITES: dict[str, str] = {
    "cli": "cli_bench",
    "prints": "prints_bench",
    "agenda": "agenda_bench",
    "search": "search_bench",
    "start": "start_bench",
    "exchange": "exchange_bench",
    "report": "report_bench",
    "disclosure": "disclosure_bench",
    "duplicates": "duplicates_bench",
    "district": "district_bench",
}
README = Path(__file__).resolve().parent / "README.md"
BEGIN, END = "<!-- run_all: begin -->", "<!-- run_all: end -->"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--only", nargs="+", choices=sorted(SUITES), default=sorted(SUITES))
    parser.add_argument("--write-readme", action="store_true")
    return parser.parse_args()


def main() -> int:
    arguments = parse_arguments()
    sections: list[str] = []
    for scale in arguments.scale:
        database = bench_database(scale)
        figures: list[Figure] = []
        for name in arguments.only:
            module = importlib.import_module(SUITES[name])
            figures.extend(module.measure(database, scale))
        table = f"### {scale}× the data ({machine_load()})\n\n{markdown_table(figures)}"
        print(table, end="\n\n", flush=True)
        sections.append(table)
    if arguments.write_readme:
        write_readme("\n\n".join(sections))
    return 0


def write_readme(tables: str) -> None:
    """Replace the generated section of README.md, keeping the prose around it."""
    text = README.read_text(encoding="utf-8")
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    if not rest:
        before, after = text.rstrip() + "\n\n## Latest run (`run_all.py`)\n\n", "\n"
    README.write_text(f"{before}{BEGIN}\n{tables}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
