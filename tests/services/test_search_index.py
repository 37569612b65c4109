"""The FTS5 trigram index finds exactly what LIKE finds, and forgets what was erased."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gwa_desktop.services.backup import backup_database, restore_backup
from gwa_desktop.services.demo_data import generate_bulk_data
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.record_service import RecordService
from gwa_desktop.services.registry import Services
from gwa_desktop.services.search_text import contact_search_text
from gwa_desktop.storage.database import open_database
from tests.services.search_cases import fill, matches, searches
from tests.services.service_builders import person, sql
from tests.storage.test_migrations import old_database

ALL = 100_000


@pytest.fixture
def filled(database):
    services = Services.on(database)
    rng = fill(services)
    return services, rng


def expected_ids(database, entity: str, typed: str) -> set[int]:
    if entity == "contacts":
        rows = sql(
            database,
            "SELECT c.id, c.search_text, o.search_text FROM contacts c "
            "LEFT JOIN contacts o ON o.id = c.organisation_id",
        )
        return {
            row_id
            for row_id, own, org in rows
            if matches(own, typed) or (org is not None and matches(org, typed))
        }
    rows = sql(database, f"SELECT id, search_text FROM {entity}")
    return {row_id for row_id, stored in rows if matches(stored, typed)}


def found(services: Services, entity: str, typed: str) -> list[int]:
    service = getattr(services, entity)
    return [row[0] for row in service.list_rows(ListQuery(text=typed), 0, ALL)]


def found_with_like(services: Services, entity: str, typed: str, monkeypatch) -> list[int]:
    with monkeypatch.context() as patch:
        patch.setattr(RecordService, "_full_text", lambda self, row_id, paged=False: None)
        return found(services, entity, typed)


@pytest.mark.parametrize("entity", ["contacts", "offers", "activities"])
def test_the_index_finds_what_like_finds_in_the_same_order(filled, database, entity, monkeypatch):
    services, rng = filled
    uses_index = 0
    for typed in searches(rng):
        with_index = found(services, entity, typed)
        assert with_index == found_with_like(services, entity, typed, monkeypatch), typed
        assert set(with_index) == expected_ids(database, entity, typed), typed
        uses_index += any(len(word) >= 3 for word in typed.split())
    assert uses_index > 50


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# NUL cannot be typed, and SQLite ends a LIKE pattern there (as before the index).
@given(typed=st.text(st.characters(exclude_characters="\x00"), max_size=12))
def test_any_typed_text_is_a_search_never_query_syntax(filled, database, typed):
    services, _rng = filled
    for entity in ("contacts", "activities"):
        assert set(found(services, entity, typed)) == expected_ids(database, entity, typed)


def test_counts_and_totals_use_the_same_search(filled, database):
    services, _rng = filled
    for typed in ("mül", "ue", "NEAR(", '"'):
        query = ListQuery(text=typed)
        assert services.contacts.count(query) == len(expected_ids(database, "contacts", typed))
        assert services.activities.totals(query)[0] == len(
            expected_ids(database, "activities", typed)
        )


def test_the_index_follows_saves_renames_and_deletes(contacts, database):
    jana = person(contacts, "Jana Quappendorf")
    assert [row[0] for row in contacts.list_rows(ListQuery(text="quappen"))] == [jana]
    data = contacts.get(jana)
    data.name = "Jana Zwirbelmann"
    contacts.update(data)
    assert contacts.list_rows(ListQuery(text="quappen")) == []
    assert [row[0] for row in contacts.list_rows(ListQuery(text="zwirbel"))] == [jana]
    contacts.delete([jana])
    assert contacts.list_rows(ListQuery(text="zwirbel")) == []
    with database.engine.begin() as connection:  # raises when the index and the table differ
        connection.exec_driver_sql(
            "INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)"
        )


def raw_bytes(path) -> bytes:
    """The file as a disk holds it, once SQLite has written back its journal."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_deleted_persons_name_leaves_no_trigram_in_the_file(database_path):
    """FTS5 keeps deleted rows' terms in older segments until they are merged: the
    delete merges them, so not even the trigrams of the erased name stay on disk."""
    name = "Qxjvw Zyqkp"
    assert contact_search_text(name=name) == "qxjvw zyqkp"
    database = open_database(str(database_path))
    services = Services.on(database)
    person(services.contacts, "Lea Brandt")
    erased = person(services.contacts, name)
    person(services.contacts, "Tom Brandt")
    database.close()
    trigrams = [b"qxj", b"zyq"]  # first on their leaf: no shared prefix with a neighbour
    before = raw_bytes(database_path)
    assert all(trigram in before for trigram in trigrams)

    database = open_database(str(database_path))
    Services.on(database).contacts.delete([erased])
    with database.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM")
    database.close()

    after = raw_bytes(database_path)
    assert not [trigram for trigram in trigrams if trigram in after]
    assert b"Brandt" in after


def index_is_in_step(database) -> None:
    """FTS5's own check: raises when an index names other rows or texts than its table."""
    with database.engine.begin() as connection:
        for table in ("contacts", "offers", "activities"):
            connection.exec_driver_sql(
                f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)"
            )


def test_an_older_database_gets_its_index_filled_by_the_upgrade(tmp_path):
    database = open_database(str(old_database(tmp_path / "old.sqlite")))
    try:
        services = Services.on(database)
        index_is_in_step(database)
        assert [row[1] for row in services.contacts.list_rows(ListQuery(text="mueller"))] == [
            "Anna Müller"
        ]
        assert [row[3] for row in services.activities.list_rows(ListQuery(text="größere"))] == [
            "Sprachcafé Februar"
        ]
    finally:
        database.close()


def test_bulk_data_and_a_restored_backup_keep_the_index_in_step(database, tmp_path):
    generate_bulk_data(database, contacts=60, activities=400, offers=20)
    index_is_in_step(database)
    services = Services.on(database)
    for typed in ("netz", "sprach", "treffen ca", "xyz"):
        for entity in ("contacts", "offers", "activities"):
            assert set(found(services, entity, typed)) == expected_ids(database, entity, typed)
    backup = backup_database(database, tmp_path / "backups")
    later = person(services.contacts, "Wenzel Quirinius")
    restore_backup(database, backup, tmp_path / "safety")
    index_is_in_step(database)
    assert found(services, "contacts", "quirin") == []
    assert later not in found(services, "contacts", "")
