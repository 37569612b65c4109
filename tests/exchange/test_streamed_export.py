"""The streamed export writes what the export wrote before, and packages written before still import."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date, datetime

import pytest

from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.csv_export import spell
from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.records import InvalidRecord, parse_activities
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
    # ... the months sheet hides small kind counts (domain/suppression.py), and shows
    # every other cell as before, the footnote after its rows ...
    months_before = before["bericht.xlsx"].pop("Je Monat")
    months_now = now["bericht.xlsx"].pop("Je Monat")
    assert months_now[len(months_before) + 1][0].startswith(HIDDEN)
    for row_now, row_before in zip(months_now, months_before, strict=False):
        assert all(a in (b, HIDDEN) for a, b in zip(row_now, row_before, strict=True))
    assert HIDDEN in {cell for row in months_now for cell in row}
    # ... the overview's kind counts are that sheet's 'Summe' row, hidden alike ...
    overview_before = before["bericht.xlsx"].pop("Übersicht")
    overview_now = now["bericht.xlsx"].pop("Übersicht")
    assert len(overview_now) == len(overview_before)
    for row_now, row_before in zip(overview_now, overview_before, strict=True):
        assert all(a in (b, HIDDEN) for a, b in zip(row_now, row_before, strict=True))
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


def test_records_are_checked_whatever_the_order_of_their_fields():
    record = json.loads(PACKAGE_ACTIVITY)
    reordered = dict(reversed(list(record.items())))
    bad = dict(record, newcomers=-1)

    (parsed,) = parse_activities([reordered])

    assert parsed == dict(record, occurred_on=date(2025, 3, 4), volunteer_hours=2.0)
    with pytest.raises(InvalidRecord):
        parse_activities([dict(record), bad])


PACKAGE_ACTIVITY = json.dumps(
    {
        "occurred_on": "2025-03-04",
        "kind": "event",
        "title": "Veranstaltung",
        "offer": "",
        "participants_total": 6,
        "participants_women": 3,
        "participants_men": None,
        "participants_diverse": None,
        "age_under_18": None,
        "age_18_26": None,
        "age_27_64": None,
        "age_65_plus": None,
        "newcomers": 1,
        "regulars": None,
        "volunteers_count": 1,
        "volunteer_hours": 2,
        "languages": ["ar"],
    }
)
