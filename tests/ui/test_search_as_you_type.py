"""Search as you type runs off the GUI thread: the newest text wins, the field keeps its keys."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.storage.errors import DiskFullError

NAMES = ("Mariam Nouri", "Marek Nowak", "Jana Müller")


@pytest.fixture
def page(window):
    for name in NAMES:
        window.services.contacts.create(ContactData(name=name, legal_basis=LegalBasis.CONTRACT))
    page = window.contacts_page
    page.refresh()
    return page


def shown_names(page) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_a_slow_older_search_never_overwrites_the_newer_one(qtbot, page):
    """ "mar" is still running when the typist has gone on to "mari" and "mül"; its rows,
    arriving last, are dropped, and the list shows what the field says."""
    release = threading.Event()
    slow_done = threading.Event()
    fetch = page.model._fetch

    def slow_for_mar(query, offset, limit):
        if query.text == "mar":
            release.wait(10)
            rows = fetch(query, offset, limit)
            slow_done.set()
            return rows
        return fetch(query, offset, limit)

    page.model._fetch = slow_for_mar
    shown: list[str] = []
    page.model.modelReset.connect(lambda: shown.append(page.model.query.text))
    page.search.setText("mar")
    page.apply_search()
    qtbot.keyClicks(page.search, "i")  # the field takes keys while "mar" runs
    page.search.setText("mül")
    page.apply_search()
    qtbot.waitUntil(lambda: shown == ["mül"])
    release.set()
    qtbot.waitUntil(lambda: slow_done.is_set() and page._searches.idle and not page.searching)
    assert shown == ["mül"]
    assert shown_names(page) == ["Jana Müller"]
    assert page.search.text() == "mül"
    qtbot.waitUntil(lambda: "1 von 3" in page.summary())


def test_a_failing_search_is_one_message_and_the_text_stays(qtbot, page, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a: messages.append(text)
    )

    def full(query, offset, limit):
        raise DiskFullError()

    page.model._fetch = full
    page.search.setText("mar")
    page.apply_search()
    qtbot.waitUntil(lambda: not page.searching)
    # The typing's own pause would start the same search again after this test, when
    # the message box is real again and the page gone.
    page._search_timer.stop()
    assert messages == [str(DiskFullError())]
    assert page.search.text() == "mar"
    assert len(shown_names(page)) == len(NAMES), "the rows shown before stay"
