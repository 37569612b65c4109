"""OfferService: offers with texts in several languages, schedules and contact persons."""

from __future__ import annotations

from datetime import date, time

import pytest
from service_builders import activity_data, offer_data, organisation, person, sql

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, Recurrence, TargetGroup
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.domain.plain_text import without_bidi_controls
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OFFER_COLUMNS


def titles(service, text="", **query) -> list[str]:
    return [row[1] for row in service.list_rows(ListQuery(text=text, **query))]


def refused(service, data) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        service.create(data)
    assert service.count() == 0
    return caught.value.errors


# --- create, read, update ------------------------------------------------------------------------------


def test_create_and_get_round_trip(offers, contacts):
    vhs = organisation(contacts, "VHS Neustadt")
    anna = person(contacts, "Anna")
    data = offer_data(
        "Sprachcafé",
        category=OfferCategory.LANGUAGE,
        status=OfferStatus.PLANNED,
        recurrence=Recurrence.BIWEEKLY,
        start_date=date(2025, 1, 7),
        end_date=date(2025, 6, 24),
        start_time=time(16, 0),
        end_time=time(17, 30),
        target_groups=[TargetGroup.WOMEN, TargetGroup.NEWCOMERS, TargetGroup.WOMEN],
        languages=[" AR", "uk", "ar"],
        place_name=" Gemeindehaus ",
        street="Kirchstraße 2",
        postal_code="67433",
        city="Neustadt",
        cost_cents=250,
        cost_note="Kaffee inklusive",
        registration_required=True,
        registration_note="bis Montag",
        web_url="https://example.org/sprachcafe",
        provider_id=vhs,
        contact_person_ids=[anna, anna],
    )
    data.texts.append(OfferTextData("ar", "مقهى اللغة", "نلتقي كل أسبوعين"))

    offer_id = offers.create(data)
    stored = offers.get(offer_id)

    assert stored.id == offer_id
    assert stored.title == "Sprachcafé"
    assert [(t.language, t.title, t.description) for t in stored.texts] == [
        ("de", "Sprachcafé", ""),
        ("ar", "مقهى اللغة", "نلتقي كل أسبوعين"),
    ]
    assert stored.status is OfferStatus.PLANNED
    assert stored.recurrence is Recurrence.BIWEEKLY
    assert (stored.start_date, stored.end_date) == (date(2025, 1, 7), date(2025, 6, 24))
    assert (stored.start_time, stored.end_time) == (time(16, 0), time(17, 30))
    assert sorted(stored.target_groups) == sorted([TargetGroup.WOMEN, TargetGroup.NEWCOMERS])
    assert stored.languages == ["ar", "uk"]
    assert stored.place_name == "Gemeindehaus"
    assert stored.cost_cents == 250
    assert stored.registration_required is True
    assert stored.provider_id == vhs
    assert stored.contact_person_ids == [anna]
    assert stored.schedule.next_dates(date(2025, 6, 1), 5) == [date(2025, 6, 10), date(2025, 6, 24)]


def test_update_with_two_contact_persons(offers, contacts, database):
    zoe = person(contacts, "Zoe Wagner")
    anna = person(contacts, "Anna Berg")
    offer_id = offers.create(offer_data(contact_person_ids=[zoe]))

    data = offers.get(offer_id)
    data.contact_person_ids = [zoe, anna]
    offers.update(data)

    assert offers.get(offer_id).contact_person_ids == [anna, zoe]  # ordered by name
    assert sorted(
        sql(database, "SELECT contact_id FROM offer_contacts WHERE offer_id = :id", id=offer_id)
    ) == sorted([(zoe,), (anna,)])

    data.contact_person_ids = [anna]
    offers.update(data)
    assert sql(
        database, "SELECT contact_id FROM offer_contacts WHERE offer_id = :id", id=offer_id
    ) == [(anna,)]
    assert sql(database, "SELECT COUNT(*) FROM contacts") == [(2,)]


