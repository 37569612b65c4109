"""The grouped queries count exactly what the records that leave add up to, record by record."""

from __future__ import annotations

from datetime import date, timedelta

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.demo_data import generate_bulk_data
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_figures import period_figures
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.services.district_overview import combined_datasets, village_figures
from gwa_desktop.services.settings import SettingsService
from tests.exchange.equivalence_data import seed
from tests.exchange.package_helpers import as_another_installation
from tests.exchange.reference_figures import compute


def test_the_figures_of_any_period_equal_the_sums_over_its_exported_records(services):
    seed(services, activities=120)
    generate_bulk_data(services.database, contacts=60, activities=3000, offers=12, seed=5)
    today = date.today()
    for days in (1, 30):
        services.activities.create(
            ActivityData(
                occurred_on=today + timedelta(days=days), kind=ActivityKind.EVENT, title="Fest"
            )
        )
    periods = [
        Period(date(2000, 1, 1), today + timedelta(days=400)),  # planned activities stay out
        Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        Period(today.replace(day=1), today + timedelta(days=40)),
        Period(date(2025, 2, 14), date(2025, 2, 14)),
    ]
    for period in periods:
        records = collect(services.database, period).activities

        figures = period_figures(services.database, period)

        assert figures == compute([], records), period
        assert figures.activities == len(records)
    assert compute([], collect(services.database, periods[0]).activities).activities > 3000


def test_the_district_figures_equal_the_sums_over_the_imported_records(
    services, other_database, tmp_path
):
    seed(services, activities=80)
    generate_bulk_data(services.database, contacts=30, activities=1500, offers=8, seed=9)
    year = Period(date(date.today().year - 1, 1, 1), date(date.today().year - 1, 12, 31))
    packages = []
    for name in ("Adorf", "Bedorf", "Cedorf"):
        as_another_installation(services.database)  # three villages, not one renamed twice
        SettingsService(services.database).save(MunicipalityData(name=name, district="Süd"))
        packages.append(export_district(services.database, year, tmp_path))
    assert not [
        r for r in import_packages(other_database, packages, receipts=tmp_path) if r.refused
    ]

    villages = village_figures(other_database)

    datasets = combined_datasets(other_database)
    assert [v.municipality for v in villages] == ["Adorf", "Bedorf", "Cedorf"]
    assert [v.figures for v in villages] == [compute(d.offers, d.activities) for d in datasets]
    assert all(v.figures.activities > 100 for v in villages)
