"""Names sort as a German reader expects (DIN 5007-1), in lists, pickers, prints and exports."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis
from gwa_desktop.domain.plain_text import without_bidi_controls
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ConsentData, ContactData, ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.reindex import ensure_current, reindex, stale_indexes
from gwa_desktop.storage.database import open_database
from tests.services.service_builders import activity_data, offer_data, organisation, person, sql

#: As entered, and as a German reader looks them up.
ENTERED = ["Ärztehaus", "awo Ortsverein", "Öffentliche Bücherei", "Zentrum Nord", "Arbeitsagentur"]
EXPECTED = ["Arbeitsagentur", "Ärztehaus", "awo Ortsverein", "Öffentliche Bücherei", "Zentrum Nord"]


def test_the_key_follows_din_5007_and_keeps_turkish_and_arabic_letters_in_place():
    assert sorted(ENTERED, key=sort_key) == EXPECTED
    # Turkish letters stand beside their base letter, not after "z".
    assert sorted(
        ["Zeynep", "Şahin", "Sabine", "Tarek", "Çelik", "Dana", "İlhan", "Jana"], key=sort_key
    ) == ["Çelik", "Dana", "İlhan", "Jana", "Sabine", "Şahin", "Tarek", "Zeynep"]
    # Arabic names in the order of the Arabic alphabet (alif, ba, jim, ..., mim), after Latin ones.
    assert sorted(["محمد", "بشير", "أحمد", "جميلة", "Zoe"], key=sort_key) == [
        "Zoe",
        "أحمد",
        "بشير",
        "جميلة",
        "محمد",
    ]
    # Case only breaks ties, and a shorter name comes before its continuation.
    assert sorted(["Müllerhof", "müller", "Müller"], key=sort_key) == [
        "müller",
        "Müller",
        "Müllerhof",
    ]
    assert sort_key("") == b"" and sort_key(None) == b""


def test_contacts_organisations_and_pickers_sort_by_the_collation(contacts):
    for name in ENTERED:
        organisation(contacts, name)
    names = [row[1] for row in contacts.list_rows(ListQuery())]
    assert names == EXPECTED
    assert [
        row[1] for row in contacts.list_rows(ListQuery(sort_key="name", descending=True))
    ] == EXPECTED[::-1]
    assert [name for _id, name in contacts.organisations()] == EXPECTED
    assert [name for _id, name in contacts.choices()] == EXPECTED


def test_the_organisation_column_sorts_by_the_collation_too(contacts):
    ids = {name: organisation(contacts, name) for name in ENTERED}
    for number, name in enumerate(ENTERED):
        person(contacts, f"Person {number}", organisation_id=ids[name])
    rows = contacts.list_rows(
        ListQuery(sort_key="organisation", filters={"kind": ContactKind.PERSON})
    )
    assert [row[3] for row in rows] == EXPECTED


def test_a_renamed_contact_moves_to_its_new_place(contacts):
    for name in ENTERED:
        organisation(contacts, name)
    zentrum = next(row[0] for row in contacts.list_rows(ListQuery()) if row[1] == "Zentrum Nord")
    data = contacts.get(zentrum)
    data.name = "Ämterzentrum"
    contacts.update(data)
    assert [row[1] for row in contacts.list_rows(ListQuery())][:3] == [
        "Ämterzentrum",
        "Arbeitsagentur",
        "Ärztehaus",
    ]


def test_offer_titles_places_and_the_offer_picker_sort_by_the_collation(offers):
    for title, place in zip(ENTERED, reversed(ENTERED)):
        offers.create(offer_data(title, place_name=place))
    assert [row[1] for row in offers.list_rows(ListQuery())] == EXPECTED
    assert [row[5] for row in offers.list_rows(ListQuery(sort_key="place"))] == EXPECTED
    # The picker shows "title (place, weekday)"; it sorts by the title.
    titles = [without_bidi_controls(label).split(" (")[0] for _id, label in offers.choices()]
    assert titles == EXPECTED
    assert [o.title for o in offers.get_many()] == EXPECTED  # prints and exports


def test_activity_titles_and_their_offers_sort_by_the_collation(offers, activities):
    for title in ENTERED:
        offer_id = offers.create(offer_data(title))
        activities.create(activity_data(title, kind=ActivityKind.OFFER_SESSION, offer_id=offer_id))
    assert [row[3] for row in activities.list_rows(ListQuery(sort_key="title"))] == EXPECTED
    assert [row[4] for row in activities.list_rows(ListQuery(sort_key="offer"))] == EXPECTED


def _spoil(database) -> None:
    """Keys and texts as an older program (binary order, other catalogs) left them."""
    with database.engine.begin() as connection:
        for table in ("contacts", "activities", "offer_texts"):
            connection.exec_driver_sql(f"UPDATE {table} SET sort_key = NULL")
        for table in ("contacts", "offers", "activities"):
            connection.exec_driver_sql(f"UPDATE {table} SET search_text = ''")
        connection.exec_driver_sql("UPDATE offers SET place_sort_key = NULL")
        connection.exec_driver_sql("UPDATE index_versions SET version = 'uca-0/older'")


def _filled(database) -> None:
    contacts, offers, activities = (
        ContactService(database),
        OfferService(database),
        ActivityService(database),
    )
    for name in ENTERED:
        organisation(contacts, name, languages=["ar"])
        offers.create(offer_data(name, place_name=name))
        activities.create(activity_data(name))


def test_reindex_computes_keys_and_search_texts_again_without_touching_versions(database):
    _filled(database)
    before = sql(
        database, "SELECT id, version, updated_at, search_text, sort_key FROM contacts ORDER BY id"
    )
    _spoil(database)
    assert "collation" in stale_indexes(database)
    assert ContactService(database).count(ListQuery(text="arabisch")) == 0
    summary = ensure_current(database)
    assert summary is not None and summary.changed == 4 * len(
        ENTERED
    )  # contacts, offers, texts, activities
    assert (
        sql(
            database,
            "SELECT id, version, updated_at, search_text, sort_key FROM contacts ORDER BY id",
        )
        == before
    )
    assert ContactService(database).count(ListQuery(text="arabisch")) == len(ENTERED)
    assert [
        row[1] for row in OfferService(database).list_rows(ListQuery(sort_key="place"))
    ] == EXPECTED
    assert [
        row[3] for row in ActivityService(database).list_rows(ListQuery(sort_key="title"))
    ] == EXPECTED
    assert stale_indexes(database) == [] and ensure_current(database) is None
    assert reindex(database).changed == 0


def test_a_changed_label_in_a_catalog_makes_the_search_text_stale(database, monkeypatch):
    _filled(database)
    reindex(database)
    monkeypatch.setattr("gwa_desktop.services.index_recipe.RECIPE", "search-test")
    assert stale_indexes(database) == ["search"]


def test_gwa_reindex_on_the_command_line(database_path, capsys):
    database = open_database(str(database_path))
    _filled(database)
    _spoil(database)
    database.close()
    assert main(["--database", str(database_path), "reindex"]) == 0
    assert (
        capsys.readouterr().out.strip().endswith(": 0")
    )  # the start already brought them up to date
    database = open_database(str(database_path))
    try:
        assert [row[1] for row in ContactService(database).list_rows(ListQuery())] == EXPECTED
        with database.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE contacts SET sort_key = NULL")
    finally:
        database.close()
    assert main(["--database", str(database_path), "reindex"]) == 0
    assert capsys.readouterr().out.strip().endswith(f": {len(ENTERED)}")


@pytest.mark.parametrize("name", ["", "   "])
def test_a_name_that_is_only_blank_gets_the_empty_key(name):
    assert sort_key(name) == b""


def test_consent_withdrawal_keeps_the_key(contacts):
    contact_id = contacts.create(
        ContactData(
            name="Öztürk",
            legal_basis=LegalBasis.CONSENT,
            phone="0123 4567",
            consents=[ConsentData(given_on=date(2026, 1, 5), purpose="Vermittlung")],
        )
    )
    contacts.withdraw_consent(contact_id, date(2026, 2, 1))
    assert sql(contacts.database, "SELECT sort_key FROM contacts")[0][0] == sort_key("Öztürk")


def test_the_short_byte_key_orders_exactly_as_the_weights():
    """Every pair of a varied sample compares as pyuca's weight tuples do."""
    from gwa_desktop.domain.collation import _collator

    names = [
        "",
        "a",
        "A",
        "á",
        "ä",
        "ae",
        "Ärztehaus",
        "Arbeitsagentur",
        "awo",
        "awo Ortsverein",
        "b",
        "Müller",
        "müller",
        "Müllerhof",
        "Mueller",
        "Straße",
        "Strasse",
        "İlhan",
        "Ilse",
        "ıslak",
        "Çelik",
        "محمد",
        "أحمد",
        "Київ",
        "Київська",
        "中文",
        "😀",
        "a-b",
        "a b",
        "ab",
        "Zoë",
        "zoe",
        "Ǆ",
        "ﬁ",
        "fi",
        "\u0301a",
        "x\u0301",
    ]
    collator = _collator()
    for left in names:
        for right in names:
            by_weights = (collator.sort_key(left.strip()) > collator.sort_key(right.strip())) - (
                collator.sort_key(left.strip()) < collator.sort_key(right.strip())
            )
            by_bytes = (sort_key(left) > sort_key(right)) - (sort_key(left) < sort_key(right))
            assert by_bytes == by_weights, (left, right)


def test_the_district_lists_municipalities_in_dictionary_order():
    from gwa_desktop.exchange.records import DistrictData, Period
    from gwa_desktop.exchange.summary import without_repeated_offers

    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    datasets = [
        DistrictData(name, "Landkreis", period, [], [])
        for name in ("Zell", "Öhringen", "Adorf", "Ebersbach")
    ]
    assert [d.municipality for d in without_repeated_offers(datasets)] == [
        "Adorf",
        "Ebersbach",
        "Öhringen",
        "Zell",
    ]


def test_reindex_right_after_the_demo_village_changes_nothing(database):
    """The services and reindex build the same keys and texts (tags typed out of order too)."""
    from gwa_desktop.services.demo_data import load_demo_data

    load_demo_data(database)
    assert reindex(database).changed == 0
