"""The report for funders read back from the files: PDF text, workbook cells, the command.

The crafted village of test_report_figures with a programme over the café and the gym;
its first quarter holds one activity in Ukrainian, a count the report must hide.
"""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from gwa_desktop.cli.main import main
from gwa_desktop.domain.programme import IndicatorData, IndicatorMeasure, ProgrammeData
from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.programmes import ProgrammeService
from gwa_desktop.services.report_files import write_report
from tests.services.test_report_figures import QUARTER, TODAY, fill


@pytest.fixture
def programme_id(database) -> int:
    ids = fill(database)
    service = ProgrammeService(database)
    programme_id = service.create(
        ProgrammeData(
            "Miteinander im Dorf",
            date(2025, 1, 1),
            date(2025, 12, 31),
            funder="Landesamt",
            reference="LA-117",
            offer_ids=[ids["cafe"], ids["gym"]],
        )
    )
    for measure, planned, values in (
        (IndicatorMeasure.SESSIONS, 6, {}),
        (IndicatorMeasure.PARTICIPANTS, 30, {"comment": "=Ferien im Februar"}),
        (IndicatorMeasure.MANUAL_COUNT, 4, {"label": "Kooperationspartner", "actual": 5}),
    ):
        service.add_indicator(
            programme_id,
            IndicatorData(measure, planned, QUARTER.start, QUARTER.end, **values),
        )
    text = service.report_text(programme_id, QUARTER)
    text.aims, text.outlook = "Begegnung im Dorf", "Ein zweiter Kurs"
    service.save_report_text(text)
    return programme_id


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_pdf_shows_planned_actual_deviation_and_the_texts(database, programme_id, tmp_path):
    path = tmp_path / "bericht.pdf"
    written = write_report(database, QUARTER, path, programme_id, today=TODAY)
    text = pdf_text(path)
    assert written.pages >= 2 and not written.empty
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Sachbericht und Verwendungsnachweis" in lines
    assert any(line.startswith("Aktenzeichen LA-117") for line in lines)
    # Sessions 4 of 6 planned: -2 and 66.7 %; participants 22 of 30: -8.
    assert any("6 4 -2 66,7 %" in line for line in lines)
    assert any("30 22 -8 73,3 %" in line for line in lines)
    assert any("Kooperationspartner" in line and "4 5 +1 125 %" in line for line in lines)
    assert "Begegnung im Dorf" in text and "Ein zweiter Kurs" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts and fonts.count(" yes yes ") >= 2


def test_the_workbook_hides_small_counts_and_keeps_formulas_as_text(
    database, programme_id, tmp_path
):
    path = tmp_path / "bericht.xlsx"
    write_report(database, QUARTER, path, today=TODAY)
    book = load_workbook(path)
    languages = {row[0]: row[1:] for row in book["Erreichte Sprachen"].iter_rows(values_only=True)}
    # Ukrainian was spoken at one activity: hidden; Arabic at two: hidden as well, since
    # the count of 2 is below the threshold of 3; German at four: shown.
    assert languages["Ukrainisch"] == (0, HIDDEN)
    assert languages["Deutsch"] == (2, 4)
    write_report(database, QUARTER, path, programme_id, today=TODAY)
    book = load_workbook(path)
    rows = list(book["Plan- und Ist-Zahlen"].iter_rows(min_row=4, values_only=True))
    participants = next(row for row in rows if row[0] == "Teilnehmende")
    assert participants[2:6] == (30, 22, -8, pytest.approx(100 * 22 / 30))
    comment = book["Plan- und Ist-Zahlen"].cell(4 + rows.index(participants), 7)
    assert (comment.value, comment.data_type, comment.quotePrefix) == (
        "=Ferien im Februar",
        "s",
        True,
    )


