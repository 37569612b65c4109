"""Migration 0009 gives the rows of an older database their sort keys."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from gwa_desktop.domain.collation import COLLATION
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.reindex import stale_indexes
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to

NAMES = ["Ärztehaus", "awo Ortsverein", "Öffentliche Bücherei", "Zentrum Nord", "Arbeitsagentur"]
#: A new database made in a fresh process, reporting whether the collation table was read.
CREATE_AND_REPORT = (
    "import json, sys\n"
    "from gwa_desktop.storage.database import open_database\n"
    "open_database(sys.argv[1]).close()\n"
    "print(json.dumps('pyuca.collator' in sys.modules))\n"
)
EXPECTED = ["Arbeitsagentur", "Ärztehaus", "awo Ortsverein", "Öffentliche Bücherei", "Zentrum Nord"]


def test_existing_names_sort_by_the_collation_after_the_upgrade(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0008")
    with sqlite3.connect(path) as connection:
        for number, name in enumerate(NAMES, 1):
            connection.execute(
                "INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, notes, search_text, "
                "created_at, updated_at) VALUES (?, 'organisation', ?, '', '', '', '', '', '', '', '2026-01-01', '2026-01-01')",
                (number, name),
            )
            connection.execute(
                "INSERT INTO offers (id, category, status, place_name, street, postal_code, city, recurrence, start_date, "
                "cost_note, registration_required, registration_note, web_url, search_text, created_at, updated_at) "
                "VALUES (?, 'language', 'active', ?, '', '', '', 'weekly', '2026-01-05', '', 0, '', '', '', "
                "'2026-01-01', '2026-01-01')",
                (number, name),
            )
            connection.execute(
                "INSERT INTO offer_texts (offer_id, language, title, description, position) "
                "VALUES (?, 'de', ?, '', 0)",
                (number, name),
            )
    connection.close()

    database = open_database(str(path))
    try:
        assert [row[1] for row in ContactService(database).list_rows(ListQuery())] == EXPECTED
        offers = OfferService(database)
        assert [row[1] for row in offers.list_rows(ListQuery())] == EXPECTED
        assert [row[5] for row in offers.list_rows(ListQuery(sort_key="place"))] == EXPECTED
        # The keys are recorded as made by this collation; the search texts of the older
        # program are computed again at the next start.
        assert stale_indexes(database) == ["search"]
    finally:
        database.close()


def test_a_new_database_does_not_read_the_collation_table(tmp_path):
    """The first creation runs 0009 over empty tables: reading the table (about a second
    of every new district database) waits for a name that needs a key."""
    path = tmp_path / "new.sqlite"
    run = subprocess.run(
        [sys.executable, "-c", CREATE_AND_REPORT, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout.splitlines()[-1]) is False
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT kind, version FROM index_versions").fetchall() == [
            ("collation", COLLATION)
        ]
    connection.close()
