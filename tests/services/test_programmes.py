"""Funding programmes: what they count, what they refuse, and planned against actual.

The programme's figures are compared with raw SQL over the crafted village of
test_report_figures (on SQLite and PostgreSQL), the deviations with hand arithmetic.
"""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.domain.programme import (
    IndicatorData,
    IndicatorMeasure,
    ProgrammeData,
    ReportTextData,
)
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.programmes import ProgrammeService
from gwa_desktop.services.report import build_content
from gwa_desktop.services.report_figures import figures
from tests.services.service_builders import offer_data, sql
from tests.services.test_report_figures import QUARTER, TODAY, crafted  # noqa: F401

YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31))


def programme(**values) -> ProgrammeData:
    values.setdefault("name", "Miteinander im Dorf")
    values.setdefault("funder", "Landesamt für Integration")
    values.setdefault("reference", "LA-2025-117")
    values.setdefault("first_day", date(2025, 1, 1))
    values.setdefault("last_day", date(2026, 12, 31))
    return ProgrammeData(**values)


def planned(measure: IndicatorMeasure, value: float, **values) -> IndicatorData:
    values.setdefault("first_day", QUARTER.start)
    values.setdefault("last_day", QUARTER.end)
    return IndicatorData(measure=measure, planned=value, **values)


def test_the_programme_counts_only_its_offers_and_linked_activities(crafted):  # noqa: F811
    database, ids = crafted
    service = ProgrammeService(database)
    [event_id] = [
        row[0] for row in sql(database, "SELECT id FROM activities WHERE participants_total = 40")
    ]
    programme_id = service.create(programme(offer_ids=[ids["cafe"]], activity_ids=[event_id]))
    result = figures(database, QUARTER, service.scope(programme_id), today=TODAY)
    [(count, participants)] = sql(
        database,
        "SELECT count(*), sum(participants_total) FROM activities"
        " WHERE occurred_on >= '2025-01-01' AND occurred_on <= '2025-03-20'"
        " AND (offer_id IN (SELECT offer_id FROM programme_offers WHERE programme_id = :p)"
        " OR id IN (SELECT activity_id FROM programme_activities WHERE programme_id = :p))",
        p=programme_id,
    )
    assert (result.activities, result.participants) == (count, participants) == (3, 50)
    assert result.offers == 1
    assert [o.title for o in result.sessions] == ["Sprachcafé"]


def test_planned_against_actual_with_deviation(crafted):  # noqa: F811
    database, ids = crafted
    service = ProgrammeService(database)
    programme_id = service.create(programme(offer_ids=[ids["cafe"], ids["gym"]]))
    for indicator in (
        planned(IndicatorMeasure.SESSIONS, 6),
        planned(IndicatorMeasure.PARTICIPANTS, 30),
        planned(IndicatorMeasure.NEWCOMER_SHARE, 50),
        planned(IndicatorMeasure.VOLUNTEER_HOURS, 10),
        planned(IndicatorMeasure.MANUAL_COUNT, 4, label="Kooperationspartner", actual=5),
        planned(
            IndicatorMeasure.PARTICIPANTS,
            500,
            first_day=date(2026, 1, 1),
            last_day=date(2026, 12, 31),
        ),
    ):
        service.add_indicator(programme_id, indicator)
    content = build_content(database, QUARTER, programme_id, today=TODAY)
    rows = {(r.indicator.name, r.actual, r.deviation) for r in content.indicators}
    # Sessions 4, participants 6+4+7+5 = 22, newcomers 9 of 15 known = 60 %, hours 5.5.
    assert rows == {
        ("Sitzungen der Angebote", 4.0, -2.0),
        ("Teilnehmende", 22.0, -8.0),
        ("Anteil Neuzugewanderter (%)", 60.0, 10.0),
        ("Ehrenamtsstunden", 5.5, -4.5),
        ("Kooperationspartner", 5.0, 1.0),
    }
    by_name = {r.indicator.name: r for r in content.indicators}
    assert by_name["Teilnehmende"].attainment == pytest.approx(100 * 22 / 30)
    assert by_name["Anteil Neuzugewanderter (%)"].attainment is None


@pytest.mark.parametrize(
    ("indicator", "field", "message"),
    [
        (
            planned(IndicatorMeasure.NEWCOMER_SHARE, 115),
            "planned",
            "Ein Prozentwert liegt zwischen 0 und 100.",
        ),
        (
            planned(IndicatorMeasure.SESSIONS, -40),
            "planned",
            "Eine geplante oder gezählte Zahl kann nicht negativ sein.",
        ),
        (
            planned(IndicatorMeasure.MANUAL_PERCENT, 20, label="Quote", actual=140),
            "actual",
            "Ein Prozentwert liegt zwischen 0 und 100.",
        ),
        (planned(IndicatorMeasure.MANUAL_COUNT, 3), "label", None),
        (planned(IndicatorMeasure.PARTICIPANTS, 3, actual=4), "actual", None),
        (planned(IndicatorMeasure.SESSIONS, 3, first_day=date(2024, 1, 1)), "first_day", None),
    ],
)
def test_an_indicator_out_of_range_is_refused_and_nothing_stored(
    database, indicator, field, message
):
    service = ProgrammeService(database)
    programme_id = service.create(programme())
    with pytest.raises(ValidationError) as refused:
        service.add_indicator(programme_id, indicator)
    assert field in refused.value.errors
    if message:
        assert refused.value.errors[field] == message
    assert service.indicators(programme_id) == []


