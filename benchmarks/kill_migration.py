"""Kill the program with SIGKILL at random moments of an upgrade and of a first creation.

Run:  .venv/bin/python benchmarks/kill_migration.py [--rounds 24] [--contacts 3000] [--activities 20000]

Each round starts a fresh process that opens (and so migrates or creates) a database and
kills it with SIGKILL at a random point: half of the rounds after a random number of SQL
statements (a hook in the child counts them, so every statement boundary can be hit),
half after a random time (which also lands inside a statement, a COMMIT or an fsync).
After each kill the database must be openable at the old or the new revision with every
row still there, its schema exactly the one of that revision, and the next start must
finish the job; at most one before-upgrade copy per revision, and it must be intact.
Prints one line per round and the number of rounds survived. Not a test: it takes a
minute or two and its kill points are random. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from alembic import command

from gwa_desktop.storage.database import (
    alembic_config,
    before_upgrade_copies,
    check_sqlite_database,
    head_revision,
    migration_engine,
    open_database,
)

OLD_REVISION = "0001"
COUNTED = ("contacts", "activities", "offers")

CHILD = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from gwa_desktop.storage.database import open_database
limit = int(sys.argv[3])
seen = [0]
@event.listens_for(Engine, "after_cursor_execute")
def count(*_args):
    seen[0] += 1
    if seen[0] == limit:
        os.kill(os.getpid(), signal.SIGKILL)
print("ready", flush=True)
open_database(sys.argv[1], backup_dir=__import__("pathlib").Path(sys.argv[2])).close()
print("statements", seen[0], flush=True)
"""


def build_old_database(path: Path, contacts: int, activities: int) -> None:
    """A database at revision 0001 with invented rows, written in raw SQL of that revision."""
    engine = migration_engine(f"sqlite:///{path}")
    config = alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, OLD_REVISION)
    finally:
        engine.dispose()
    stamp = "2024-01-01 09:00:00.000000"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executemany(
            "INSERT INTO contacts (kind, name, phone, email, street, postal_code, city, notes, created_at, updated_at)"
            " VALUES ('person', ?, '', '', 'Hauptstraße 1', '', 'Lindental', 'Notiz', ?, ?)",
            [(f"Person Müller {n}", stamp, stamp) for n in range(contacts)],
        )
        connection.execute(
            "INSERT INTO offers (id, category, status, place_name, street, postal_code, city, recurrence, start_date,"
            " cost_note, registration_required, registration_note, web_url, created_at, updated_at) VALUES"
            " (1, 'language', 'active', 'Bürgerhaus', '', '', '', 'weekly', '2024-01-09', '', 0, '', '', ?, ?)",
            (stamp, stamp),
        )
        connection.executemany(
            "INSERT INTO activities (occurred_on, kind, title, offer_id, participants_total, volunteers_count,"
            " volunteer_hours, notes, created_at, updated_at) VALUES ('2024-02-06', 'event', ?, 1, 5, 1, 1.5, '', ?, ?)",
            [(f"Treffen {n}", stamp, stamp) for n in range(activities)],
        )


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}


