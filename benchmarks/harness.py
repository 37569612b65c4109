"""Shared pieces of the benchmarks: floors measured in the same run, ratios, peak memory.

Every figure is compared with a floor measured on the same machine in the same run (a bare
Qt window, the raw SQL, a raw writer), because this 2-core machine is shared and its
absolute speed varies by a factor of two between runs while the alternating pairs do not.
A benchmark module exposes ``measure(database: Path, scale: int) -> list[Figure]`` and is
listed in ``run_all.SUITES``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("GWA_BENCH_CACHE", "/tmp/gwa-bench"))
BASE_CONTACTS, BASE_OFFERS, BASE_ACTIVITIES = 10_000, 200, 100_000


@dataclass(frozen=True)
class Figure:
    """One measured thing beside its floor; seconds are medians of alternating runs."""

    what: str
    seconds: float
    floor_what: str
    floor_seconds: float
    peak_mib: float | None = None
    floor_peak_mib: float | None = None

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds if self.floor_seconds > 0 else float("inf")


def alternate(
    subject: Callable[[], object], floor: Callable[[], object], rounds: int = 5
) -> tuple[float, float]:
    """Median seconds of subject and floor, run in turns so both see the same machine load."""
    subject_times: list[float] = []
    floor_times: list[float] = []
    for round_number in range(rounds):
        pair = ((subject, subject_times), (floor, floor_times))
        for action, samples in pair if round_number % 2 == 0 else reversed(pair):
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return statistics.median(subject_times), statistics.median(floor_times)


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one whole process (start-up included)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv),
        cwd=REPOSITORY,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}): {error[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def alternate_processes(
    subject: Sequence[str],
    floor: Sequence[str],
    rounds: int = 5,
    env: dict[str, str] | None = None,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (seconds, peak MiB) of two whole processes run in turns."""
    runs: dict[int, list[tuple[float, float]]] = {0: [], 1: []}
    for round_number in range(rounds):
        order = (0, 1) if round_number % 2 == 0 else (1, 0)
        for which in order:
            runs[which].append(run_process(subject if which == 0 else floor, env))

    def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(s for s, _ in samples), statistics.median(m for _, m in samples)

    return medians(runs[0]), medians(runs[1])


def python_command(*arguments: str) -> list[str]:
    """The interpreter of this virtual environment, with arguments."""
    return [sys.executable, *arguments]


def bench_database(scale: int = 1, offers: int | None = None) -> Path:
    """A bulk database at `scale` times 10,000 contacts / 200 offers / 100,000 activities.

    Kept in CACHE between runs (filling 4x takes about half a minute); rebuilt when the
    program's migrations moved on since it was made.
    """
    offer_count = offers if offers is not None else BASE_OFFERS * scale
    path = CACHE / f"scale{scale}-offers{offer_count}.sqlite"
    head = _migration_head()
    stamp = path.with_suffix(".head")
    if path.exists() and stamp.exists() and stamp.read_text() == head:
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        python_command(
            "benchmarks/load_data.py",
            "--database",
            str(path),
            "--replace",
            "--contacts",
            str(BASE_CONTACTS * scale),
            "--offers",
            str(offer_count),
            "--activities",
            str(BASE_ACTIVITIES * scale),
        ),
        cwd=REPOSITORY,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    stamp.write_text(head)
    return path


def _migration_head() -> str:
    versions = REPOSITORY / "gwa_desktop" / "storage" / "migrations" / "versions"
    return ",".join(sorted(p.name for p in versions.glob("*.py")))


def markdown_table(figures: Sequence[Figure]) -> str:
    """The figures as the table benchmarks/README.md keeps."""
    lines = [
        "| what | time | floor | floor time | ratio | peak MiB (floor) |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for figure in figures:
        memory = "" if figure.peak_mib is None else f"{figure.peak_mib:.0f}"
        if figure.floor_peak_mib is not None:
            memory += f" ({figure.floor_peak_mib:.0f})"
        lines.append(
            f"| {figure.what} | {_duration(figure.seconds)} | {figure.floor_what} "
            f"| {_duration(figure.floor_seconds)} | {figure.ratio:.2f}× | {memory} |"
        )
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def machine_load() -> str:
    """The load average, stated beside every table because the machine is shared."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} on {os.cpu_count()} CPUs"