def test_a_period_without_data_gives_a_report_that_says_so(database, programme_id, tmp_path):
    path = tmp_path / "leer.pdf"
    empty = Period(date(2025, 10, 1), date(2025, 12, 31))
    written = write_report(database, empty, path, programme_id, today=date(2026, 1, 15))
    assert not written.empty  # the café ran, although no session was counted
    assert "wurde keine Aktivität erfasst" not in " ".join(pdf_text(path).split())
    nothing = Period(date(2023, 1, 1), date(2023, 3, 31))  # before any offer began
    written = write_report(database, nothing, path, today=TODAY)
    assert written.empty
    text = " ".join(pdf_text(path).split())
    assert "In diesem Zeitraum (01.01.2023 – 31.03.2023) wurde keine Aktivität erfasst" in text


def test_the_command_line_builds_and_refuses(
    database_path, database, programme_id, tmp_path, capsys
):
    out = tmp_path / "bericht.xlsx"
    base = [
        "--database",
        str(database_path),
        "report",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
    ]
    assert main([*base, "--programme", str(programme_id), "--out", str(out)]) == 0
    assert "Plan- und Ist-Zahlen" in load_workbook(out).sheetnames
    assert main([*base, "--out", str(tmp_path / "bericht.docx")]) == 2
    assert "„bericht.docx“ ist keins von beiden" in capsys.readouterr().err
    assert main([*base, "--programme", "99", "--out", str(out)]) == 1
    assert "kein Förderprogramm mit der Nummer 99" in capsys.readouterr().err
    code = main(
        [
            "--database",
            str(database_path),
            "programme",
            "plan",
            str(programme_id),
            "newcomer_share",
            "140",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-31",
        ]
    )
    assert code == 2
    assert "Ein Prozentwert liegt zwischen 0 und 100." in capsys.readouterr().err
    with pytest.raises(ValidationError):
        write_report(database, QUARTER, tmp_path / "bericht.txt")


def test_small_counts_are_hidden_and_a_programme_without_plans_says_so(database, tmp_path):
    from gwa_desktop.domain.enums import ActivityKind
    from gwa_desktop.services.activities import ActivityService
    from gwa_desktop.services.offers import OfferService
    from gwa_desktop.services.report import build_content
    from gwa_desktop.services.report_document import report_document
    from tests.services.service_builders import activity_data, offer_data

    offer_id = OfferService(database).create(offer_data("Nähcafé", start_date=date(2025, 1, 2)))
    for day, total in ((date(2025, 1, 9), 2), (date(2025, 1, 16), 6)):
        ActivityService(database).create(
            activity_data(
                occurred_on=day,
                kind=ActivityKind.OFFER_SESSION,
                offer_id=offer_id,
                participants_total=total,
            )
        )
    service = ProgrammeService(database)
    programme_id = service.create(
        ProgrammeData("Ohne Plan", date(2025, 1, 1), date(2025, 12, 31), offer_ids=[offer_id])
    )
    january = Period(date(2025, 1, 1), date(2025, 1, 31))
    document = report_document(build_content(database, january, programme_id, today=TODAY))
    tables = {section.title: section for section in document.sections if hasattr(section, "rows")}
    plan = tables["Plan- und Ist-Zahlen"]
    assert (
        plan.rows == []
        and plan.note == "Für dieses Programm und diesen Zeitraum sind keine Planzahlen erfasst."
    )
    # Eight participants in January: the month is shown; a session of 2 alone is not.
    assert tables["Teilnehmende pro Monat"].rows == [["Jan. 25", 8], ["Summe", 8]]
    week = Period(date(2025, 1, 6), date(2025, 1, 12))
    document = report_document(build_content(database, week, programme_id, today=TODAY))
    tables = {section.title: section for section in document.sections if hasattr(section, "rows")}
    key = dict((row[0], row[1]) for row in tables["Kennzahlen"].rows)
    assert key["Teilnehmende"] == HIDDEN and key["Aktivitäten"] == 1
    sessions = tables["Sitzungen je Angebot und durchschnittliche Teilnahme"].rows
    assert sessions[0][2:4] == [HIDDEN, HIDDEN]  # participants and the average that would tell
