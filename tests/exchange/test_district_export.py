"""District export: anonymous by default, a workbook whose figures match the database, safe writing."""

from __future__ import annotations

import errno
import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.disclosure import suppression_footnote
from gwa_desktop.exchange.errors import Cancelled, ExchangeError, PackageError, WriteError
from gwa_desktop.exchange.privacy_detector import PrivacyDetector
from gwa_desktop.exchange.records import Period
from gwa_desktop.exchange.summary import combine
from gwa_desktop.exchange.vocabulary import SHEET_MONTHS, SHEET_OVERVIEW, SHEET_PARTICIPANTS
from gwa_desktop.exchange.xlsx_report import MONTH_HEADER
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.district_export import export_district
from tests.exchange.package_helpers import all_texts, figures_from_sql, labelled_values, workbook_of
from tests.exchange.reference_figures import compute
from tests.exchange.sample_data import PERIOD, PRIVATE_DETAILS

PASSWORD = "Lindental im Herbst 2026"


def test_the_default_export_holds_no_personal_data(filled, tmp_path):
    path = export_district(filled.database, Period(*PERIOD), tmp_path)
    texts = all_texts(path)
    assert {
        "manifest.json",
        "data/offers.json",
        "data/activities.json",
        "csv/angebote.csv",
        "csv/aktivitaeten.csv",
    } <= set(texts)
    assert any(name.startswith("bericht.xlsx/xl/worksheets/") for name in texts)
    for name, content in texts.items():
        for detail in PRIVATE_DETAILS:
            assert detail.casefold() not in content.casefold(), f"{detail!r} found in {name}"
    # the offer and its provider organisation are there, only the people are gone
    assert (
        "Sprachcafé" in texts["csv/angebote.csv"]
        and "Caritas Lindental" in texts["csv/angebote.csv"]
    )


def test_the_workbook_summary_matches_the_database(filled, tmp_path):
    period = Period(*PERIOD)
    source = figures_from_sql(filled.database, period)
    book = workbook_of(export_district(filled.database, period, tmp_path))

    assert book.sheetnames[:5] == [
        SHEET_OVERVIEW,
        "Gemeinden",
        SHEET_MONTHS,
        SHEET_PARTICIPANTS,
        "Sprachen",
    ]
    overview = labelled_values(book[SHEET_OVERVIEW])
    assert overview["Gemeinde"] == "Gemeinde Lindental"
    assert overview["Aktivitäten"] == source["activities"] == 8
    assert overview["Teilnehmende gesamt"] == source["participants"]
    assert overview["Ehrenamtsstunden"] == pytest.approx(source["hours"])
    assert overview["Angebote im Zeitraum"] == 3  # the 2024 course ended before the period
    assert overview["Aktivitäten: Beratung"] == HIDDEN  # one counselling: see the months
    months = list(book[SHEET_MONTHS].iter_rows(min_row=2, values_only=True))
    months = months[: [row[0] for row in months].index("Summe") + 1]
    assert months[-1][-4] == source["activities"]
    # One counselling in the period: hidden as ".", with a second cell so the total cannot
    # give it away, and the footnote says why.
    counselling = 1 + MONTH_HEADER.index("Beratung")
    assert months[-1][counselling] == HIDDEN
    assert sum(1 for value in months[-1][1:-4] if value == HIDDEN) >= 2
    column_a = [cell.value for cell in book[SHEET_MONTHS]["A"]]
    assert suppression_footnote(3) in column_a
    assert sum(row[-3] for row in months[:-1]) == source["participants"]
    participants = labelled_values(book[SHEET_PARTICIPANTS])
    assert (
        participants["Frauen"] == source["women"]
        and participants["unter 18 Jahre"] == source["under_18"]
    )
    assert participants["Ehrenamtliche"] == source["volunteers"]
    offers = book["Angebote"]
    assert offers.freeze_panes == "A2" and offers.column_dimensions["B"].width == 30
    assert offers["F2"].number_format == "DD.MM.YYYY" and offers["F2"].value.date() == date(
        2025, 9, 2
    )
    # One row per activity is left to csv/aktivitaeten.csv (see xlsx_report.write_workbook).
    assert "Aktivitäten" not in book.sheetnames


def test_csv_files_are_what_german_excel_expects(filled, tmp_path):
    path = export_district(filled.database, Period(*PERIOD), tmp_path)
    with zipfile.ZipFile(path) as archive:
        raw = archive.read("csv/aktivitaeten.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Gemeinde;Datum;Art;Titel")
    assert "Gemeinde Lindental;10.01.2026;Angebotstermin;Angebotstermin;Sprachcafé;11;" in lines[1]
    assert lines[1].split(";")[16] == "3,5"


