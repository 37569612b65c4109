"""The unfiltered counts of contacts, offers and activities: one statement for every reader.

`RecordService.count()` runs it through SQLAlchemy. `gwa count` on a SQLite file that
is up to date (schema at head, search index of this program's recipe) runs it over a
plain sqlite3 connection (storage.reading) without importing SQLAlchemy or the models,
which were most of its run (issue 12); on any other database it takes the services'
way after the full open, which upgrades, reindexes or refuses first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing

from gwa_desktop.services.index_recipe import stale_kinds
from gwa_desktop.storage.reading import open_for_reading

#: The counted records; each name is also its table's (tests/test_cli_count.py checks it).
COUNTED = ("contacts", "offers", "activities")


def count_statement(table: str) -> str:
    """Every row of `table`: the unfiltered lists have no WHERE and join only many-to-one
    (a contact's organisation), so they hold one row per record."""
    return f"SELECT count(*) FROM {table}"


def quick_counts(location: str, tables: Sequence[str]) -> dict[str, int] | None:
    """The counts of `tables` in the file at `location`, None when it needs the full open.

    None for a server, a file not at head or refused (storage.reading), a search index
    of another recipe (the full open computes it again first), or any error of SQLite
    on the way (a busy or damaged file: the full open says what is wrong).
    """
    connection = open_for_reading(location)
    if connection is None:
        return None
    with closing(connection):
        try:
            stored = dict(connection.execute("SELECT kind, version FROM index_versions"))
            if stale_kinds(stored):
                return None
            return {
                table: int(connection.execute(count_statement(table)).fetchone()[0])
                for table in tables
            }
        except sqlite3.Error:
            return None