def test_update_texts_target_groups_and_languages(offers, database):
    data = offer_data("Kochtreff", target_groups=[TargetGroup.FAMILIES], languages=["ar", "de"])
    data.texts += [OfferTextData("ar", "لقاء الطبخ"), OfferTextData("uk", "Кулінарна зустріч")]
    offer_id = offers.create(data)
    german_row_id = sql(
        database, "SELECT id FROM offer_texts WHERE offer_id = :id AND language = 'de'", id=offer_id
    )

    data = offers.get(offer_id)
    data.texts = [
        OfferTextData("de", "Kochtreff am Abend", "mit Kinderbetreuung"),
        OfferTextData("uk", "  "),
    ]
    data.target_groups = [TargetGroup.FAMILIES, TargetGroup.CHILDREN]
    data.languages = ["de", "ar"]
    offers.update(data)

    stored = offers.get(offer_id)
    assert [(t.language, t.title, t.description) for t in stored.texts] == [
        ("de", "Kochtreff am Abend", "mit Kinderbetreuung")
    ]
    assert sorted(stored.target_groups) == sorted([TargetGroup.FAMILIES, TargetGroup.CHILDREN])
    assert stored.languages == ["de", "ar"]
    # the German text row is updated in place, the dropped ones are gone for real
    assert sql(
        database, "SELECT id, language FROM offer_texts WHERE offer_id = :id", id=offer_id
    ) == [(german_row_id[0][0], "de")]
    assert sql(
        database,
        "SELECT code, position FROM offer_languages WHERE offer_id = :id ORDER BY position",
        id=offer_id,
    ) == [
        ("de", 0),
        ("ar", 1),
    ]
    assert titles(offers, "abend") == ["Kochtreff am Abend"]
    assert titles(offers, "kinderbetreuung") == ["Kochtreff am Abend"]


def test_update_of_a_deleted_offer_raises_not_found(offers):
    offer_id = offers.create(offer_data())
    data = offers.get(offer_id)
    offers.delete([offer_id])
    with pytest.raises(NotFoundError):
        offers.update(data)
    with pytest.raises(NotFoundError):
        offers.get(offer_id)


# --- validation -----------------------------------------------------------------------------------------------


def test_german_title_is_required(offers):
    data = offer_data("")
    data.texts.append(OfferTextData("ar", "مقهى اللغة"))
    assert refused(offers, data) == {
        "title": _("{field} is required.").format(field=_("The German title"))
    }


def test_end_date_before_start_date_is_refused(offers):
    errors = refused(offers, offer_data(start_date=date(2025, 5, 1), end_date=date(2025, 4, 30)))
    assert errors == {"end_date": _("The end date lies before the start date.")}


@pytest.mark.parametrize("end", [time(9, 59), time(10, 0)])
def test_end_time_not_after_start_time_is_refused(offers, end):
    errors = refused(offers, offer_data(start_time=time(10, 0), end_time=end))
    assert errors == {"end_time": _("The end time must be after the start time.")}


def test_negative_cost_is_refused(offers):
    errors = refused(offers, offer_data(cost_cents=-1))
    assert errors == {"cost_cents": _("{field} cannot be negative.").format(field=_("The cost"))}


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "https://", "https://exa mple.org", "http://localhost"]
)
def test_malformed_web_address_is_refused(offers, url):
    errors = refused(offers, offer_data(web_url=url))
    assert errors == {
        "web_url": _("“{value}” is not a web address starting with https:// or http://.").format(
            value=url
        )
    }


def test_unknown_language_codes_are_refused(offers):
    data = offer_data(languages=["de", "klingon"])
    data.texts.append(OfferTextData("qq", "Titel"))
    errors = refused(offers, data)
    assert set(errors) == {"languages", "texts"}
    assert "klingon" in errors["languages"]
    assert "qq" in errors["texts"]


def test_one_text_per_language(offers):
    data = offer_data()
    data.texts.append(OfferTextData("DE", "Noch ein Titel"))
    assert refused(offers, data) == {"texts": _("Each language may have only one text.")}


def test_description_without_title_is_refused(offers):
    data = offer_data()
    data.texts.append(OfferTextData("uk", " ", "опис"))
    assert set(refused(offers, data)) == {"texts"}


def test_one_off_offer_has_no_other_end_date(offers):
    errors = refused(offers, offer_data(recurrence=Recurrence.ONCE, end_date=date(2025, 1, 8)))
    assert set(errors) == {"end_date"}
    offers.create(offer_data(recurrence=Recurrence.ONCE, end_date=date(2025, 1, 7)))


