"""Clicking a column header to sort keeps the selected records selected and in view."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.services.contacts import ContactData
from gwa_desktop.ui.table_model import PAGE_SIZE


def _click_header(qtbot, page, column: int) -> None:
    header = page.table.horizontalHeader()
    position = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, header.height() // 2)
    )


def _selected_names(page) -> list[str]:
    rows = sorted(index.row() for index in page.table.selectionModel().selectedRows())
    return [page.model.index(row, 0).data() for row in rows]


def test_sorting_keeps_the_selection_and_scrolls_to_it(qtbot, window, services):
    for number in range(PAGE_SIZE + 40):
        services.contacts.create(
            ContactData(name=f"Verein {number:04d}", kind=ContactKind.ORGANISATION)
        )
    page = window.contacts_page
    window.show_page(window.pages.index(window.contacts_page))
    page.refresh()
    page.table.selectRow(3)
    assert _selected_names(page) == ["Verein 0003"]

    _click_header(qtbot, page, 0)  # name, now descending: "Verein 0003" is beyond the first page

    assert page.model.query.descending
    assert _selected_names(page) == ["Verein 0003"]
    assert page.current_id() == page.selected_ids()[0]
    index = page.model.index(page.table.currentIndex().row(), 0)
    assert page.table.viewport().rect().intersects(page.table.visualRect(index))
    assert page.edit_button.isEnabled()


def test_a_multiple_selection_survives_a_sort(qtbot, window, services):
    for name in ("Anna", "Bea", "Cem", "Dana"):
        services.contacts.create(ContactData(name=name, kind=ContactKind.ORGANISATION))
    page = window.contacts_page
    window.show_page(window.pages.index(window.contacts_page))
    page.refresh()
    page.table.selectRow(1)
    page.table.selectionModel().select(
        page.model.index(3, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert _selected_names(page) == ["Bea", "Dana"]
    _click_header(qtbot, page, 0)
    assert sorted(_selected_names(page)) == ["Bea", "Dana"]
