"""The district's completeness view: statuses in words, search, sort, edit on Enter, reminders."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from gwa_desktop.services.district_municipalities import (
    MunicipalityInput,
    MunicipalityListService,
)
from gwa_desktop.services.reporting_cycles import ReportingCycle
from gwa_desktop.ui.dialogs import completeness_dialog
from gwa_desktop.ui.dialogs.completeness_dialog import CompletenessDialog
from gwa_desktop.ui.dialogs.municipality_dialog import MunicipalityDialog
from tests.services.district_rows import add_package
from tests.ui.conftest import drive_dialog

TODAY = date(2026, 11, 10)


@pytest.fixture
def view(qtbot, services):
    start = date(2026, 1, 1)
    MunicipalityListService(services.database).add_all(
        [
            MunicipalityInput(
                "Lindental", "09162000", active_from=start, contact_note="Frau Beispiel"
            ),
            MunicipalityInput("Birkenau", active_from=start),
            MunicipalityInput("Ahornfeld", active_from=start),
        ]
    )
    add_package(services.database, "Lindental", start, date(2026, 9, 30), datetime(2026, 10, 6))
    add_package(services.database, "Birkenau", start, date(2026, 3, 31), datetime(2026, 6, 1))
    add_package(services.database, "Kiefersee", start, date(2026, 3, 31), datetime(2026, 4, 2))
    dialog = CompletenessDialog(services, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.first.set_date(start)
    dialog.refresh()
    dialog.show()
    return dialog


def grid(dialog):
    model = dialog.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_every_status_reads_in_words_and_marks(view):
    model = view.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Gemeinde",
        "Q1 2026\n67 %",
        "Q2 2026\n33 %",
        "Q3 2026\n33 %",
        "Q4 2026\n0 %",
    ]
    assert grid(view) == [
        ["Ahornfeld", "✗ überfällig", "✗ überfällig", "✗ überfällig", "○ noch nicht fällig"],
        [
            "Birkenau",
            "(✓) verspätet eingegangen",
            "✗ überfällig",
            "✗ überfällig",
            "○ noch nicht fällig",
        ],
        [
            "Lindental",
            "(✓) verspätet eingegangen",
            "(✓) verspätet eingegangen",
            "✓ eingegangen",
            "○ noch nicht fällig",
        ],
    ]
    cell = model.index(2, 3)
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == "Lindental, Q3 2026: ✓ eingegangen"
    assert "Lindental.zip" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#dcefdc"
    assert view.rates.item(0, 2).text() == "2 (67 %)" and view.rates.item(0, 3).text() == "0 (0 %)"
    assert "Kiefersee" in view.unknown.text() and view.add_unknown_button.isVisibleTo(view)
    assert view.print_button.isEnabled()


def test_search_and_sort_by_status(view, qtbot):
    qtbot.keyClicks(view.search, "birk")
    assert [row[0] for row in grid(view)] == ["Birkenau"]
    view.search.clear()
    # Q3 column: the overdue first, the received last.
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in grid(view)][-1] == "Lindental"
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in grid(view)] == ["Lindental", "Birkenau", "Ahornfeld"]


def test_enter_on_a_row_edits_the_municipality_and_a_bad_key_keeps_the_form(view, qtbot):
    view.table.setFocus()
    view.table.setCurrentIndex(view.table.model().index(0, 2))  # Ahornfeld, Q2

    def edit(dialog):
        assert isinstance(dialog, MunicipalityDialog) and dialog.name.text() == "Ahornfeld"
        dialog.official_key.setText("123")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible() and "acht Ziffern" in dialog.error_text("official_key")
        dialog.official_key.setText("09162011")
        dialog.active_from.set_date(date(2026, 7, 1))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    drive_dialog(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Return), edit)

    stored = next(e for e in view.listing.entries() if e.name == "Ahornfeld")
    assert stored.official_key == "09162011" and stored.active_from == date(2026, 7, 1)
    assert grid(view)[0][:3] == ["Ahornfeld", "–", "–"]


def test_double_click_opens_the_entry(view, qtbot):
    index = view.table.model().index(1, 0)
    rect = view.table.visualRect(index)
    opened = []

    def look(dialog):
        opened.append(dialog.name.text())
        dialog.reject()

    def double_click():
        # As a mouse sends it: the first click, then the double click.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    drive_dialog(double_click, look)
    assert opened == ["Birkenau"]


def test_remove_asks_and_unknown_ones_are_added(view, monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    view.table.setCurrentIndex(view.table.model().index(1, 0))
    view.remove_selected()
    assert len(view.listing.entries()) == 3
    view.remove_selected()
    assert [e.name for e in view.listing.entries()] == ["Ahornfeld", "Lindental"]
    assert "Birkenau" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.add_unknown()
    kiefersee = next(e for e in view.listing.entries() if e.name == "Kiefersee")
    assert kiefersee.cycle is ReportingCycle.QUARTERLY
    assert not view.unknown.isVisibleTo(view)


def test_the_reminder_list_is_printed_from_the_view(view, monkeypatch, tmp_path):
    target = tmp_path / "erinnerung"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(
        completeness_dialog, "open_saved_file", lambda _p, path: opened.append(path)
    )
    view.print_button.click()
    written = tmp_path / "erinnerung.pdf"
    assert opened == [written]
    import pypdf

    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(written).pages).split())
    assert "Erinnerungsliste: fehlende Meldungen" in text
    assert "Ahornfeld Q1 2026, Q2 2026, Q3 2026" in text
    assert "Lindental" not in text


def test_a_refused_list_file_says_why_and_changes_nothing(view, monkeypatch, tmp_path):
    path = tmp_path / "gemeinden.csv"
    path.write_text("Gemeinde;AGS\nEichberg;09162099\nTannhausen;123\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    warned, informed = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: informed.append(a[2]))
    view.findChild(QPushButton, "import_list").click()
    assert "Zeile 3 (Tannhausen)" in warned[0] and len(view.listing.entries()) == 3

    path.write_text("Gemeinde;AGS\nEichberg;09162099\nTannhausen;09162098\n", encoding="utf-8")
    view.findChild(QPushButton, "import_list").click()
    assert informed == ["2 Gemeinden hinzugefügt."]
    assert [row[0] for row in grid(view)] == [
        "Ahornfeld",
        "Birkenau",
        "Eichberg",
        "Lindental",
        "Tannhausen",
    ]
