"""A quarter and a year of the same village are never both counted."""

from __future__ import annotations

from datetime import date, datetime

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.errors import Cancelled
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, OVERLAPS, import_package, import_packages
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.settings import SettingsService
from tests.exchange.sample_data import PERIOD


def test_overlapping_period_of_the_same_village_is_not_taken(filled, other_database, tmp_path):
    whole = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 15, 10)
    )
    start, _end = PERIOD
    part = export_district(
        filled.database,
        Period(start, date(start.year, start.month + 2, 28)),
        tmp_path,
        created=datetime(2026, 11, 16, 10),
    )
    assert import_package(other_database, whole).outcome == IMPORTED
    before = village_figures(other_database)[0].figures

    result = import_package(other_database, part)

    assert result.outcome == OVERLAPS and Period(*PERIOD).label() in result.message
    assert [v.figures for v in village_figures(other_database)] == [before]


def test_cancelling_between_packages_reports_what_was_imported(filled, other_database, tmp_path):
    packages = []
    for name in ("Adorf", "Bdorf", "Cdorf"):
        SettingsService(filled.database).save(MunicipalityData(name=name, district="Musterland"))
        packages.append(export_district(filled.database, Period(*PERIOD), tmp_path))

    def cancel_before_the_second(done, total, text):
        if done == 1:
            raise Cancelled()

    results = import_packages(
        other_database, packages, receipts=tmp_path, progress=cancel_before_the_second
    )

    assert [r.outcome for r in results] == [IMPORTED, None, None]
    assert "cancelled" in results[1].message or "abgebrochen" in results[1].message
    assert [v.municipality for v in village_figures(other_database)] == ["Adorf"]


def test_the_command_line_reports_a_package_not_taken_by_its_exit_code(
    filled, other_database, tmp_path, capsys
):
    """A script that moves packages on after `gwa import` must see that one was not taken."""
    from gwa_desktop.cli.main import main

    whole = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 15, 10)
    )
    start, _end = PERIOD
    part = export_district(
        filled.database,
        Period(start, date(start.year, start.month + 2, 28)),
        tmp_path,
        created=datetime(2026, 11, 16, 10),
    )
    district = ["--database", str(other_database.file_path), "import"]
    assert main([*district, str(whole)]) == 0
    capsys.readouterr()
    assert main([*district, str(part)]) == 2
    printed = capsys.readouterr().out
    assert printed.count(part.name) <= 1
