"""The same services on PostgreSQL, as a district office's shared database would run them.

Runs when GWA_TEST_POSTGRESQL_URL names an empty database the test may wipe (.ci/run
starts a local server and sets it); without one it is skipped, since there is nothing
to connect to.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from gwa_desktop.domain.enums import ContactKind, OfferCategory
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.contacts import ContactData
from gwa_desktop.services.demo_data import load_demo_data
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, import_package
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferData, OfferTextData
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reindex import reindex
from gwa_desktop.storage import database as storage
from gwa_desktop.storage.database import (
    alembic_config,
    head_revision,
    migration_engine,
    open_database,
)
from gwa_desktop.storage.models import full_metadata
from gwa_desktop.storage.search_index import INDEXED, include_object, trigram_index
from tests.services.search_cases import fill, matches, searches

URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")
pytestmark = pytest.mark.skipif(
    not URL, reason="GWA_TEST_POSTGRESQL_URL is not set (no PostgreSQL server to test against)"
)


def wipe() -> None:
    engine = create_engine(URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def services():
    wipe()
    database = open_database(URL)
    yield Services.on(database)
    database.close()


def test_migrations_reach_the_models_on_postgresql(services):
    with services.database.engine.connect() as connection:
        assert (
            compare_metadata(
                MigrationContext.configure(connection, opts={"include_object": include_object}),
                full_metadata(),
            )
            == []
        )


def test_demo_village_search_sort_and_delete_on_postgresql(services):
    load_demo_data(services.database)
    assert (services.contacts.count(), services.offers.count(), services.activities.count()) == (
        34,
        15,
        60,
    )
    assert [row[1] for row in services.offers.list_rows(ListQuery(text="naehcafe"))] == ["Nähcafé"]
    categories = [row[2].label for row in services.offers.list_rows(ListQuery(sort_key="category"))]
    assert categories == sorted(categories, key=str.casefold)
    by_organisation = services.contacts.list_rows(ListQuery(sort_key="organisation"))
    assert by_organisation[0][3] is None and by_organisation[-1][3] is not None  # as on SQLite
    first = services.activities.list_rows(ListQuery())[0][0]
    services.activities.delete([first])
    assert services.activities.count() == 59


def test_names_sort_as_a_german_reader_expects_on_postgresql(services):
    """The same stored keys, the same order as on SQLite (tests/services/test_collation.py)."""
    entered = [
        "Ärztehaus",
        "awo Ortsverein",
        "Öffentliche Bücherei",
        "Zentrum Nord",
        "Arbeitsagentur",
    ]
    expected = [
        "Arbeitsagentur",
        "Ärztehaus",
        "awo Ortsverein",
        "Öffentliche Bücherei",
        "Zentrum Nord",
    ]
    for name in entered:
        services.contacts.create(ContactData(name=name, kind=ContactKind.ORGANISATION))
        services.offers.create(
            OfferData(
                texts=[OfferTextData("de", name)],
                category=OfferCategory.LANGUAGE,
                start_date=date(2026, 1, 5),
                place_name=name,
            )
        )
    assert [row[1] for row in services.contacts.list_rows(ListQuery())] == expected
    assert [name for _id, name in services.contacts.organisations()] == expected
    assert [row[1] for row in services.offers.list_rows(ListQuery())] == expected
    assert [
        row[5] for row in services.offers.list_rows(ListQuery(sort_key="place", descending=True))
    ] == expected[::-1]
    with services.database.engine.begin() as connection:
        connection.execute(text("UPDATE contacts SET sort_key = NULL"))
    assert reindex(services.database).changed == len(entered)
    assert [row[1] for row in services.contacts.list_rows(ListQuery())] == expected


def test_district_export_and_import_on_postgresql(services, tmp_path):
    load_demo_data(services.database)
    period = Period(date(2000, 1, 1), date(2100, 12, 31))
    package = export_district(services.database, period, tmp_path)
    assert import_package(services.database, package, receipts=tmp_path).outcome == IMPORTED
    (village,) = village_figures(services.database)
    assert village.figures.activities == 60
    assert village.figures.participants_total == services.activities.totals()[1]
    # The suppression rule on records, as SQL on PostgreSQL, sums what the records carry.
    from gwa_desktop.services.district_collect import collect
    from gwa_desktop.services.district_figures import period_figures
    from tests.exchange.reference_figures import compute

    assert period_figures(services.database, period) == compute(
        [], collect(services.database, period).activities
    )
    # The plausibility rules' SQL runs on PostgreSQL and names the imported package.
    from gwa_desktop.services.district_checks import check_packages

    assert {f.municipality for f in check_packages(services.database)} <= {village.municipality}


def test_a_wider_newer_package_replaces_the_earlier_one_on_postgresql(services, tmp_path):
    """The replacement and the refusal are each one transaction on PostgreSQL too."""
    from datetime import datetime

    from gwa_desktop.services.district_import import OVERLAPS, REPLACED

    load_demo_data(services.database)
    mistyped = export_district(
        services.database,
        Period(date(2000, 1, 1), date(2100, 12, 30)),
        tmp_path,
        created=datetime(2026, 12, 1, 9),
    )
    corrected = export_district(
        services.database,
        Period(date(2000, 1, 1), date(2100, 12, 31)),
        tmp_path,
        created=datetime(2026, 12, 1, 10),
    )
    shifted = export_district(
        services.database,
        Period(date(2050, 1, 1), date(2101, 12, 31)),
        tmp_path,
        created=datetime(2026, 12, 1, 11),
    )
    assert import_package(services.database, mistyped, receipts=tmp_path).outcome == IMPORTED

    assert import_package(services.database, corrected, receipts=tmp_path).outcome == REPLACED
    assert import_package(services.database, shifted, receipts=tmp_path).outcome == OVERLAPS

    (village,) = village_figures(services.database)
    assert village.period.end == date(2100, 12, 31) and village.figures.activities == 60


def test_a_failed_upgrade_leaves_postgresql_at_the_old_revision(monkeypatch):
    """All pending migrations share one transaction on PostgreSQL too."""
    wipe()
    engine = migration_engine(URL)
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    original = storage._run_migrations

    def migrate_then_fail(connection, revision):
        original(connection, revision)
        raise RuntimeError("power cut")

    monkeypatch.setattr(storage, "_run_migrations", migrate_then_fail)
    with pytest.raises(RuntimeError):
        open_database(URL)
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        )
        columns = (
            connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'contacts'"
                )
            )
            .scalars()
            .all()
        )
    assert "search_text" not in columns
    monkeypatch.undo()
    open_database(URL).close()
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )
    engine.dispose()


def test_search_finds_what_like_finds_with_the_trigram_index_on_postgresql(services):
    """The same generated names and searches as on SQLite (tests/services/search_cases.py)."""
    with services.database.engine.connect() as connection:
        indexes = set(
            connection.execute(
                text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%search_trgm'")
            ).scalars()
        )
    assert indexes == {trigram_index(table) for table in INDEXED}
    rng = fill(services)
    with services.database.engine.connect() as connection:
        stored = {
            entity: connection.execute(text(f"SELECT id, search_text FROM {entity}")).all()
            for entity in ("offers", "activities")
        }
    for typed in searches(rng, 60):
        for entity, rows in stored.items():
            found = {row[0] for row in getattr(services, entity).list_rows(ListQuery(text=typed))}
            assert found == {row_id for row_id, text_ in rows if matches(text_, typed)}, typed


def test_several_roles_filter_list_and_export_on_postgresql(services):
    from gwa_desktop.domain.contact import ContactData
    from gwa_desktop.domain.enums import ContactRole, LegalBasis
    from gwa_desktop.services.list_export import list_table
    from gwa_desktop.services.listing import ListQuery

    services.contacts.create(
        ContactData(
            name="Amal Nasser",
            legal_basis=LegalBasis.PUBLIC_TASK,
            role=ContactRole.VOLUNTEER,
            other_roles=[ContactRole.LANGUAGE_MEDIATOR],
            languages=["ar", "prs"],
        )
    )
    query = ListQuery(filters={"role": ContactRole.LANGUAGE_MEDIATOR}, sort_key="role")
    table = list_table("contacts", services.contacts, query)
    assert [row[1] for row in table.rows] == ["Amal Nasser"]
    assert set(table.rows[0][4].split(", ")) == {
        r.label for r in ContactRole if r.value in ("volunteer", "language_mediator")
    }
    assert set(table.rows[0][7].split(", ")) == {"Arabisch", "Dari"}