def test_the_full_export_is_encrypted_and_says_what_it_holds(filled, tmp_path):
    path = export_district(filled.database, Period(*PERIOD), tmp_path, password=PASSWORD)
    assert path.name.endswith("_vertraulich.gwa")
    raw = path.read_bytes()
    assert raw.startswith(b"GWA-ENC\x00\x01\x01\x11\x08\x01")  # format 1, scrypt N=2^17 r=8 p=1
    # one encrypted blob: not even the member names or the zip structure show (the zip's
    # 4-byte record signatures; a bare "PK" turns up in random ciphertext by chance)
    for detail in (
        "Anna Müller",
        "anna.mueller@example.org",
        "Sprachcafé",
        "manifest.json",
        "contacts",
        "bericht.xlsx",
    ):
        assert detail.encode() not in raw
    for signature in (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"):
        assert signature not in raw
    texts = all_texts(path, PASSWORD)
    assert '"personal_data": true' in texts["manifest.json"]
    assert (
        "anna.mueller@example.org" in texts["data/contacts.json"]
        and "06321 4711" in texts["csv/kontakte.csv"]
    )
    assert "Kontakte" in workbook_of(path, PASSWORD).sheetnames
    with pytest.raises(PackageError, match="password"):
        all_texts(path, "ein anderes langes Passwort")


def test_a_short_password_is_refused(filled, tmp_path):
    with pytest.raises(ExchangeError, match="12"):
        export_district(filled.database, Period(*PERIOD), tmp_path, password="kurz")
    assert not list(tmp_path.glob("*.zip"))


def test_an_export_needs_the_name_of_the_municipality(services, tmp_path):
    services.settings.save(MunicipalityData(name="Gemeinde X"))
    with services.database.session() as session:
        session.execute(text("UPDATE municipality_settings SET name = ''"))
    with pytest.raises(ExchangeError, match="name of the municipality"):
        export_district(services.database, Period(*PERIOD), tmp_path / "stick")


class FailingFile:
    """A file on a stick that fills up (or is pulled) after `limit` bytes."""

    def __init__(self, handle, limit: int, code: int) -> None:
        self.handle, self.left, self.code = handle, limit, code

    def write(self, data) -> int:
        self.left -= len(data)
        if self.left < 0:
            raise OSError(self.code, os.strerror(self.code))
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


@pytest.mark.parametrize(("code", "message"), [(errno.ENOSPC, "full"), (errno.EIO, "removed")])
def test_a_full_or_removed_stick_leaves_no_partial_file(
    filled, tmp_path, monkeypatch, code, message
):
    stick = tmp_path / "stick"
    stick.mkdir()
    original = Path.open

    def failing_open(self, mode="r", *args, **kwargs):
        handle = original(self, mode, *args, **kwargs)
        return FailingFile(handle, 2000, code) if self.suffix == ".part" and "w" in mode else handle

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(WriteError, match=message):
        export_district(filled.database, Period(*PERIOD), stick)
    assert list(stick.iterdir()) == []


def test_a_missing_folder_is_reported(filled, tmp_path):
    with pytest.raises(WriteError, match="removed"):
        export_district(filled.database, Period(*PERIOD), tmp_path / "no-stick")


def test_cancelling_leaves_no_file(filled, tmp_path):
    def cancel(done, total, text):
        if done:
            raise Cancelled()

    import gwa_desktop.exchange.xlsx_report as report

    report.PROGRESS_STEP, before = 1, report.PROGRESS_STEP
    try:
        with pytest.raises(Cancelled):
            export_district(filled.database, Period(*PERIOD), tmp_path, progress=cancel)
    finally:
        report.PROGRESS_STEP = before
    assert not any(p.suffix in (".zip", ".part") for p in tmp_path.iterdir())


def test_an_export_for_another_period_has_other_figures(filled, tmp_path):
    path = export_district(
        filled.database,
        Period(date(2025, 12, 1), date(2025, 12, 31)),
        tmp_path,
        created=datetime(2026, 1, 2, 9),
    )
    overview = labelled_values(workbook_of(path)[SHEET_OVERVIEW])
    # One network meeting of 8 people: a single activity is a small count, its people are not.
    assert (overview["Aktivitäten"], overview["Teilnehmende gesamt"]) == (HIDDEN, 8)


def test_the_detector_blanks_names_phones_and_mails_but_keeps_punctuation():
    detector = PrivacyDetector(["Yusuf Demir", "Al"])
    assert detector.blank("Beratung mit Yusuf  Demir.")[0] == "Beratung mit [entfernt]."
    assert (
        detector.blank("Rückruf (0176 5550123) oder yusuf@example.net!")[0]
        == "Rückruf ([entfernt]) oder [entfernt]!"
    )
    assert detector.blank("Sprachcafé") == ("Sprachcafé", ())
    assert detector.blank("Also Al kommt") == ("Also Al kommt", ())


def test_figures_of_several_villages_combine_like_counting_all_records(filled):
    data = collect(filled.database, Period(*PERIOD))
    first, second = data.activities[:3], data.activities[3:]
    combined = combine([compute(data.offers, first), compute([], second)])
    assert combined == compute(data.offers, data.activities)
