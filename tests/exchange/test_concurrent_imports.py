"""Two imports into one database at the same time, from two processes: one after the other, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import translation_for
from gwa_desktop.services.district_export import export_district
from tests.exchange.sample_data import PERIOD

HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from sqlalchemy import text
from gwa_desktop.storage.database import open_database
database = open_database(sys.argv[1])
with database.session() as session:
    session.execute(text("UPDATE import_lock SET taken_at = CURRENT_TIMESTAMP WHERE id = 1"))
    Path(sys.argv[2]).write_text("locked")
    while not Path(sys.argv[3]).exists():
        time.sleep(0.05)
database.close()
"""


def german(message: str) -> str:
    """The command line speaks the program's default language."""
    return translation_for("de").gettext(message)


BUSY = (
    "Another import into this database is running (in another window or on another computer). "
    "{path} was not imported; import it again when the other one has finished."
)
IMPORTED_TEXT = "{municipality}, {period}: {offers} offers and {activities} activities imported."
UNCHANGED_TEXT = "{municipality}, {period}: this package was already imported; nothing changed."


def said(output: str, message: str) -> bool:
    words = german(message).format(
        municipality="Gemeinde Lindental",
        period="01.01.2026 – 31.12.2026",
        offers=3,
        activities=8,
        path="",
    )
    return words.strip() in output


def gwa(database: str, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gwa_desktop.cli.main", "--database", database, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def finished(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    assert "Traceback" not in out + err, out + err
    return process.returncode, out + err


def package_rows(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT COUNT(*) FROM district_packages")).scalar()
    finally:
        engine.dispose()


@pytest.fixture
def packages(filled, tmp_path) -> list[Path]:
    folder = tmp_path / "stick"
    folder.mkdir()
    return [
        export_district(
            filled.database, Period(*PERIOD), folder, created=datetime(2026, 11, 15, 10)
        )
    ]


def test_an_import_while_another_holds_the_lock_is_told_and_succeeds_later(
    packages, other_database, tmp_path
):
    location = str(other_database.file_path)
    other_database.close()
    locked, release = tmp_path / "locked", tmp_path / "release"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, location, str(locked), str(release)]
    )
    try:
        for _ in range(600):
            if locked.exists() or holder.poll() is not None:
                break
            time.sleep(0.1)
        assert locked.exists()
        code, output = finished(
            gwa(location, "import", str(packages[0]), "--receipts", str(tmp_path))
        )
        assert code == 2 and german(BUSY).split("{")[0].strip() in output
    finally:
        release.write_text("go")
        holder.wait(timeout=60)
    assert package_rows(f"sqlite:///{location}") == 0
    code, output = finished(gwa(location, "import", str(packages[0]), "--receipts", str(tmp_path)))
    assert code == 0 and said(output, IMPORTED_TEXT) and package_rows(f"sqlite:///{location}") == 1


SLOW_IMPORT = """
import sys, time
from pathlib import Path
from gwa_desktop.services import district_import
from gwa_desktop.storage.database import open_database
store = district_import._store
def stored_then_wait(*arguments):
    outcome = store(*arguments)
    Path(sys.argv[3]).write_text("inside")
    while not Path(sys.argv[4]).exists():
        time.sleep(0.05)
    return outcome
district_import._store = stored_then_wait
database = open_database(sys.argv[1])
print(district_import.import_package(database, Path(sys.argv[2]), receipts=Path(sys.argv[5])).message)
database.close()
"""


def wait_until_blocked(url: str, second: subprocess.Popen) -> None:
    """Until the second import waits for the first: seen in pg_stat_activity (of this
    database only: other databases on a shared server have their own lock waits); on
    SQLite, given time."""
    if url.startswith("sqlite"):
        time.sleep(15)
        return
    engine = create_engine(url)
    try:
        for _ in range(1200):
            with engine.connect() as connection:
                if connection.execute(
                    text(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND datname = current_database()"
                    )
                ).scalar():
                    return
            if second.poll() is not None:
                return
            time.sleep(0.1)
    finally:
        engine.dispose()


def import_while_held(
    location: str, url: str, held: Path, waiting: Path, receipts: Path, must_wait: bool = False
) -> tuple[tuple[int, str], tuple[int, str]]:
    """`held` is imported by a process that stops inside its transaction until `waiting`'s
    import (another process, `gwa import`) is blocked on the lock, or has given up; both
    exit codes and outputs. `must_wait`: the second must still be waiting then."""
    inside, release = receipts / "inside", receipts / "release"
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW_IMPORT,
            location,
            str(held),
            str(inside),
            str(release),
            str(receipts),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if inside.exists() or first.poll() is not None:
                break
            time.sleep(0.1)
        assert inside.exists()
        second = gwa(location, "import", str(waiting), "--receipts", str(receipts))
        wait_until_blocked(url, second)
        if must_wait:
            assert second.poll() is None  # really waiting for the first, not finished beside it
    finally:
        release.write_text("go")
    return finished(first), finished(second)


def run_two_at_once(location: str, url: str, package: Path, receipts: Path) -> None:
    """The first import stops inside its transaction until the second has started."""
    (first_code, first_text), (second_code, second_text) = import_while_held(
        location, url, package, package, receipts
    )
    assert first_code == 0 and said(first_text, IMPORTED_TEXT)
    # It waited and found the package there, or (SQLite after its 5 s busy timeout) was told to try again.
    waited = second_code == 0 and said(second_text, UNCHANGED_TEXT)
    told = second_code == 2 and german(BUSY).split("{")[0].strip() in second_text
    assert waited or (told and url.startswith("sqlite")), second_text
    assert package_rows(url) == 1


def test_two_imports_of_the_same_package_at_once_on_sqlite(packages, other_database, tmp_path):
    location = str(other_database.file_path)
    other_database.close()
    run_two_at_once(location, f"sqlite:///{location}", packages[0], tmp_path)


POSTGRESQL = os.environ.get("GWA_TEST_POSTGRESQL_URL")


@pytest.mark.skipif(
    not POSTGRESQL,
    reason="GWA_TEST_POSTGRESQL_URL is not set (no PostgreSQL server to test against)",
)
def test_two_imports_of_the_same_package_at_once_on_postgresql(packages, tmp_path):
    from gwa_desktop.storage.database import open_database

    wipe = create_engine(POSTGRESQL)
    with wipe.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    wipe.dispose()
    open_database(POSTGRESQL).close()
    run_two_at_once(POSTGRESQL, POSTGRESQL, packages[0], tmp_path)
