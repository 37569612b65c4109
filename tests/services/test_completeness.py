"""Completeness on crafted packages: reporting rate, late vs. not yet due, longer packages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gwa_desktop.exchange.records import Period
from gwa_desktop.services.completeness import (
    EntryIndex,
    ReceivedPackage,
    Status,
    completeness,
    entry_for,
    suggested_entries,
)
from gwa_desktop.services.district_municipalities import (
    MunicipalityEntry,
    MunicipalityInput,
    MunicipalityListService,
)
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.reporting_cycles import ReportingCycle, period_name, periods_between
from tests.services.district_rows import add_package

Q = ReportingCycle.QUARTERLY


def quarter(year: int, number: int) -> Period:
    return periods_between(Q, date(year, 1, 1), date(year, 12, 31))[number - 1]


@pytest.fixture
def district(backend_database):
    """Four quarterly municipalities (one active from mid-year) and one yearly."""
    listing = MunicipalityListService(backend_database)
    start = date(2026, 1, 1)
    listing.add_all(
        [
            MunicipalityInput("Lindental", "09162000", cycle=Q, active_from=start),
            MunicipalityInput("Birkenau", cycle=Q, active_from=start, grace_days=14),
            MunicipalityInput("Eichberg", cycle=Q, active_from=date(2026, 7, 15)),
            MunicipalityInput("Ahornfeld", cycle=Q, active_from=start),
            MunicipalityInput("Buchholz", cycle=ReportingCycle.YEARLY, active_from=start),
        ]
    )
    db = backend_database
    # Lindental: Q1 on time (in April), Q2 late (imported 1 Sept, due 30 July).
    add_package(db, "Lindental", date(2026, 1, 1), date(2026, 3, 31), datetime(2026, 4, 10, 9))
    add_package(db, "Lindental", date(2026, 4, 1), date(2026, 6, 30), datetime(2026, 9, 1, 9))
    # Birkenau (spelt in capitals by its package): one year package, imported in November, covering Q1–Q3 (and Q4).
    add_package(
        db,
        "BIRKENAU",
        date(2026, 1, 1),
        date(2026, 12, 31),
        datetime(2026, 11, 5, 9),
    )
    # Ahornfeld: two of three months of Q3 only.
    add_package(db, "Ahornfeld", date(2026, 7, 1), date(2026, 7, 31), datetime(2026, 8, 3, 9))
    add_package(db, "Ahornfeld", date(2026, 8, 1), date(2026, 8, 31), datetime(2026, 9, 3, 9))
    # A package from a municipality not on the list.
    add_package(db, "Kiefersee", date(2026, 4, 1), date(2026, 6, 30), datetime(2026, 7, 2, 9))
    return db


def status_table(result):
    return {
        (cell.entry.name, period_name(cell.period)): cell.status for cell in result.cells.values()
    }


def test_statuses_and_reporting_rate_on_a_given_day(district):
    result = completeness(district, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 11, 10))

    statuses = status_table(result)
    assert statuses[("Lindental", "Q1 2026")] is Status.ON_TIME
    assert statuses[("Lindental", "Q2 2026")] is Status.RECEIVED_LATE
    # Q3 ended 30 Sept; 30 days of grace are over on 10 November.
    assert statuses[("Lindental", "Q3 2026")] is Status.OVERDUE
    assert statuses[("Lindental", "Q4 2026")] is Status.NOT_YET_DUE
    # The year package counts for every quarter it covers; Q1 came in November, late.
    assert statuses[("Birkenau", "Q1 2026")] is Status.RECEIVED_LATE
    # Q4 has not even ended: a package for it in November is early, on time.
    assert statuses[("Birkenau", "Q4 2026")] is Status.ON_TIME
    # Active from 15 July: Q1 and Q2 are not expected, Q3 is.
    assert statuses[("Eichberg", "Q2 2026")] is Status.NOT_EXPECTED
    assert statuses[("Eichberg", "Q3 2026")] is Status.OVERDUE
    ahornfeld_q3 = result.cell(
        next(e.id for e in result.entries if e.name == "Ahornfeld"), quarter(2026, 3)
    )
    assert ahornfeld_q3.status is Status.OVERDUE and ahornfeld_q3.partly
    assert statuses[("Buchholz", "2026")] is Status.NOT_YET_DUE

    rates = {period_name(r.period): r for r in result.rates}
    assert list(rates) == ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "2026"]
    q1 = rates["Q1 2026"]
    # Eichberg is not expected in Q1: three expected, Lindental and Birkenau received.
    assert (q1.expected, q1.received, q1.on_time, q1.overdue) == (3, 2, 1, 1)
    assert q1.rate == pytest.approx(2 / 3) and q1.on_time_rate == pytest.approx(1 / 3)
    q3 = rates["Q3 2026"]
    assert (q3.expected, q3.received, q3.on_time, q3.overdue) == (4, 1, 0, 3)
    assert rates["2026"].expected == 1 and rates["2026"].rate == 0

    assert result.unknown == ["Kiefersee"]
    assert [(c.entry.name, period_name(c.period)) for c in result.overdue()] == [
        ("Ahornfeld", "Q1 2026"),
        ("Ahornfeld", "Q2 2026"),
        ("Ahornfeld", "Q3 2026"),
        ("Eichberg", "Q3 2026"),
        ("Lindental", "Q3 2026"),
    ]


def test_the_grace_days_decide_between_late_and_not_yet_due(district):
    # Q3 ended 30 September. Birkenau has 14 days of grace, Lindental 30.
    on = date(2026, 10, 20)
    statuses = status_table(completeness(district, date(2026, 7, 1), date(2026, 9, 30), on))
    assert statuses[("Lindental", "Q3 2026")] is Status.NOT_YET_DUE
    assert statuses[("Ahornfeld", "Q3 2026")] is Status.NOT_YET_DUE
    statuses = status_table(
        completeness(district, date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 30))
    )
    assert statuses[("Lindental", "Q3 2026")] is Status.NOT_YET_DUE  # the 30th day is due day
    statuses = status_table(
        completeness(district, date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 31))
    )
    assert statuses[("Lindental", "Q3 2026")] is Status.OVERDUE


def test_the_range_picks_the_periods_it_overlaps(district):
    result = completeness(district, date(2026, 5, 15), date(2026, 8, 1), date(2026, 12, 1))
    assert [period_name(p) for p in result.periods] == ["Q2 2026", "Q3 2026", "2026"]


def test_monthly_packages_cover_a_quarter_only_together(backend_database):
    listing = MunicipalityListService(backend_database)
    listing.add(MunicipalityInput("Lindental", cycle=Q, active_from=date(2026, 1, 1)))
    for month, imported in ((1, 2), (2, 3), (3, 4)):
        start = date(2026, month, 1)
        end = periods_between(ReportingCycle.MONTHLY, start, start)[0].end
        add_package(backend_database, "Lindental", start, end, datetime(2026, imported, 5))
    result = completeness(backend_database, date(2026, 1, 1), date(2026, 3, 31), date(2026, 6, 1))
    (cell,) = result.cells.values()
    assert cell.status is Status.ON_TIME
    assert cell.received_at == datetime(2026, 4, 5)
    assert len(cell.packages) == 3


def test_matching_prefers_the_installation_id_over_the_name():
    def entry(number, name, installation=""):
        return MunicipalityEntry(number, name, "", installation, Q, date(2026, 1, 1), 30, "")

    renamed = entry(1, "Lindental-Neu", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    plain = entry(2, "Birkenau")
    entries = EntryIndex.of([renamed, plain])

    def package(name, installation=""):
        return ReceivedPackage(1, name, installation, quarter(2026, 1), datetime(2026, 4, 1), "")

    assert entry_for(package("Lindental", renamed.installation_id), entries) is renamed
    assert entry_for(package("birkenau"), entries) is plain
    assert entry_for(package("Birkenau", "9b4e28ba-2fa1-11d2-883f-0016d3cca427"), entries) is plain
    # Another installation using the name of an entry with an id of its own: no match.
    assert (
        entry_for(package("Lindental-Neu", "9b4e28ba-2fa1-11d2-883f-0016d3cca427"), entries) is None
    )
    assert entry_for(package("Kiefersee"), entries) is None


def test_unknown_municipalities_are_suggested_with_their_cycle(district):
    add_package(district, "Tannhausen", date(2026, 1, 1), date(2026, 6, 30), datetime(2026, 7, 9))
    suggestions = suggested_entries(district)
    assert [(s.name, s.cycle, s.active_from) for s in suggestions] == [
        ("Kiefersee", Q, date(2026, 4, 1)),
        ("Tannhausen", ReportingCycle.HALF_YEARLY, date(2026, 1, 1)),
    ]
    MunicipalityListService(district).add_all(suggestions)
    result = completeness(district, date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 1))
    assert result.unknown == []
    assert suggested_entries(district) == []


def test_the_list_round_trips_and_refuses_bad_entries(backend_database):
    listing = MunicipalityListService(backend_database)
    first = listing.add(
        MunicipalityInput(
            "  Lindental ",
            "09 1 62 000",
            "1B4E28BA-2FA1-11D2-883F-0016D3CCA427",
            ReportingCycle.HALF_YEARLY,
            date(2025, 7, 1),
            45,
            "Frau Beispiel, Tel. 0151 2345678",
        )
    )
    stored = listing.get(first)
    assert stored == MunicipalityEntry(
        first,
        "Lindental",
        "09162000",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        ReportingCycle.HALF_YEARLY,
        date(2025, 7, 1),
        45,
        "Frau Beispiel, Tel. 0151 2345678",
    )
    with pytest.raises(ValidationError) as refused:
        listing.add(MunicipalityInput("lindental", "1234567", "not-a-uuid", grace_days=400))
    assert set(refused.value.errors) == {"name", "official_key", "installation_id", "grace_days"}
    assert "bereits" in refused.value.errors["name"]
    with pytest.raises(ValidationError) as refused:
        listing.add(MunicipalityInput("Birkenau", "99162000"))
    assert "01 bis 16" in refused.value.errors["official_key"]

    # A list with one bad row stores nothing.
    with pytest.raises(ValidationError) as refused:
        listing.add_all([MunicipalityInput("Birkenau"), MunicipalityInput("Eichberg", "09162000")])
    assert "Eintrag 2 (Eichberg)" in str(refused.value)
    assert [e.name for e in listing.entries()] == ["Lindental"]

    listing.edit(first, MunicipalityInput("Lindental", grace_days=10, cycle=Q))
    assert listing.get(first).official_key == "" and listing.get(first).grace_days == 10
    listing.remove(first)
    assert listing.entries() == []


def test_a_municipality_joining_mid_quarter_owes_only_the_rest_of_it(backend_database):
    MunicipalityListService(backend_database).add(
        MunicipalityInput("Eichberg", cycle=Q, active_from=date(2026, 8, 15))
    )
    add_package(
        backend_database, "Eichberg", date(2026, 8, 15), date(2026, 9, 30), datetime(2026, 10, 2)
    )
    result = completeness(backend_database, date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 1))
    assert [(period_name(c.period), c.status) for c in result.cells.values()] == [
        ("Q1 2026", Status.NOT_EXPECTED),
        ("Q2 2026", Status.NOT_EXPECTED),
        ("Q3 2026", Status.ON_TIME),
        ("Q4 2026", Status.NOT_YET_DUE),
    ]
    assert [period_name(p) for p in result.periods] == ["Q3 2026", "Q4 2026"]
