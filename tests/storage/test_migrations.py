"""Migrations: a new database matches the models, an old one is upgraded without loss."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind, ContactRole, LegalBasis, OfferCategory, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import (
    alembic_config,
    create_database_engine,
    head_revision,
    open_database,
)
from gwa_desktop.storage.errors import EmptyDatabaseFileError
from gwa_desktop.storage.models import full_metadata
from gwa_desktop.storage.search_index import include_object

SEARCHABLE_TABLES = ("contacts", "offers", "activities")
ALL_TABLES = (
    "contacts",
    "consent_records",
    "contact_languages",
    "contact_topics",
    "tags",
    "contact_tags",
    "offers",
    "offer_texts",
    "offer_target_groups",
    "offer_languages",
    "offer_contacts",
    "activities",
    "activity_languages",
    "activity_organisations",
    "municipality_settings",
)
STAMP = "'2024-01-01 09:00:00.000000'"

# Rows as the program wrote them at revision 0001, in raw SQL so that later model
# changes cannot alter what an "old" database looks like.
ROWS_AT_0001 = [
    f"""INSERT INTO contacts (id, kind, name, organisation_id, role, phone, email, street, postal_code,
        city, notes, legal_basis, created_at, updated_at) VALUES
        (1, 'organisation', 'Caritas Neustadt', NULL, 'association', '06321 100', '', '', '', 'Neustadt', '', NULL, {STAMP}, {STAMP}),
        (2, 'person', 'Anna Müller', 1, 'language_mediator', '06321 4711', 'anna@example.org', 'Hauptstraße 1',
         '67433', 'Neustadt', 'Dolmetscht dienstags', 'consent', {STAMP}, {STAMP}),
        (3, 'person', 'Peter Schmidt', 1, NULL, '', '', '', '', '', '', NULL, {STAMP}, {STAMP})""",
    f"""INSERT INTO consent_records (id, contact_id, given_on, purpose, form_version, form_language, method,
        withdrawn_on, created_at, updated_at) VALUES
        (1, 2, '2024-03-01', 'Einladungen', 'v1', 'de', 'written', NULL, {STAMP}, {STAMP})""",
    "INSERT INTO contact_languages (contact_id, code, position) VALUES (2, 'ar', 0), (2, 'de', 1)",
    "INSERT INTO contact_topics (contact_id, topic, position) VALUES (2, 'Kita', 0)",
    "INSERT INTO tags (id, name) VALUES (1, 'Ehrenamt')",
    "INSERT INTO contact_tags (contact_id, tag_id) VALUES (2, 1)",
    f"""INSERT INTO offers (id, category, status, place_name, street, postal_code, city, recurrence, start_date,
        end_date, start_time, end_time, cost_cents, cost_note, registration_required, registration_note, web_url,
        provider_id, created_at, updated_at) VALUES
        (1, 'language', 'active', 'Bürgerhaus', 'Marktplatz 3', '67433', 'Neustadt', 'weekly', '2024-01-09', NULL,
         '16:00:00.000000', '18:00:00.000000', NULL, '', 0, '', 'https://example.org', 1, {STAMP}, {STAMP})""",
    """INSERT INTO offer_texts (id, offer_id, language, title, description, position) VALUES
        (1, 1, 'de', 'Sprachcafé', 'Deutsch üben bei Kaffee', 0),
        (2, 1, 'ar', 'مقهى اللغة', '', 1)""",
    "INSERT INTO offer_target_groups (offer_id, \"group\") VALUES (1, 'everyone'), (1, 'women')",
    "INSERT INTO offer_languages (offer_id, code, position) VALUES (1, 'ar', 0)",
    "INSERT INTO offer_contacts (offer_id, contact_id) VALUES (1, 2)",
    f"""INSERT INTO activities (id, occurred_on, start_time, end_time, kind, title, offer_id, participants_total,
        participants_women, participants_men, participants_diverse, age_under_18, age_18_26, age_27_64,
        age_65_plus, newcomers, regulars, volunteers_count, volunteer_hours, notes, created_at, updated_at) VALUES
        (1, '2024-02-06', '16:00:00.000000', NULL, 'offer_session', 'Sprachcafé Februar', 1, 12, 7, 5, NULL,
         NULL, NULL, NULL, NULL, 3, 9, 2, 3.5, 'Größere Gruppe als sonst', {STAMP}, {STAMP})""",
    "INSERT INTO activity_languages (activity_id, code, position) VALUES (1, 'ar', 0)",
    "INSERT INTO activity_organisations (activity_id, contact_id) VALUES (1, 1)",
    f"""INSERT INTO municipality_settings (id, name, district, officer_name, officer_phone, officer_email,
        officer_address, logo, logo_filename, created_at, updated_at) VALUES
        (1, 'Gemeinde Neustadt', 'Landkreis Süd', 'Ayşe Demir', '', '', '', NULL, '', {STAMP}, {STAMP})""",
]


def migrate_to(path: Path, revision: str) -> None:
    """Bring the file at `path` to `revision` as an older program version would have."""
    engine = create_database_engine(f"sqlite:///{path}")
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def old_database(path: Path) -> Path:
    migrate_to(path, "0001")
    with sqlite3.connect(path) as connection:
        for statement in ROWS_AT_0001:
            connection.execute(statement)
    connection.close()
    return path


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        counts = {
            t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ALL_TABLES
        }
    connection.close()
    return counts


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return revision


def schema_differences(database) -> list:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        return compare_metadata(context, full_metadata())


# --- a new database ------------------------------------------------------------------------------------


def test_new_database_is_at_head_and_matches_the_models(tmp_path):
    path = tmp_path / "new.sqlite"
    database = open_database(str(path))
    try:
        assert revision_of(path) == head_revision()
        assert schema_differences(database) == []
        assert set(ALL_TABLES) <= set(inspect(database.engine).get_table_names())
    finally:
        database.close()


def test_an_empty_file_is_refused_not_made_a_new_database(tmp_path):
    """Zero bytes is what a failed copy leaves; starting afresh in it would hide the loss."""
    path = tmp_path / "leer.sqlite"
    path.touch()
    with pytest.raises(EmptyDatabaseFileError, match="0 Byte"):
        open_database(str(path), backup_dir=tmp_path / "backups")
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leer.sqlite"]


def test_a_missing_file_becomes_a_new_database_with_owner_only_permissions(tmp_path):
    path = tmp_path / "neu.sqlite"
    open_database(str(path)).close()
    assert revision_of(path) == head_revision()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["neu.sqlite"]  # no temporary file left
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_wal_mode_and_foreign_keys_are_on(database):
    with database.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    with pytest.raises(IntegrityError), database.session() as session:
        session.execute(
            text("INSERT INTO contact_languages (contact_id, code, position) VALUES (999, 'de', 0)")
        )


def test_opening_a_current_database_makes_no_backup(database_path, tmp_path):
    open_database(str(database_path), backup_dir=tmp_path / "backups").close()
    assert not (tmp_path / "backups").exists()


# --- upgrading an old database ------------------------------------------------------------------------


def test_old_database_is_upgraded_without_loss(tmp_path):
    path = old_database(tmp_path / "gwa.sqlite")
    before = row_counts(path)
    assert revision_of(path) == "0001"

    database = open_database(str(path), backup_dir=tmp_path / "backups")
    try:
        assert revision_of(path) == head_revision()
        assert row_counts(path) == before
        assert schema_differences(database) == []

        contacts, offers, activities = (
            ContactService(database),
            OfferService(database),
            ActivityService(database),
        )
        anna = contacts.get(2)
        assert (anna.name, anna.organisation_id, anna.role) == (
            "Anna Müller",
            1,
            ContactRole.LANGUAGE_MEDIATOR,
        )
        assert (anna.phone, anna.languages, anna.topics, anna.tags) == (
            "06321 4711",
            ["ar", "de"],
            ["Kita"],
            ["Ehrenamt"],
        )
        assert anna.legal_basis is LegalBasis.CONSENT
        assert anna.consents[0].given_on == date(2024, 3, 1)

        offer = offers.get(1)
        assert offer.title == "Sprachcafé"
        assert offer.text_in("ar").title == "مقهى اللغة"
        assert (offer.category, offer.recurrence) == (OfferCategory.LANGUAGE, Recurrence.WEEKLY)
        assert (offer.start_time, offer.end_time) == (time(16), time(18))
        assert (offer.provider_id, offer.contact_person_ids) == (1, [2])

        activity = activities.get(1)
        assert (activity.offer_id, activity.participants_total, activity.volunteer_hours) == (
            1,
            12,
            3.5,
        )
        assert activity.organisation_ids == [1]
        assert SettingsService(database).get().officer_name == "Ayşe Demir"
    finally:
        database.close()


def test_upgrade_backfills_the_search_columns(tmp_path):
    database = open_database(str(old_database(tmp_path / "gwa.sqlite")))
    try:
        contacts, offers, activities = (
            ContactService(database),
            OfferService(database),
            ActivityService(database),
        )
        assert [row[1] for row in contacts.list_rows(ListQuery(text="mü"))] == ["Anna Müller"]
        assert [row[1] for row in contacts.list_rows(ListQuery(text="hauptstrasse"))] == [
            "Anna Müller"
        ]
        # an organisation's name finds its members too
        assert [row[1] for row in contacts.list_rows(ListQuery(text="caritas"))] == [
            "Anna Müller",
            "Caritas Neustadt",
            "Peter Schmidt",
        ]
        assert [row[1] for row in offers.list_rows(ListQuery(text="bürgerhaus"))] == ["Sprachcafé"]
        assert [row[1] for row in offers.list_rows(ListQuery(text="üben kaffee"))] == ["Sprachcafé"]
        assert [row[1] for row in offers.list_rows(ListQuery(text="مقهى"))] == ["Sprachcafé"]
        assert [row[3] for row in activities.list_rows(ListQuery(text="GRÖSSERE"))] == [
            "Sprachcafé Februar"
        ]
        with database.session() as session:
            for table in SEARCHABLE_TABLES:
                assert (
                    session.execute(
                        text(f"SELECT COUNT(*) FROM {table} WHERE search_text = ''")
                    ).scalar()
                    == 0
                )
    finally:
        database.close()


def test_a_copy_is_put_aside_before_upgrading(tmp_path):
    path = old_database(tmp_path / "gwa.sqlite")
    before = row_counts(path)
    backups = tmp_path / "backups"

    open_database(str(path), backup_dir=backups).close()

    copies = list(backups.iterdir())
    assert len(copies) == 1
    assert copies[0].name.startswith("gwa-before-upgrade-0001-")
    assert copies[0].suffix == ".sqlite"
    assert revision_of(copies[0]) == "0001"
    assert row_counts(copies[0]) == before
    with sqlite3.connect(copies[0]) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(contacts)")}
    connection.close()
    assert "search_text" not in columns


def test_the_copy_includes_transactions_left_in_the_write_ahead_log(tmp_path):
    """After a crash the last transactions may live only in the -wal file."""
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    path = old_database(tmp_path / "gwa.sqlite")
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.execute(
        f"INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, notes, created_at, updated_at)"
        f" VALUES (10, 'person', 'Nach dem Absturz', '', '', '', '', '', '', {STAMP}, {STAMP})"
    )
    connection.commit()
    # copy the files while the connection is still open, as a crash would leave them
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        assert source.exists(), suffix
        (crashed / f"gwa.sqlite{suffix}").write_bytes(source.read_bytes())
    connection.close()

    database = open_database(str(crashed / "gwa.sqlite"), backup_dir=tmp_path / "backups")
    try:
        assert ContactService(database).count(ListQuery(text="absturz")) == 1
    finally:
        database.close()
    (copy,) = (tmp_path / "backups").iterdir()
    with sqlite3.connect(copy) as backup:
        assert backup.execute("SELECT name FROM contacts WHERE id = 10").fetchall() == [
            ("Nach dem Absturz",)
        ]
    backup.close()


def test_downgrade_to_0001_and_upgrade_again(database_path, tmp_path):
    database = open_database(str(database_path))
    contacts, offers = ContactService(database), OfferService(database)
    org_id = contacts.create(ContactData(name="Tafel Süd", kind=ContactKind.ORGANISATION))
    anna_id = contacts.create(
        ContactData(
            name="Anna Müller",
            organisation_id=org_id,
            languages=["ar"],
            topics=["Kita"],
            legal_basis=LegalBasis.PUBLIC_TASK,
        )
    )
    offers.create(
        OfferData(
            texts=[OfferTextData("de", "Kürbisfest")],
            category=OfferCategory.LEISURE,
            start_date=date(2025, 10, 4),
            provider_id=org_id,
            contact_person_ids=[anna_id],
        )
    )
    database.close()
    before = row_counts(database_path)

    # Alembic's batch mode copies tables on SQLite; it must run with foreign keys off, or
    # dropping the old table would cascade into the link tables (see the Alembic docs on
    # batch mode and foreign keys). A plain engine has SQLite's default: off.
    engine = create_engine(f"sqlite:///{database_path}")
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    finally:
        engine.dispose()

    assert revision_of(database_path) == "0001"
    assert row_counts(database_path) == before
    with sqlite3.connect(database_path) as connection:
        for table in SEARCHABLE_TABLES:
            assert "search_text" not in {
                row[1] for row in connection.execute(f"PRAGMA table_info({table})")
            }
    connection.close()

    database = open_database(str(database_path), backup_dir=tmp_path / "backups")
    try:
        assert revision_of(database_path) == head_revision()
        assert row_counts(database_path) == before
        assert schema_differences(database) == []
        assert [row[1] for row in ContactService(database).list_rows(ListQuery(text="mü"))] == [
            "Anna Müller"
        ]
        assert [row[1] for row in ContactService(database).list_rows(ListQuery(text="tafel"))] == [
            "Anna Müller",
            "Tafel Süd",
        ]
        assert [row[1] for row in OfferService(database).list_rows(ListQuery(text="kürbis"))] == [
            "Kürbisfest"
        ]
        assert ContactService(database).get(anna_id).languages == ["ar"]
        assert OfferService(database).get_many()[0].contact_person_ids == [anna_id]
    finally:
        database.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
