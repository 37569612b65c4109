"""Shared fixtures: every test gets its own migrated database file.

Migrating takes a few hundred milliseconds, so one migrated template is built per test
session and copied per test (as Anki's tests copy a pre-built empty collection).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gwa_desktop.i18n import set_ui_language  # noqa: E402
from gwa_desktop.storage.database import Database, open_database  # noqa: E402


@pytest.fixture(scope="session")
def template_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(str(path)).close()
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
    db.close()


@pytest.fixture(autouse=True)
def german_ui(monkeypatch, tmp_path):
    """Tests run in the default UI language with their own data folder."""
    monkeypatch.setenv("GWA_DATA_DIR", str(tmp_path / "data"))
    set_ui_language("de")
    yield
    set_ui_language("de")