def test_provider_must_be_an_organisation(offers, contacts):
    anna = person(contacts, "Anna")
    for provider in (anna, 999):
        errors = refused(offers, offer_data(provider_id=provider))
        assert errors == {
            "provider_id": _("The provider must be an organisation from the contacts.")
        }


def test_refused_update_leaves_the_offer_unchanged(offers, contacts):
    anna = person(contacts, "Anna")
    offer_id = offers.create(offer_data("Vorher", place_name="Rathaus"))
    data = offers.get(offer_id)
    data.place_name = "Schule"
    data.provider_id = anna
    with pytest.raises(ValidationError):
        offers.update(data)
    assert offers.get(offer_id).place_name == "Rathaus"


# --- search and list ----------------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(offers):
    ids = {}
    ids["café"] = offers.create(
        offer_data(
            "Sprachcafé",
            languages=["ar", "de"],
            place_name="Bürgerhaus",
            city="Neustadt",
            target_groups=[TargetGroup.EVERYONE],
            start_date=date(2025, 2, 1),
        )
    )
    ids["fest"] = offers.create(
        offer_data(
            "Kürbisfest",
            category=OfferCategory.LEISURE,
            status=OfferStatus.ENDED,
            city="Altdorf",
            target_groups=[TargetGroup.FAMILIES, TargetGroup.CHILDREN],
            start_date=date(2024, 10, 5),
            recurrence=Recurrence.ONCE,
        )
    )
    ids["frauen"] = offers.create(
        offer_data(
            "Frauentreff Süd",
            category=OfferCategory.FAMILY,
            languages=["uk"],
            place_name="Familienzentrum",
            target_groups=[TargetGroup.WOMEN],
            start_date=date(2025, 3, 1),
        )
    )
    ids["beratung"] = offers.create(
        offer_data(
            "Beratung zum Aufenthalt",
            category=OfferCategory.COUNSELLING,
            status=OfferStatus.PAUSED,
            languages=["prs", "fa"],
            city="Neustadt",
            start_date=date(2025, 1, 15),
        )
    )
    return ids


@pytest.mark.parametrize("typed", ["kü", "KÜRBIS", "bürgerhaus", "süd"])
def test_search_ignores_case_of_umlauts(offers, catalogue, typed):
    assert len(titles(offers, typed)) == 1


def test_search_needs_every_word(offers, catalogue):
    assert titles(offers, "neustadt") == ["Beratung zum Aufenthalt", "Sprachcafé"]
    assert titles(offers, "neustadt café") == ["Sprachcafé"]
    assert titles(offers, "neustadt altdorf") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("arab", ["Sprachcafé"]),
        ("ukrain", ["Frauentreff Süd"]),
        ("dari", ["Beratung zum Aufenthalt"]),
    ],
)
def test_search_by_spoken_language_name(offers, catalogue, typed, expected):
    assert titles(offers, typed) == expected


def test_search_by_category_label(offers, catalogue):
    assert titles(offers, OfferCategory.LEISURE.label) == ["Kürbisfest"]


def test_list_rows_have_the_documented_columns(offers, catalogue):
    row = offers.list_rows(ListQuery(text="sprachcafé"))[0]
    values = dict(zip(OFFER_COLUMNS, row[1:]))
    assert values["title"] == "Sprachcafé"
    assert values["category"] is OfferCategory.LANGUAGE
    assert values["status"] is OfferStatus.ACTIVE
    assert values["schedule"] == date(2025, 2, 1)
    assert values["place"] == "Bürgerhaus"
    assert values["languages"] == "ar, de"
    assert values["text_languages"] == "de"
    assert row[len(OFFER_COLUMNS) + 1] is Recurrence.WEEKLY


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"category": OfferCategory.LEISURE}, ["Kürbisfest"]),
        ({"status": OfferStatus.ACTIVE}, ["Frauentreff Süd", "Sprachcafé"]),
        ({"target_group": TargetGroup.CHILDREN}, ["Kürbisfest"]),
        ({"language": "uk"}, ["Frauentreff Süd"]),
        ({"language": "ar", "status": OfferStatus.ENDED}, []),
    ],
)
def test_list_filters(offers, catalogue, filters, expected):
    assert titles(offers, filters=filters) == expected
    assert offers.count(ListQuery(filters=filters)) == len(expected)


