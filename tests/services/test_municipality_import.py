"""The list of municipalities from a CSV or Excel file: all rows, or none with the reasons."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from gwa_desktop.services.district_municipalities import MunicipalityInput, MunicipalityListService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.municipality_import import import_municipalities
from gwa_desktop.services.reporting_cycles import ReportingCycle


def test_a_german_csv_is_read_with_its_headings(database, tmp_path):
    path = tmp_path / "gemeinden.csv"
    path.write_text(
        "Gemeinde;AGS;Turnus;Meldet ab;Karenztage;Kontakt\n"
        "Lindental;09162000;vierteljährlich;01.01.2026;30;Frau Beispiel\n"
        "Birkenau;09 1 62 011;halbjährlich;2026-07-01;;\n"
        "Eichberg;;;;;\n",
        encoding="utf-8-sig",
    )
    assert len(import_municipalities(database, path)) == 3
    entries = {e.name: e for e in MunicipalityListService(database).entries()}
    assert entries["Lindental"].contact_note == "Frau Beispiel"
    birkenau = entries["Birkenau"]
    assert (birkenau.official_key, birkenau.cycle, birkenau.active_from, birkenau.grace_days) == (
        "09162011",
        ReportingCycle.HALF_YEARLY,
        date(2026, 7, 1),
        30,
    )
    assert entries["Eichberg"].cycle is ReportingCycle.QUARTERLY


def test_an_excel_list_with_field_names_and_date_cells(database, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "official_key", "cycle", "active_from", "grace_days"])
    sheet.append(["Lindental", "09162000", "yearly", datetime(2025, 1, 1), 60])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    import_municipalities(database, path)
    (entry,) = MunicipalityListService(database).entries()
    assert (entry.cycle, entry.active_from, entry.grace_days) == (
        ReportingCycle.YEARLY,
        date(2025, 1, 1),
        60,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Ort;AGS\nLindental;09162000\n", "Unbekannte Spalte: Ort"),
        ("Gemeinde;Turnus\nLindental;wöchentlich\n", "Zeile 2: 'wöchentlich'"),
        ("Gemeinde;Meldet ab\nLindental;31.02.2026\n", "Zeile 2: '31.02.2026' ist kein Datum"),
        ("Gemeinde;AGS\nLindental;09162000\nBirkenau;0916\n", "Zeile 3 (Birkenau)"),
        ("Gemeinde;AGS\nLindental;09162000\nLindental;\n", "Zeile 3 (Lindental)"),
        ("Gemeinde;AGS\nBestand;\n", "Zeile 2 (Bestand): Bestand steht bereits"),
        ("Gemeinde\n", "keine Gemeinden"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(database, tmp_path, content, message):
    listing = MunicipalityListService(database)
    listing.add(MunicipalityInput("Bestand"))
    path = tmp_path / "gemeinden.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        import_municipalities(database, path)
    assert message in str(refused.value)
    assert [e.name for e in listing.entries()] == ["Bestand"]


def test_an_unreadable_file_is_refused(database, tmp_path):
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(ValidationError, match="Excel"):
        import_municipalities(database, path)
    with pytest.raises(ValidationError, match="kann nicht gelesen werden"):
        import_municipalities(database, tmp_path / "fehlt.csv")


def test_a_plain_list_of_names_is_enough(database, tmp_path):
    path = tmp_path / "namen.csv"
    path.write_text("Gemeinde\nLindental\nBirkenau\n", encoding="utf-8")
    import_municipalities(database, path)
    assert [e.name for e in MunicipalityListService(database).entries()] == [
        "Birkenau",
        "Lindental",
    ]