def test_unknown_offers_are_refused_without_storing_the_programme(database):
    service = ProgrammeService(database)
    with pytest.raises(ValidationError) as refused:
        service.create(programme(offer_ids=[999]))
    assert refused.value.errors["offer_ids"] == "Kein Angebot hat die Nummer 999."
    assert service.rows() == []
    with pytest.raises(ValidationError) as refused:
        service.create(programme(name=" ", last_day=date(2024, 1, 1)))
    assert set(refused.value.errors) == {"name", "last_day"}
    with pytest.raises(NotFoundError):
        service.get(12)


def test_programme_round_trip_update_and_delete(database, offers):
    service = ProgrammeService(database)
    offer_id = offers.create(offer_data())
    programme_id = service.create(programme(offer_ids=[offer_id, offer_id]))
    stored = service.get(programme_id)
    assert (stored.name, stored.reference, stored.offer_ids) == (
        "Miteinander im Dorf",
        "LA-2025-117",
        [offer_id],
    )
    service.add_indicator(programme_id, planned(IndicatorMeasure.SESSIONS, 40))
    stored.last_day = date(2025, 2, 28)
    with pytest.raises(ValidationError):  # the indicator ends in March
        service.update(stored)
    assert service.get(programme_id).last_day == date(2026, 12, 31)
    stored.last_day, stored.offer_ids = date(2025, 12, 31), []
    service.update(stored)
    assert service.get(programme_id).offer_ids == []
    [row] = service.rows()
    assert (row.offers, row.indicators) == (0, 1)
    service.save_report_text(
        ReportTextData(YEAR_2025.start, YEAR_2025.end, programme_id, aims="Begegnung")
    )
    service.delete([programme_id])
    assert service.rows() == []
    assert sql(database, "SELECT count(*) FROM programme_indicators") == [(0,)]
    assert sql(database, "SELECT count(*) FROM report_texts") == [(0,)]
    assert offers.count() == 1


def test_report_texts_are_kept_per_period_and_editable(database):
    service = ProgrammeService(database)
    programme_id = service.create(programme())
    service.save_report_text(
        ReportTextData(YEAR_2025.start, YEAR_2025.end, programme_id, aims="Begegnung")
    )
    service.save_report_text(
        ReportTextData(YEAR_2025.start, YEAR_2025.end, None, outlook="Mehr Kurse")
    )
    text = service.report_text(programme_id, YEAR_2025)
    text.experiences = "Gut besucht"
    service.save_report_text(text)
    again = service.report_text(programme_id, YEAR_2025)
    assert (again.aims, again.experiences, again.outlook) == ("Begegnung", "Gut besucht", "")
    assert service.report_text(None, YEAR_2025).outlook == "Mehr Kurse"
    assert service.report_text(programme_id, QUARTER).is_empty
    assert sql(database, "SELECT count(*) FROM report_texts") == [(2,)]


def test_saving_a_programme_with_its_figures_is_all_or_nothing(database, offers):
    service = ProgrammeService(database)
    offer_id = offers.create(offer_data())
    figures = [
        planned(IndicatorMeasure.SESSIONS, 40, first_day=YEAR_2025.start, last_day=YEAR_2025.end),
        planned(
            IndicatorMeasure.NEWCOMER_SHARE, 15, first_day=YEAR_2025.start, last_day=YEAR_2025.end
        ),
    ]
    programme_id = service.save(programme(offer_ids=[offer_id]), figures)
    assert [i.measure for i in service.indicators(programme_id)] == [
        IndicatorMeasure.SESSIONS,
        IndicatorMeasure.NEWCOMER_SHARE,
    ]
    stored = service.get(programme_id)
    stored.name = "Umbenannt"
    bad = [figures[0], planned(IndicatorMeasure.NEWCOMER_SHARE, 150)]
    with pytest.raises(ValidationError) as refused:
        service.save(stored, bad)
    assert refused.value.errors == {
        "indicator-1": "Planzahl 2: Ein Prozentwert liegt zwischen 0 und 100."
    }
    assert service.get(programme_id).name == "Miteinander im Dorf"
    assert len(service.indicators(programme_id)) == 2
    service.save(stored, figures[:1])
    assert service.get(programme_id).name == "Umbenannt"
    assert [i.measure for i in service.indicators(programme_id)] == [IndicatorMeasure.SESSIONS]