def test_list_sorts(offers, catalogue):
    assert titles(offers) == [
        "Beratung zum Aufenthalt",
        "Frauentreff Süd",
        "Kürbisfest",
        "Sprachcafé",
    ]
    assert titles(offers, descending=True) == [
        "Sprachcafé",
        "Kürbisfest",
        "Frauentreff Süd",
        "Beratung zum Aufenthalt",
    ]
    assert titles(offers, sort_key="schedule") == [
        "Kürbisfest",
        "Beratung zum Aufenthalt",
        "Sprachcafé",
        "Frauentreff Süd",
    ]
    assert titles(offers, sort_key="schedule", descending=True)[0] == "Frauentreff Süd"


def test_list_pages(offers):
    for number in range(7):
        offers.create(offer_data(f"Kurs {number}"))
    pages = [offers.list_rows(ListQuery(), offset, 3) for offset in (0, 3, 6)]
    assert [[row[1] for row in p] for p in pages] == [
        ["Kurs 0", "Kurs 1", "Kurs 2"],
        ["Kurs 3", "Kurs 4", "Kurs 5"],
        ["Kurs 6"],
    ]
    assert offers.count() == 7


def test_get_many(offers, catalogue):
    every = offers.get_many()
    assert [o.title for o in every] == [
        "Beratung zum Aufenthalt",
        "Frauentreff Süd",
        "Kürbisfest",
        "Sprachcafé",
    ]
    assert every[3].languages == ["ar", "de"]
    assert sorted(every[2].target_groups) == sorted([TargetGroup.FAMILIES, TargetGroup.CHILDREN])

    chosen = offers.get_many([catalogue["café"], catalogue["fest"], 9999])
    assert [o.id for o in chosen] == [catalogue["fest"], catalogue["café"]]

    active_or_paused = offers.get_many(statuses=(OfferStatus.ACTIVE, OfferStatus.PAUSED))
    assert [o.title for o in active_or_paused] == [
        "Beratung zum Aufenthalt",
        "Frauentreff Süd",
        "Sprachcafé",
    ]

    assert offers.get_many([catalogue["fest"]], statuses=(OfferStatus.ACTIVE,)) == []
    assert offers.get_many([]) == []


def test_get_many_sorts_titles_case_insensitively(offers):
    for title in ("bücherei", "Anlauf", "Zumba"):
        offers.create(offer_data(title))
    assert [o.title for o in offers.get_many()] == ["Anlauf", "bücherei", "Zumba"]


def test_choices_use_the_german_title(offers, catalogue):
    # Place and weekday (or a one-off offer's date) follow the title (issue 10, item 7).
    titles = [without_bidi_controls(label).split(" (")[0] for _id, label in offers.choices()]
    assert titles == ["Beratung zum Aufenthalt", "Frauentreff Süd", "Kürbisfest", "Sprachcafé"]


# --- delete --------------------------------------------------------------------------------------------------------


def test_deleting_an_offer_keeps_its_activities(offers, activities, contacts, database):
    anna = person(contacts, "Anna")
    data = offer_data(
        languages=["ar"], target_groups=[TargetGroup.WOMEN], contact_person_ids=[anna]
    )
    data.texts.append(OfferTextData("ar", "مقهى اللغة"))
    offer_id = offers.create(data)
    other_id = offers.create(offer_data("Anderes"))
    sessions = [
        activities.create(activity_data(f"Termin {n}", offer_id=offer_id)) for n in range(2)
    ]
    other_session = activities.create(activity_data("Anderer Termin", offer_id=other_id))

    offers.delete([offer_id])

    assert [activities.get(a).offer_id for a in sessions] == [None, None]
    assert activities.get(other_session).offer_id == other_id
    assert sql(database, "SELECT COUNT(*) FROM activities") == [(3,)]
    for table in ("offer_texts", "offer_languages", "offer_target_groups", "offer_contacts"):
        assert sql(database, f"SELECT COUNT(*) FROM {table} WHERE offer_id = :id", id=offer_id) == [
            (0,)
        ], table
    assert contacts.get(anna).name == "Anna"
    assert [o.id for o in offers.get_many()] == [other_id]
