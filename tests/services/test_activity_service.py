"""ActivityService: what happened, with anonymous headcounts."""

from __future__ import annotations

from datetime import date, time

import pytest
from service_builders import activity_data, offer_data, organisation, sql

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.i18n import _
from gwa_desktop.services.activities import ACTIVITY_COLUMNS, COUNT_FIELDS
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery


def titles(service, text="", **query) -> list[str]:
    return [row[3] for row in service.list_rows(ListQuery(text=text, **query))]


def refused(service, data) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        service.create(data)
    assert service.count() == 0
    return caught.value.errors


# --- create, read, update -----------------------------------------------------------------------------------


def test_create_and_get_round_trip(activities, offers, contacts):
    offer_id = offers.create(offer_data("Sprachcafé"))
    orgs = [organisation(contacts, "Tafel"), organisation(contacts, "Caritas")]
    data = activity_data(
        " Sprachcafé im Mai ",
        occurred_on=date(2025, 5, 6),
        kind=ActivityKind.OFFER_SESSION,
        start_time=time(16, 0),
        end_time=time(18, 0),
        offer_id=offer_id,
        participants_total=20,
        participants_women=12,
        participants_men=7,
        participants_diverse=1,
        age_under_18=5,
        age_18_26=5,
        age_27_64=8,
        age_65_plus=2,
        newcomers=4,
        regulars=16,
        languages=["AR ", "uk", "ar"],
        volunteers_count=3,
        volunteer_hours=7.5,
        organisation_ids=orgs + orgs[:1],
        notes="Kuchen von der Bäckerei",
    )

    activity_id = activities.create(data)
    stored = activities.get(activity_id)

    assert stored.id == activity_id
    assert stored.title == "Sprachcafé im Mai"
    assert stored.kind is ActivityKind.OFFER_SESSION
    assert (stored.occurred_on, stored.start_time, stored.end_time) == (
        date(2025, 5, 6),
        time(16),
        time(18),
    )
    assert stored.offer_id == offer_id
    for name in COUNT_FIELDS:
        assert getattr(stored, name) == getattr(data, name), name
    assert stored.languages == ["ar", "uk"]
    assert stored.volunteer_hours == 7.5
    assert sorted(stored.organisation_ids) == sorted(orgs)
    assert stored.notes == "Kuchen von der Bäckerei"


def test_update(activities, contacts, database):
    org = organisation(contacts, "Tafel")
    activity_id = activities.create(
        activity_data(participants_total=5, languages=["de"], organisation_ids=[org])
    )
    data = activities.get(activity_id)
    data.title = "Netzwerktreffen Herbst"
    data.participants_total = 8
    data.participants_women = 8
    data.languages = ["de", "tr"]
    data.organisation_ids = []
    activities.update(data)

    stored = activities.get(activity_id)
    assert (stored.title, stored.participants_total, stored.participants_women) == (
        "Netzwerktreffen Herbst",
        8,
        8,
    )
    assert stored.languages == ["de", "tr"]
    assert stored.organisation_ids == []
    assert sql(database, "SELECT COUNT(*) FROM activity_organisations") == [(0,)]
    assert titles(activities, "herbst") == ["Netzwerktreffen Herbst"]


def test_update_and_get_of_deleted_activity(activities):
    activity_id = activities.create(activity_data())
    data = activities.get(activity_id)
    activities.delete([activity_id, 4711])
    assert activities.count() == 0
    with pytest.raises(NotFoundError):
        activities.update(data)
    with pytest.raises(NotFoundError):
        activities.get(activity_id)


def test_offer_must_exist(activities):
    errors = refused(activities, activity_data(offer_id=999))
    assert errors == {"offer_id": _("The chosen offer no longer exists.")}


# --- validation ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", " \t"])
def test_title_is_required(activities, title):
    assert refused(activities, activity_data(title)) == {
        "title": _("{field} is required.").format(field=_("Title"))
    }


@pytest.mark.parametrize("field", COUNT_FIELDS)
def test_negative_counts_are_refused(activities, field):
    data = activity_data(participants_total=10)
    setattr(data, field, -1)
    errors = refused(activities, data)
    assert errors[field] == _("{field} cannot be negative.").format(field=_("A number of people"))


def test_negative_volunteer_hours_are_refused(activities):
    errors = refused(activities, activity_data(volunteer_hours=-0.5))
    assert errors == {
        "volunteer_hours": _("{field} cannot be negative.").format(field=_("Volunteer hours"))
    }


@pytest.mark.parametrize(
    ("field", "parts", "label"),
    [
        (
            "participants_women",
            {"participants_women": 6, "participants_men": 4, "participants_diverse": 1},
            "Women, men and diverse",
        ),
        (
            "age_under_18",
            {"age_under_18": 3, "age_18_26": 3, "age_27_64": 3, "age_65_plus": 2},
            "The age bands",
        ),
        ("newcomers", {"newcomers": 8, "regulars": 3}, "Newcomers and regulars"),
    ],
)
def test_breakdowns_above_the_total_are_refused(activities, field, parts, label):
    errors = refused(activities, activity_data(participants_total=10, **parts))
    assert errors == {
        field: _("{breakdown} add up to more than the total number of participants.").format(
            breakdown=_(label)
        )
    }


def test_breakdowns_up_to_the_total_are_accepted(activities):
    activity_id = activities.create(
        activity_data(
            participants_total=10,
            participants_women=6,
            participants_men=4,
            age_under_18=10,
            newcomers=3,
            regulars=7,
        )
    )
    assert activities.get(activity_id).participants_women == 6


@pytest.mark.parametrize("end", [time(9, 30), time(10, 0)])
def test_end_time_not_after_start_time_is_refused(activities, end):
    errors = refused(activities, activity_data(start_time=time(10, 0), end_time=end))
    assert errors == {"end_time": _("The end time must be after the start time.")}


