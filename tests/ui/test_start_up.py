"""The window's start does only what the first screen needs (issue 12, "Start").

Each list is fetched once, the columns are measured on a sample of rows instead of the
whole first page, the offers' schedule text is worked out once per row, and the
integrity check runs after the window is shown without holding it up.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.languages import language_name
from gwa_desktop.i18n import UI_LANGUAGES
from gwa_desktop.services.demo_data import generate_bulk_data
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.ui import table_model
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.pages import offers_page
from gwa_desktop.ui.pages.list_page import SIZE_SAMPLE_ROWS
from gwa_desktop.ui.pages.settings_page import UI_LANGUAGE_NAMES
from gwa_desktop.ui.startup_checks import check_integrity_after_first_paint


def _shown(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_each_list_is_fetched_once_when_first_shown(qtbot, services, monkeypatch):
    """Not at start (the week page is on view): each list when first visited, once."""
    generate_bulk_data(services.database, contacts=40, activities=60, offers=10)
    fetches: list[tuple[str, int]] = []
    for name in ("contacts", "offers", "activities"):
        service = getattr(services, name)
        fetch = service.list_rows

        def counted(query, offset, limit, fetch=fetch, name=name):
            fetches.append((name, offset))
            return fetch(query, offset, limit)

        monkeypatch.setattr(service, "list_rows", counted)

    window = _shown(qtbot, services)
    QApplication.processEvents()
    assert fetches == []

    for name in ("contacts", "offers", "activities", "contacts", "offers"):
        window.show_screen(name)
        QApplication.processEvents()

    assert sorted(fetches) == [("activities", 0), ("contacts", 0), ("offers", 0)]
    assert window.contacts_page.model.rowCount() == 40


def test_only_the_screen_on_view_counts_its_rows_at_start(qtbot, services, monkeypatch):
    generate_bulk_data(services.database, contacts=10, activities=30, offers=5)
    totals = services.activities.totals
    asked: list[object] = []
    monkeypatch.setattr(
        services.activities, "totals", lambda query: asked.append(query) or totals(query)
    )
    window = _shown(qtbot, services)
    # The start page on view gives the month's figures; no list counts yet.
    assert asked == [ListQuery(filters={"period": "month"})]
    window.show_page(window.pages.index(window.contacts_page))
    assert "10" in window.status_label.text()
    assert len(asked) == 1

    window.show_page(window.pages.index(window.activities_page))
    window.show_page(window.pages.index(window.contacts_page))
    window.show_page(window.pages.index(window.activities_page))
    assert len(asked) == 2
    assert "30" in window.status_label.text()


def test_sorting_a_loaded_list_still_fetches_it_in_the_new_order(qtbot, services):
    for name in ("Anna Berger", "Zora Yilmaz"):
        services.contacts.create(ContactData(name=name))
    window = _shown(qtbot, services)
    table = window.contacts_page.table
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert window.contacts_page.model.index(0, 0).data() == "Zora Yilmaz"


def test_columns_are_sized_from_a_sample_of_the_rows(qtbot, services, monkeypatch):
    generate_bulk_data(services.database, contacts=300, activities=300, offers=20)
    asked: set[int] = set()
    data = table_model.PagedTableModel.data

    def recorded(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return data(self, index, role)

    monkeypatch.setattr(table_model.PagedTableModel, "data", recorded)
    window = _shown(qtbot, services)
    window.show_page(window.pages.index(window.contacts_page))
    QApplication.processEvents()

    assert window.contacts_page.model.rowCount() == 300
    assert window.contacts_page.table.columnWidth(0) > 0
    assert max(asked) < 2 * SIZE_SAMPLE_ROWS + 40


def test_the_schedule_text_is_worked_out_once_per_offer(qtbot, services, monkeypatch):
    generate_bulk_data(services.database, contacts=20, activities=0, offers=30)
    calls: list[object] = []
    describe = offers_page.describe_schedule

    def counted(schedule, language):
        calls.append(schedule)
        return describe(schedule, language)

    monkeypatch.setattr(offers_page, "describe_schedule", counted)
    offers_page._schedule_text.cache_clear()
    window = _shown(qtbot, services)
    window.show_page(window.pages.index(window.offers_page))
    model = window.offers_page.model
    column = next(i for i, c in enumerate(model.columns) if c.key == "schedule")
    for _paint in range(3):
        for row in range(model.rowCount()):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        window.offers_page.table.viewport().repaint()

    assert model.rowCount() == 30
    assert 0 < len(calls) <= 30
    assert model.data(QModelIndex()) is None


def test_a_damaged_file_is_reported_after_the_window_is_shown(
    qtbot, services, database_path, monkeypatch
):
    for n in range(300):
        services.contacts.create(ContactData(name=f"Person {n} " + "x" * 150))
    window = _shown(qtbot, services)
    services.database.engine.dispose()
    with closing(sqlite3.connect(database_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    content = bytearray(database_path.read_bytes())
    page = 4096
    content[page * 5 : page * 9] = os.urandom(page * 4)
    database_path.write_bytes(bytes(content))
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda parent, title, text, *a, **k: warned.append(text) or QMessageBox.StandardButton.No,
    )

    check_integrity_after_first_paint(lambda: window)
    assert warned == []  # not before the event loop has shown the window

    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert len(warned) == 1


def test_an_intact_file_is_not_reported(qtbot, window, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *args, **kwargs: pytest.fail("warned about an intact file")
    )
    check_integrity_after_first_paint(lambda: window)
    qtbot.wait(300)


def test_the_language_names_are_cldrs():
    for code in UI_LANGUAGES:
        name = language_name(code, code)
        assert UI_LANGUAGE_NAMES[code] == name[:1].upper() + name[1:]
