"""The command line as whole processes: `gwa count` against a bare Python that counts rows.

The floor starts the same interpreter, opens the same SQLite file with the standard
library and runs the three COUNT(*) queries; everything above it is the program's own
start-up (imports, settings, migration check).
"""

from __future__ import annotations

from pathlib import Path

from harness import Figure, alternate_processes, python_command

RAW_COUNT = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "for t in ('contacts', 'offers', 'activities'):\n"
    "    print(t, c.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0])\n"
)


def measure(database: Path, scale: int) -> list[Figure]:
    (seconds, peak), (floor, floor_peak) = alternate_processes(
        python_command(
            "-c",
            "from gwa_desktop.cli.main import main; main()",
            "--database",
            str(database),
            "count",
        ),
        python_command("-c", RAW_COUNT, str(database)),
    )
    return [
        Figure(
            "`gwa count` (whole process)",
            seconds,
            "python + sqlite3 COUNT(*)",
            floor,
            peak,
            floor_peak,
        )
    ]