def run_child(
    path: Path, backups: Path, kill_after: int, kill_at: float | None
) -> tuple[bool, int, float]:
    """(was killed, statements run, seconds from the start of opening) for one child process."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(backups), str(kill_after)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    if kill_at is not None:
        time.sleep(kill_at)
        child.send_signal(signal.SIGKILL)
    output, _ = child.communicate()
    seconds = time.perf_counter() - start
    killed = child.returncode == -signal.SIGKILL
    statements = int(output.split()[-1]) if output.strip().startswith("statements") else 0
    return killed, statements, seconds


def verify(path: Path, backups: Path, expected: dict[str, int] | None) -> str:
    """The revision the killed process left; raises when the file is not fit to open."""
    if not path.exists():
        return "absent"
    with closing(sqlite3.connect(path)) as connection:
        revision = check_sqlite_database(connection, str(path), integrity=True)
    if revision not in (OLD_REVISION, head_revision()):
        raise AssertionError(f"left at revision {revision}")
    if expected is not None and counts(path) != expected:
        raise AssertionError(f"rows changed: {counts(path)} != {expected}")
    for copy in before_upgrade_copies(backups, path):
        with closing(sqlite3.connect(copy)) as connection:
            assert check_sqlite_database(connection, str(copy), integrity=True) == OLD_REVISION
            if expected is not None:
                assert counts(copy) == expected, copy
    revisions = [
        copy.name.split("-before-upgrade-")[1].split("-")[0]
        for copy in before_upgrade_copies(backups, path)
    ]
    assert len(revisions) == len(set(revisions)), f"several copies of one revision: {revisions}"
    return revision


def finish(path: Path, backups: Path, expected: dict[str, int] | None) -> None:
    """The next start completes what the killed one began."""
    open_database(str(path), backup_dir=backups).close()
    assert verify(path, backups, expected) == head_revision()


def calibrate(template: Path, work: Path) -> tuple[int, float, int, float]:
    """Statements and seconds of an undisturbed upgrade and of a first creation."""
    shutil.copy(template, work / "gwa.sqlite")
    _, upgrade_statements, upgrade_seconds = run_child(
        work / "gwa.sqlite", work / "backups", -1, None
    )
    _, create_statements, create_seconds = run_child(
        work / "new.sqlite", work / "backups", -1, None
    )
    shutil.rmtree(work)
    work.mkdir()
    return upgrade_statements, upgrade_seconds, create_statements, create_seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=24, help="upgrade rounds and as many first-creation rounds"
    )
    parser.add_argument("--contacts", type=int, default=3000)
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=None)
    arguments = parser.parse_args()
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 30)
    chance = random.Random(seed)
    print(f"seed {seed}")
    root = Path(tempfile.mkdtemp(prefix="gwa-kill-"))
    try:
        template = root / "template.sqlite"
        build_old_database(template, arguments.contacts, arguments.activities)
        expected = counts(template)
        work = root / "work"
        work.mkdir()
        upgrade_statements, upgrade_seconds, create_statements, create_seconds = calibrate(
            template, work
        )
        print(
            f"undisturbed: upgrade {upgrade_statements} statements {upgrade_seconds:.2f} s after start-up, "
            f"creation {create_statements} statements {create_seconds:.2f} s"
        )
        survived = {"upgrade": 0, "creation": 0}
        for number in range(arguments.rounds * 2):
            kind = "upgrade" if number % 2 == 0 else "creation"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir()
            path = work / ("gwa.sqlite" if kind == "upgrade" else "new.sqlite")
            if kind == "upgrade":
                shutil.copy(template, path)
            statements = upgrade_statements if kind == "upgrade" else create_statements
            seconds = upgrade_seconds if kind == "upgrade" else create_seconds
            by_statement = chance.random() < 0.5
            kill_after = chance.randint(1, statements) if by_statement else -1
            kill_at = None if by_statement else chance.uniform(0.0, seconds)
            point = (
                f"statement {kill_after}/{statements}"
                if by_statement
                else f"{kill_at:.2f}/{seconds:.2f} s"
            )
            try:
                # A second kill in the restarted process: two crashes in a row.
                killed, _, _ = run_child(path, work / "backups", kill_after, kill_at)
                left = verify(path, work / "backups", expected if kind == "upgrade" else None)
                if kind == "upgrade" and chance.random() < 0.3 and left == OLD_REVISION:
                    run_child(path, work / "backups", chance.randint(1, statements), None)
                    left = verify(path, work / "backups", expected) + " after a second kill"
                finish(path, work / "backups", expected if kind == "upgrade" else None)
            except Exception as error:
                print(f"round {number + 1:2} {kind:8} killed at {point}: FAILED: {error!r}")
                continue
            survived[kind] += 1
            state = "killed" if killed else "finished before the kill"
            print(
                f"round {number + 1:2} {kind:8} {state} at {point}: left {left}; next start completed it"
            )
        total = sum(survived.values())
        print(
            f"survived {total} of {arguments.rounds * 2} rounds "
            f"(upgrade {survived['upgrade']}/{arguments.rounds}, creation {survived['creation']}/{arguments.rounds})"
        )
        return 0 if total == arguments.rounds * 2 else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if os.name != "posix":
        sys.exit("SIGKILL needs a POSIX system")
    sys.exit(main())
