"""An empty list says why it is empty and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind


def test_empty_database_invites_the_first_entry(qtbot, window):
    page = window.contacts_page
    assert page.empty_hint.isVisible()
    assert "Strg+N" in page.empty_hint.text()


def test_search_without_match_explains_and_escape_clears_it(qtbot, window):
    window.services.contacts.create(
        ContactData(name="Kita Regenbogen", kind=ContactKind.ORGANISATION)
    )
    page = window.contacts_page
    page.refresh()
    assert not page.empty_hint.isVisible()
    page.search.setText("xyz")
    page.apply_search()
    qtbot.waitUntil(lambda: not page.searching)
    assert page.empty_hint.isVisible() and "Esc" in page.empty_hint.text()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.empty_hint.isVisible()
