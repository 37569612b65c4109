"""The streamed export writes what the export wrote before, and packages written before still import."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime

from gwa_desktop.exchange.csv_export import spell
from gwa_desktop.exchange.package import read_package
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, import_package
from gwa_desktop.services.district_overview import combined_datasets, village_figures
from tests.exchange.equivalence_data import (
    CREATED,
    FIXTURE,
    PACKAGE,
    PERIOD,
    package_content,
    seed,
)
from tests.exchange.reference_figures import compute


def test_the_streamed_package_holds_member_for_member_what_the_export_wrote_before(
    services, tmp_path
):
    seed(services)

    package = export_district(services.database, PERIOD, tmp_path, created=CREATED)

    verified = read_package(package)
    assert set(verified.manifest.members) == {
        "data/offers.json",
        "data/activities.json",
        "bericht.xlsx",
        "csv/angebote.csv",
        "csv/aktivitaeten.csv",
        "csv/monate.csv",
    }
    now = package_content(package.read_bytes())
    before = json.loads(FIXTURE.read_text(encoding="utf-8"))
    # The workbook no longer lists every activity (see xlsx_report.write_workbook) ...
    activity_sheet = before["bericht.xlsx"].pop("Aktivitäten")
    assert "Aktivitäten" not in now["bericht.xlsx"]
    # ... every other member and every other cell is as before, JSON and CSV to the byte,
    assert now.keys() == before.keys()
    for member in before:
        assert now[member] == before[member], member
    # ... and the sheet's rows, cell for cell, are the rows of the CSV of activities.
    csv_rows = list(csv.reader(io.StringIO(now["csv/aktivitaeten.csv"][1:]), delimiter=";"))
    assert len(csv_rows) == len(activity_sheet) > 300
    assert [[spell(_value(cell)) for cell in row] for row in activity_sheet] == csv_rows


def _value(cell):
    if isinstance(cell, str) and cell.startswith("datetime:"):
        return datetime.fromisoformat(cell.removeprefix("datetime:"))
    return cell


def test_a_package_written_before_the_streaming_export_still_imports(other_database, tmp_path):
    package = tmp_path / PACKAGE.name
    shutil.copyfile(PACKAGE, package)

    result = import_package(other_database, package, receipts=tmp_path)

    assert result.outcome == IMPORTED
    (data,) = combined_datasets(other_database)
    (village,) = village_figures(other_database)
    assert len(data.activities) == village.figures.activities == 309
    assert village.figures == compute(data.offers, data.activities)
