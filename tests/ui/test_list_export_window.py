"""Export and print a list from the window (issue 13, item 5): the rows as filtered there."""

from __future__ import annotations

import subprocess
import unicodedata

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.ui import list_output
from tests.services.service_builders import organisation, person

ARABIC_NAME = "ليلى حداد"


def _fill(services) -> None:
    contacts = services.contacts
    person(
        contacts, ARABIC_NAME, role=ContactRole.VOLUNTEER, phone="0176 5550101", languages=["prs"]
    )
    person(contacts, "Olena Kowalenko", role=ContactRole.VOLUNTEER, languages=["uk"])
    person(contacts, "Hanna Berger", phone="06321 4711")
    contacts.create(ContactData(name="Karl Ohnegrund"))
    organisation(contacts, "Tafel Neustadt")


def _filter_volunteers(qtbot, window):
    page = window.contacts_page
    page.refresh()
    page.role_filter.setCurrentIndex(page.role_filter.findData(ContactRole.VOLUNTEER))
    qtbot.waitUntil(lambda: not page.searching)
    assert page.model.rowCount() == 2
    column = [c.key for c in page.model.columns].index("languages")
    shown = {page.model.index(row, column).data() for row in range(2)}
    assert shown == {"Dari", "Ukrainisch"}  # names in the window, not codes
    return page


def test_filtered_contacts_go_to_xlsx_after_a_warning(
    qtbot, window, services, tmp_path, monkeypatch
):
    _fill(services)
    page = _filter_volunteers(qtbot, window)
    target = tmp_path / "ehrenamtliche.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel-Arbeitsmappe (*.xlsx)")
    )
    warnings = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _parent, title, text, *a: warnings.append(text) or QMessageBox.StandardButton.Yes,
    )

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    assert warnings and "personenbezogene Daten" in warnings[0]
    sheet = load_workbook(target).active
    assert ContactRole.VOLUNTEER.label in sheet["A2"].value and "Stand:" in sheet["A2"].value
    header = [c.value for c in sheet[4]]
    assert header[:2] == ["Nr.", "Name"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert sorted(r[1] for r in rows) == sorted([ARABIC_NAME, "Olena Kowalenko"])
    role, languages = header.index("Rollen"), header.index("Sprachen")
    assert {r[role] for r in rows} == {ContactRole.VOLUNTEER.label}
    assert {r[languages] for r in rows} == {"Dari", "Ukrainisch"}


def test_refusing_the_warning_writes_nothing(qtbot, window, services, tmp_path, monkeypatch):
    _fill(services)
    page = _filter_volunteers(qtbot, window)
    target = tmp_path / "liste.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.No)
    list_output.export_list(page)
    assert not target.exists()


def test_print_writes_a_pdf_table_with_the_arabic_name(
    qtbot, window, services, tmp_path, monkeypatch
):
    _fill(services)
    page = _filter_volunteers(qtbot, window)
    target = tmp_path / "liste.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    opened = []
    monkeypatch.setattr(list_output, "open_saved_file", lambda _p, path: opened.append(path))

    list_output.print_list(page)

    assert opened == [target]
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    folded = unicodedata.normalize("NFKC", text)
    assert "Kontakte" in text and "Olena Kowalenko" in text and "Hanna Berger" not in text
    assert "ليلى" in folded or "ىليل" in folded