def test_unknown_language_is_refused(activities):
    errors = refused(activities, activity_data(languages=["ar", "arabic"]))
    assert set(errors) == {"languages"}
    assert "arabic" in errors["languages"]


# --- search and list ------------------------------------------------------------------------------------------------


@pytest.fixture
def diary(activities, offers):
    cafe = offers.create(offer_data("Sprachcafé"))
    garden = offers.create(offer_data("Interkultureller Garten"))
    entries = [
        activity_data(
            "Netzwerktreffen Überlingen",
            occurred_on=date(2025, 1, 14),
            participants_total=12,
            volunteer_hours=0,
        ),
        activity_data(
            "Sprachcafé",
            occurred_on=date(2025, 2, 4),
            start_time=time(16),
            kind=ActivityKind.OFFER_SESSION,
            offer_id=cafe,
            participants_total=9,
            volunteer_hours=2.5,
            notes="Neue Gäste aus Mariupol",
        ),
        activity_data(
            "Sprachcafé",
            occurred_on=date(2025, 2, 4),
            start_time=time(10),
            kind=ActivityKind.OFFER_SESSION,
            offer_id=cafe,
            participants_total=4,
            volunteer_hours=1.5,
        ),
        activity_data(
            "Pflanzaktion",
            occurred_on=date(2025, 3, 22),
            kind=ActivityKind.JOINT_ACTION,
            offer_id=garden,
            participants_total=30,
            volunteer_hours=12,
        ),
        activity_data(
            "Fest der Kulturen",
            occurred_on=date(2024, 9, 7),
            kind=ActivityKind.EVENT,
            participants_total=150,
            volunteer_hours=40,
        ),
    ]
    return {"cafe": cafe, "garden": garden, "ids": [activities.create(e) for e in entries]}


@pytest.mark.parametrize("typed", ["über", "ÜBERLINGEN", "überl"])
def test_search_ignores_case_of_umlauts(activities, diary, typed):
    assert titles(activities, typed) == ["Netzwerktreffen Überlingen"]


def test_search_needs_every_word_in_title_or_notes(activities, diary):
    assert titles(activities, "mariupol") == ["Sprachcafé"]
    assert titles(activities, "sprachcafé gäste") == ["Sprachcafé"]
    assert titles(activities, "sprachcafé überlingen") == []


def test_search_by_kind_label(activities, diary):
    assert titles(activities, ActivityKind.JOINT_ACTION.label) == ["Pflanzaktion"]


def test_default_order_is_newest_first_then_by_start_time(activities, diary):
    rows = activities.list_rows(ListQuery())
    assert [(row[1], row[3]) for row in rows] == [
        (date(2025, 3, 22), "Pflanzaktion"),
        (date(2025, 2, 4), "Sprachcafé"),
        (date(2025, 2, 4), "Sprachcafé"),
        (date(2025, 1, 14), "Netzwerktreffen Überlingen"),
        (date(2024, 9, 7), "Fest der Kulturen"),
    ]
    assert [row[5] for row in rows[1:3]] == [4, 9]  # the 10 o'clock session comes first


def test_list_rows_have_the_documented_columns(activities, diary):
    row = activities.list_rows(ListQuery(text="pflanzaktion"))[0]
    values = dict(zip(ACTIVITY_COLUMNS, row[1:]))
    assert values == {
        "occurred_on": date(2025, 3, 22),
        "kind": ActivityKind.JOINT_ACTION,
        "title": "Pflanzaktion",
        "offer": "Interkultureller Garten",
        "participants_total": 30,
        "volunteer_hours": 12,
    }


def test_sort_by_column(activities, diary):
    assert [row[5] for row in activities.list_rows(ListQuery(sort_key="participants_total"))] == [
        4,
        9,
        12,
        30,
        150,
    ]
    assert [
        row[5]
        for row in activities.list_rows(ListQuery(sort_key="participants_total", descending=True))
    ] == [
        150,
        30,
        12,
        9,
        4,
    ]
    by_offer = [
        row[4] for row in activities.list_rows(ListQuery(sort_key="offer", descending=True))
    ]
    assert by_offer[:3] == ["Sprachcafé", "Sprachcafé", "Interkultureller Garten"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"date_from": date(2025, 2, 4)}, ["Pflanzaktion", "Sprachcafé", "Sprachcafé"]),
        ({"date_to": date(2025, 1, 14)}, ["Netzwerktreffen Überlingen", "Fest der Kulturen"]),
        (
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 2, 3)},
            ["Netzwerktreffen Überlingen"],
        ),
        ({"kind": ActivityKind.EVENT}, ["Fest der Kulturen"]),
    ],
)
def test_list_filters(activities, diary, filters, expected):
    assert titles(activities, filters=filters) == expected
    assert activities.count(ListQuery(filters=filters)) == len(expected)


def test_filter_by_offer(activities, diary):
    assert titles(activities, filters={"offer_id": diary["garden"]}) == ["Pflanzaktion"]
    assert activities.count(ListQuery(filters={"offer_id": diary["cafe"]})) == 2


def test_totals_follow_the_query(activities, diary):
    assert activities.totals() == (5, 205, 56.0)
    assert activities.totals(ListQuery(filters={"offer_id": diary["cafe"]})) == (2, 13, 4.0)
    assert activities.totals(ListQuery(text="nichts dergleichen")) == (0, 0, 0.0)


def test_list_pages(activities, diary):
    query = ListQuery(sort_key="participants_total")
    pages = [activities.list_rows(query, offset, 2) for offset in (0, 2, 4, 6)]
    assert [[row[5] for row in p] for p in pages] == [[4, 9], [12, 30], [150], []]
    assert activities.count() == 5
