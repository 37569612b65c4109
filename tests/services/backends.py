"""A `backend_database` fixture: the test's SQLite file, and PostgreSQL when one is named.

PostgreSQL runs when GWA_TEST_POSTGRESQL_URL names a database the test may wipe (see
tests/storage/test_postgresql.py); without it that half is skipped.
"""

from __future__ import annotations

import os

import pytest

from gwa_desktop.storage.database import open_database

URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")


def each_backend(request, sqlite_fixture: str = "database"):
    """For a fixture with params ["sqlite", "postgresql"]: the SQLite database the fixture
    named `sqlite_fixture` gives, or the wiped PostgreSQL database."""
    if request.param == "sqlite":
        yield request.getfixturevalue(sqlite_fixture)
        return
    if not URL:
        pytest.skip("GWA_TEST_POSTGRESQL_URL is not set (no PostgreSQL server to test against)")
    from tests.storage.test_postgresql import wipe

    wipe()
    database = open_database(URL)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_database(request):
    yield from each_backend(request)
