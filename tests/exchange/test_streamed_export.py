"""The streamed export writes what the export wrote before, and packages written before still import."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date

import pytest

from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.disclosure import suppression_footnote
from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.record_columns import RecordColumns
from gwa_desktop.exchange.records import ACTIVITY_FIELDS, COUNT_KEYS, InvalidRecord
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

COUNTS = COUNT_KEYS[:10]


def test_the_streamed_package_holds_member_for_member_what_the_export_wrote_before(
    services, tmp_path, monkeypatch
):
    seed(services)
    # The fixture was written when records under 5 participants lost their breakdowns.
    monkeypatch.setattr(
        "gwa_desktop.services.district_collect.disclosure_threshold", lambda _database: 5
    )

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
    # ... the records leave a small breakdown out (district_figures.kept_breakdowns),
    # every other field as before ...
    records_now = json.loads(now.pop("data/activities.json"))
    records_before = json.loads(before.pop("data/activities.json"))
    assert len(records_now) == len(records_before) > 300
    for record_now, record_before in zip(records_now, records_before, strict=True):
        assert record_now.keys() == record_before.keys()
        for key, value in record_now.items():
            assert value in (record_before[key], None), (key, record_now, record_before)
    assert records_now != records_before
    # ... and so the summary sheets' counts: the same cell, a smaller breakdown, or hidden
    # by one rule (exchange/disclosure.py); the footnote after their rows ...
    hidden = set()
    for name in ("Übersicht", "Gemeinden", "Je Monat", "Teilnehmende", "Sprachen"):
        sheet_before = before["bericht.xlsx"].pop(name)
        sheet_now = now["bericht.xlsx"].pop(name)
        for row_now, row_before in zip(sheet_now, sheet_before, strict=False):
            assert all(
                a in (b, HIDDEN) or (name == "Teilnehmende" and a < b)
                for a, b in zip(row_now, row_before, strict=True)
            ), (name, row_now, row_before)
        tail = [
            [cell for cell in row if cell is not None] for row in sheet_now[len(sheet_before) :]
        ]
        assert tail in ([], [[], [suppression_footnote(5)]]), name
        hidden.update(name for row in sheet_now if HIDDEN in row)
    assert "Je Monat" in hidden
    # ... the CSV of activities holds the records as they leave now, row for row ...
    csv_rows = list(csv.reader(io.StringIO(now.pop("csv/aktivitaeten.csv")[1:]), delimiter=";"))
    before.pop("csv/aktivitaeten.csv")
    assert len(csv_rows) == len(activity_sheet) == len(records_now) + 1
    for row, record in zip(csv_rows[1:], records_now, strict=True):
        assert row[5:15] == ["" if record[k] is None else str(record[k]) for k in COUNTS], row
    # ... and every other member is as before, to the byte.
    assert now.pop("csv/monate.csv").startswith(before.pop("csv/monate.csv").split("\r\n")[0])
    assert now.keys() == before.keys()
    for member in before:
        assert now[member] == before[member], member


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

    parsed = RecordColumns(ACTIVITY_FIELDS)
    parsed.add([reordered])

    assert list(parsed) == [dict(record, occurred_on=date(2025, 3, 4), volunteer_hours=2.0)]
    with pytest.raises(InvalidRecord):
        parsed.add([dict(record), bad])


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
