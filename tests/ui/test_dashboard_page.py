"""The dashboard: open it, change the period, build the report for a programme.

Figures are read off the GUI thread, so each step waits until the page's reader is
idle and then compares the tiles with what the services count.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.programme import IndicatorData, IndicatorMeasure, ProgrammeData
from gwa_desktop.services.periods import month_of, year_of
from gwa_desktop.services.programmes import ProgrammeService
from tests.services.service_builders import activity_data, offer_data
from tests.ui.conftest import drive_dialog


def village(services) -> tuple[int, int]:
    """An offer with sessions this month and one last year; a programme over the offer."""
    today = date.today()
    offer_id = services.offers.create(
        offer_data("Sprachcafé", start_date=date(today.year - 1, 1, 5))
    )
    for day, total in (
        (today.replace(day=1), 12),
        (today.replace(day=1), 8),
        (date(today.year - 1, 3, 3), 30),
    ):
        services.activities.create(
            activity_data(
                "Sprachcafé",
                occurred_on=day,
                kind=ActivityKind.OFFER_SESSION,
                offer_id=offer_id,
                participants_total=total,
            )
        )
    services.activities.create(
        activity_data("Netzwerktreffen", occurred_on=today.replace(day=1), participants_total=7)
    )
    programmes = ProgrammeService(services.database)
    programme_id = programmes.create(
        ProgrammeData(
            "Sprache verbindet", year_of(today).start, year_of(today).end, offer_ids=[offer_id]
        )
    )
    programmes.add_indicator(
        programme_id,
        IndicatorData(IndicatorMeasure.SESSIONS, 40, year_of(today).start, year_of(today).end),
    )
    return offer_id, programme_id


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.reader.idle and page.result is not None, timeout=10_000)


def test_open_change_period_and_build_the_report(window, services, qtbot, monkeypatch, tmp_path):
    _offer_id, programme_id = village(services)
    page = window.dashboard_page
    window.show_page(window.pages.index(page))
    page.refresh()
    settle(qtbot, page)
    # The year so far: three activities this month (the session of last year not counted).
    assert page.kind.currentData() == "year"
    assert page.tiles["activities"].text() == "3"
    assert page.tiles["participants"].text() == "27"
    assert page.period_label.text() == year_of(date.today()).label()

    page.set_period_kind("month")
    settle(qtbot, page)
    assert page.period_label.text() == month_of(date.today()).label()
    assert page.tiles["sessions"].text() == "2"
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, page)
    previous = month_of(month_of(date.today()).start - timedelta(days=1))
    assert page.period_label.text() == previous.label()
    assert page.result.period == previous

    page.set_period_kind("year")
    page.step(-1)
    settle(qtbot, page)
    assert page.tiles["activities"].text() == "1" and page.tiles["participants"].text() == "30"
    page.step(1)
    page.programme.setCurrentIndex(page.programme.findData(programme_id))
    settle(qtbot, page)
    assert page.tiles["activities"].text() == "2"  # the network meeting is no part of it
    assert "Sprachcafé" in page.sessions.topLevelItem(0).text(0)

    def write_aims(dialog) -> None:
        dialog.findChildren(QPlainTextEdit)[0].setPlainText("Deutsch im Alltag sprechen")
        dialog.accept()

    drive_dialog(page.edit_texts, write_aims)
    target = tmp_path / "bericht.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    page.report_button.click()
    assert opened == [str(target)]
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "Sachbericht und Verwendungsnachweis" in text and "Sprache verbindet" in text
    assert "Deutsch im Alltag sprechen" in text
    assert "Sitzungen der Angebote" in text


def test_a_programme_is_made_in_its_form_and_a_wrong_share_refused(
    window, services, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QMessageBox

    offer_id, _programme_id = village(services)
    page = window.dashboard_page
    window.show_page(window.pages.index(page))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))

    def fill(dialog) -> None:
        dialog.name.setText("Kita-Brücken")
        dialog.funder.setText("Land")
        for index in range(dialog.offers.count()):
            if dialog.offers.item(index).data(Qt.ItemDataRole.UserRole) == offer_id:
                dialog.offers.item(index).setCheckState(Qt.CheckState.Checked)
        dialog.add_row()
        measure = dialog.table.cellWidget(0, 0)
        measure.setCurrentIndex(measure.findData(IndicatorMeasure.NEWCOMER_SHARE.value))
        planned = dialog.table.cellWidget(0, 4)
        assert isinstance(planned, QDoubleSpinBox)
        planned.setValue(140)
        dialog.save()
        assert told == ["Planzahl 1: Ein Prozentwert liegt zwischen 0 und 100."]
        assert dialog.isVisible() and dialog.name.text() == "Kita-Brücken"
        planned.setValue(40)
        comment = dialog.table.cellWidget(0, 6)
        assert isinstance(comment, QLineEdit)
        comment.setText("Neue Familien im Neubaugebiet")
        dialog.save()

    drive_dialog(page.new_programme.click, fill)
    settle(qtbot, page)
    rows = ProgrammeService(services.database).rows()
    made = next(row for row in rows if row.name == "Kita-Brücken")
    assert page.programme_id() == made.id and made.offers == 1
    [indicator] = ProgrammeService(services.database).indicators(made.id)
    assert (indicator.measure, indicator.planned, indicator.comment) == (
        IndicatorMeasure.NEWCOMER_SHARE,
        40,
        "Neue Familien im Neubaugebiet",
    )
    assert page.tiles["activities"].text() == "2"


def test_the_dashboard_says_who_has_no_offer(window, services, qtbot):
    from gwa_desktop.domain.village_profile import VillageProfile
    from gwa_desktop.services.village_profile import VillageProfileService

    village(services)
    page = window.dashboard_page
    window.show_page(window.pages.index(page))
    page.refresh()
    settle(qtbot, page)
    year = date.today().year
    assert page.gaps.text() == (
        f"Für {year} gibt es noch kein Gemeindeprofil (Gemeindeprofil… oder gwa profile import)."
    )
    VillageProfileService(services.database).save(
        VillageProfile(year, {"age_65_plus": 400}, {"ar": 60, "de": 1500})
    )
    page.result = None
    page.refresh()
    settle(qtbot, page)
    assert (
        page.gaps.text()
        == f"Wer hat kein Angebot ({year}): Einwohner 65 und älter, Deutsch, Arabisch"
    )
