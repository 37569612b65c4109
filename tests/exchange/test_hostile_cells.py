"""Every workbook and CSV cell, every vCard and iCalendar line: hostile text stays inert text."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.exchange import signing
from gwa_desktop.exchange.cell_text import cell_text
from gwa_desktop.exchange.ical import CalendarEntry, write_calendar
from gwa_desktop.exchange.package import PackageContent, write_package
from gwa_desktop.exchange.records import DistrictData, Period
from gwa_desktop.exchange.summary import Figures, from_rows
from gwa_desktop.exchange.vcard import Card, write_cards
from gwa_desktop.exchange.xlsx_report import write_workbook
from gwa_desktop.services.district_collect import collect
from tests.exchange.sample_data import PERIOD

#: Cell starts that Excel or LibreOffice would run as a formula, in several disguises.
FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUMME(A1)",
    '＝HYPERLINK("http://evil.example")',
    "﹦1+1",
    "＋1",
    "＠A1",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\u202e=1+1",
]


def _data(municipality: str, offers: list[dict]) -> DistrictData:
    return DistrictData(municipality, municipality, Period(*PERIOD), offers, [])


@pytest.fixture
def records(filled):
    return collect(filled.database, Period(*PERIOD))


@pytest.mark.parametrize(
    "village_months", [False, True], ids=["village workbook", "district combined workbook"]
)
def test_no_cell_of_any_sheet_is_a_formula(records, village_months):
    parts = [
        (
            _data(
                formula,
                [dict(records.offers[0], title=formula, place_name=formula, provider=formula)],
            ),
            period_figures_of(records),
        )
        for formula in FORMULAS
    ]
    stream = io.BytesIO()
    write_workbook(stream, parts, datetime(2027, 1, 1), village_months=village_months)

    book = load_workbook(stream)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hostile = [c for c in cells if isinstance(c.value, str) and "1+1" in c.value]
    assert len(hostile) >= 8 and all(c.quotePrefix for c in hostile)
    with zipfile.ZipFile(stream) as archive:
        sheets = [
            archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")
        ]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)


def test_every_csv_cell_that_could_start_a_formula_begins_with_an_apostrophe(records):
    for formula in FORMULAS:
        activities = [dict(records.activities[0], title=formula, offer=formula)]
        content = PackageContent(
            _data(formula, [dict(records.offers[0], title=formula)]),
            iter(activities),
            1,
            period_figures_of(records),
        )
        stream = io.BytesIO()
        write_package(stream, content, datetime(2027, 1, 1), signing.new_private_key())

        with zipfile.ZipFile(stream) as archive:
            members = {n: archive.read(n) for n in archive.namelist() if n.startswith("csv/")}
        assert len(members) == 3
        for name, member in members.items():
            for row in csv.reader(io.StringIO(member.decode("utf-8-sig")), delimiter=";"):
                for cell in row:
                    assert not cell_text(cell).formula_like or cell.startswith("'"), (name, cell)
                    assert "\u202e" not in cell


def period_figures_of(records: DistrictData) -> Figures:
    """Some figures for the summary sheets; which ones does not matter to these tests."""
    month = records.activities[0]["occurred_on"]
    return from_rows([(month.year, month.month, "event", 1, *range(11), 2.5)], [("ar", 1)])


def test_a_lone_carriage_return_in_a_name_makes_no_extra_card_or_line():
    cards = [
        Card(name="Anna\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory", phone="0171\r1234567"),
        Card(name="Olena\x00 Koval\x1b[2J", email="olena@example.com"),
        Card(name="Yusuf\u2028Demir\x85TEL:0", organisation="Verein\r\nX"),
    ]

    text = write_cards(cards).decode("utf-8")

    lines = text.splitlines()
    assert (
        sum(line == "BEGIN:VCARD" for line in lines)
        == 3
        == sum(line == "END:VCARD" for line in lines)
    )
    assert not [line for line in lines if line.startswith(("FN:Mallory", "TEL:0"))]
    assert "\x00" not in text and "\x1b" not in text and "\x85" not in text and "\u2028" not in text
    assert text.count("\r") == text.count("\r\n") == len(lines)


def test_calendar_texts_carry_no_control_characters_or_extra_lines():
    schedule = Schedule(Recurrence.ONCE, date(2026, 5, 4), None, None, None)
    entries = [
        CalendarEntry(
            "a@gwa", "Fest\x00\x1b[31m", schedule, "Hof\rLOCATION:evil", "Text\rmit\u2028Umbruch"
        )
    ]

    raw = write_calendar(entries, "Lindental\x07", datetime(2026, 1, 1)).decode("utf-8")

    assert not [c for c in raw if c < " " and c not in "\r\n"]
    assert "\u2028" not in raw and not [
        line for line in raw.split("\r\n") if line.startswith("LOCATION:evil")
    ]
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["summary"]) == "Fest[31m" and str(event["location"]) == "Hof LOCATION:evil"
