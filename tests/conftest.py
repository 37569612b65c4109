"""Shared fixtures: compiled catalogs, and every test gets its own migrated database file.

Migrating takes a few hundred milliseconds, so one migrated template is built per test
session and copied per test (as Anki's tests copy a pre-built empty collection).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
from contextlib import closing
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gwa_desktop.i18n import TRANSLATIONS_ENV, set_ui_language, translation_for
from gwa_desktop.storage.database import Database, open_database

_CATALOGS = pytest.StashKey[Path]()
#: The translators' .po files; the program reads the .mo files compiled from them.
PO_SOURCES = Path(__file__).resolve().parents[1] / "translations"


def compile_catalogs(source: Path, target: Path) -> None:
    """Compile every domain's .po below `source` into the same layout below `target`."""
    for po_path in source.glob("*/LC_MESSAGES/*.po"):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)


def pytest_configure(config: pytest.Config) -> None:
    """Compile the catalogs once, before any test module is imported.

    The .mo files are not in git; compiling here means tests see the catalogs as committed
    (never a stale local build) and run in German like the program. It happens this early,
    not in a fixture, because some test modules translate messages at import time.
    """
    target = Path(tempfile.mkdtemp(prefix="gwa-translations-"))
    compile_catalogs(PO_SOURCES, target)
    config.stash[_CATALOGS] = target
    os.environ[TRANSLATIONS_ENV] = str(target)
    translation_for.cache_clear()
    set_ui_language("de")


def pytest_unconfigure(config: pytest.Config) -> None:
    target = config.stash.get(_CATALOGS, None)
    if target is not None:
        shutil.rmtree(target, ignore_errors=True)


@pytest.fixture(scope="session")
def compiled_catalogs(pytestconfig: pytest.Config) -> Path:
    """The folder with the compiled catalogs the tests run with."""
    return pytestconfig.stash[_CATALOGS]


@pytest.fixture(scope="session")
def template_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(str(path)).close()
    # Migration 0019 gives each new database its installation id; without the template's
    # row every copy makes its own at first use, so each is an installation of its own.
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM installation_identity")
    return path


@pytest.fixture
def database_path(tmp_path, template_database) -> Path:
    path = tmp_path / "gwa.sqlite"
    shutil.copy(template_database, path)
    return path


@pytest.fixture
def database(database_path) -> Database:
    db = open_database(str(database_path))
    yield db
    let_workers_finish()
    db.close()


def let_workers_finish(timeout: float = 60) -> None:
    """Wait for the reads and jobs a test's window left running (ui/progress.py): one
    still querying when its database is closed here crashed the process."""
    for thread in threading.enumerate():
        if thread.name in ("gwa-read", "gwa-work"):
            thread.join(timeout)


@pytest.fixture(autouse=True)
def german_ui(monkeypatch, tmp_path):
    """Tests run in the default UI language with their own data folder."""
    monkeypatch.setenv("GWA_DATA_DIR", str(tmp_path / "data"))
    set_ui_language("de")
    yield
    set_ui_language("de")
