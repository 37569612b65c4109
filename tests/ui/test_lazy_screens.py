"""Screens not on view at start are built when first shown (issue 12, "Start").

The start builds and fills only the screen on view; another screen is built, filled and
wired on its first visit and must then work as if it had been there from the start:
reachable and operable by keyboard, searchable, sortable, and fresh after writes made
while it did not exist yet.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.ui import disclosure_box
from gwa_desktop.ui.main_window import SCREEN_NAMES, MainWindow
from gwa_desktop.ui.pages.list_page import ListPage

NAMES = ("Mariam Nouri", "Marek Nowak", "Jana Müller")


def _started(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def _with_contacts(services) -> None:
    for name in NAMES:
        services.contacts.create(ContactData(name=name, legal_basis=LegalBasis.CONTRACT))


def _names(page: ListPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_the_start_builds_and_reads_only_the_screen_on_view(qtbot, services, monkeypatch):
    _with_contacts(services)
    fetched: list[str] = []
    for name in ("contacts", "offers", "activities"):
        service = getattr(services, name)
        fetch = service.list_rows
        monkeypatch.setattr(
            service,
            "list_rows",
            lambda query, offset, limit, fetch=fetch, name=name: (
                fetched.append(name) or fetch(query, offset, limit)
            ),
        )
    thresholds: list[object] = []
    read = disclosure_box.disclosure_threshold
    monkeypatch.setattr(
        disclosure_box, "disclosure_threshold", lambda db: thresholds.append(db) or read(db)
    )

    window = _started(qtbot, services)
    QApplication.processEvents()

    assert [name for name in SCREEN_NAMES if window.is_built(name)] == ["week"]
    assert window.current_page() is window.week_page
    assert fetched == [] and thresholds == []
    assert window.current_list() is None and not window.new_action.isEnabled()
    # Each screen still has its place in the navigation and the stack.
    assert window.stack.count() == window.navigation.count() == len(SCREEN_NAMES)


def test_a_list_built_on_first_visit_by_keyboard_shows_its_rows(qtbot, services):
    _with_contacts(services)
    window = _started(qtbot, services)
    assert not window.is_built("contacts")

    qtbot.keyClick(window, "2", Qt.KeyboardModifier.ControlModifier)  # View › Contacts

    page = window.current_page()
    assert isinstance(page, ListPage) and window.is_built("contacts")
    assert page is window.contacts_page
    assert window.stack.indexOf(page) == SCREEN_NAMES.index("contacts")
    assert sorted(_names(page)) == sorted(NAMES)
    assert page.table.hasFocus()
    assert page.table.accessibleName() == window.navigation.item(2).text()
    assert "3" in window.status_label.text()
    assert window.delete_action in page.table.actions()
    assert window.new_action.isEnabled()
    assert page.table.columnWidth(0) > 0  # sized when first shown


def test_the_navigation_list_builds_the_screen_it_moves_to(qtbot, services):
    _with_contacts(services)
    window = _started(qtbot, services)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # calendar
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # contacts
    assert window.is_built("calendar") and window.is_built("contacts")
    assert window.current_page() is window.contacts_page
    assert not window.is_built("offers")


def test_a_list_built_later_is_searchable_and_sortable(qtbot, services):
    _with_contacts(services)
    window = _started(qtbot, services)
    page = window.show_screen("contacts")
    assert isinstance(page, ListPage)

    qtbot.keyClick(window, "f", Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "mar")
    qtbot.waitUntil(lambda: not page.searching and page.model.query.text == "mar")
    assert sorted(_names(page)) == ["Marek Nowak", "Mariam Nouri"]

    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Mariam Nouri", "Marek Nowak"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(page) == ["Marek Nowak", "Mariam Nouri"]


def test_a_screen_built_after_a_write_shows_it(qtbot, services):
    window = _started(qtbot, services)
    contacts = window.show_screen("contacts")
    assert isinstance(contacts, ListPage) and _names(contacts) == []
    # Written while the activities screen did not exist: it reads them when built.
    _with_contacts(services)
    contacts.refresh()
    window.show_screen("week")
    assert sorted(_names(contacts)) == sorted(NAMES)
    assert not window.is_built("offers")
    offers = window.show_screen("offers")
    assert isinstance(offers, ListPage) and offers.isVisible()


def test_settings_built_on_first_visit_show_what_is_stored(qtbot, services):
    stored = services.settings.get()
    services.settings.save(replace(stored, name="Musterdorf", officer_name="Lea Kaya"))
    window = _started(qtbot, services)
    assert not window.is_built("settings")

    page = window.show_screen("settings")

    assert page is window.settings_page
    assert window.settings_page.name.text() == "Musterdorf"
    assert window.settings_page.officer_name.text() == "Lea Kaya"
    assert not window.settings_page.has_unsaved_changes()
    assert window.settings_page.disclosure.threshold.value() > 0


def test_closing_without_visiting_the_settings_asks_nothing(qtbot, services):
    window = _started(qtbot, services)
    assert window.close()
    assert not window.is_built("settings")


def test_the_remembered_screen_is_the_only_one_built(qtbot, services):
    _with_contacts(services)
    first = _started(qtbot, services)
    first.show_screen("contacts")
    first.save_window_state()
    first.close()

    second = _started(qtbot, services)

    assert [name for name in SCREEN_NAMES if second.is_built(name)] == ["contacts"]
    assert second.current_page() is second.contacts_page
    assert sorted(_names(second.contacts_page)) == sorted(NAMES)
