"""Four quarterly packages of one village: one offer in the district's totals, not four."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.exchange.records import Period
from gwa_desktop.exchange.vocabulary import SHEET_OFFERS, SHEET_OVERVIEW
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.services.district_overview import export_combined
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from tests.exchange.package_helpers import labelled_values


def test_an_offer_running_all_year_is_counted_once(database, other_database, tmp_path):
    SettingsService(database).save(
        MunicipalityData(name="Gemeinde Lindenbach", district="Musterland")
    )
    OfferService(database).create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2025, 1, 7),
            languages=["ar"],
        )
    )
    quarters = [
        Period(date(2025, m, 1), date(2025, m + 2, 30 if m + 2 in (6, 9) else 31))
        for m in (1, 4, 7, 10)
    ]
    for quarter in quarters:
        ActivityService(database).create(
            ActivityData(
                occurred_on=quarter.start,
                kind=ActivityKind.OFFER_SESSION,
                title="Sprachcafé",
                participants_total=10,
            )
        )
    packages = [
        export_district(database, q, tmp_path, created=datetime(2026, 1, 5, 9, n))
        for n, q in enumerate(quarters)
    ]
    assert all(not r.refused for r in import_packages(other_database, packages, receipts=tmp_path))

    book = load_workbook(export_combined(other_database, tmp_path))

    overview = labelled_values(book[SHEET_OVERVIEW])
    assert overview["Angebote im Zeitraum"] == 1
    assert [row[1] for row in book[SHEET_OFFERS].iter_rows(min_row=2, values_only=True)].count(
        "Sprachcafé"
    ) == 1
    assert sum(1 for _row in book[SHEET_OFFERS].iter_rows(min_row=2)) == 1
