"""An unexpected error in the window: a calm message, a log without personal data, and
a window that keeps working."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.logbook import log_path, start_logging, stop_logging
from gwa_desktop.ui import app as app_module
from gwa_desktop.ui import operations
from gwa_desktop.ui.pages.contacts_page import ContactsPage
from gwa_desktop.ui.table_model import Column

NAME = "Mariam Nouri"
PHONE = "0151 2345678"


class Boom(LookupError):
    """Stands for a bug whose message quotes what the user typed."""


@pytest.fixture(autouse=True)
def fresh_reports(monkeypatch):
    """Failures in Qt overrides are reported once a run; each test is a run of its own."""
    monkeypatch.setattr(operations, "_reported_once", set())


@pytest.fixture
def log_file():
    path = start_logging(console=False)
    yield path
    stop_logging()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []

    def show(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, show)
    return shown


@pytest.fixture
def mariam(services) -> int:
    return services.contacts.create(
        ContactData(name=NAME, phone=PHONE, legal_basis=LegalBasis.CONTRACT)
    )


def leak(*_args, **_kwargs):
    raise Boom(f"no row for {NAME}, phone {PHONE}")


def logged(log_file) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_a_failing_list_fetch_is_shown_logged_without_personal_data_and_the_window_survives(
    qtbot, window, mariam, log_file, messages
):
    page: ContactsPage = window.contacts_page
    working_fetch = page.model._fetch
    page.model._fetch = leak
    qtbot.keyClicks(page.search, "Mar")
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "Etwas Unerwartetes" in messages[0] and str(log_path()) in messages[0]
    text = logged(log_file)
    assert "Boom" in text and "table_model.py" in text and "fetch" in text
    assert NAME not in text and "Mariam" not in text and PHONE not in text and "2345678" not in text
    assert page.model.rowCount() == 0

    page.model._fetch = working_fetch
    window.show_page(window.pages.index(window.offers_page))
    assert window.current_page() is window.offers_page
    window.show_page(window.pages.index(window.contacts_page))
    page.search.clear()
    qtbot.keyClicks(page.search, "Nouri")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == NAME
    assert len(messages) == 1


def test_a_failure_while_scrolling_or_sorting_is_reported_once(
    qtbot, mariam, window, log_file, messages
):
    model = window.contacts_page.model
    model._fetch = leak
    model._exhausted = False
    model.fetchMore()
    window.contacts_page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    model.fetchMore()
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "Protokoll" in messages[0]
    assert logged(log_file).count("test_crash_log.Boom") == 2, (
        "fetch and sort fail at different places"
    )
    assert not model.canFetchMore(), "no endless refetching of a failing page"


def test_a_cell_that_cannot_be_shown_stays_empty_and_is_logged_once(
    qtbot, mariam, window, log_file, messages
):
    model = window.contacts_page.model
    model.columns[0] = Column("name", lambda: "Name", leak)
    model.reload()  # shown texts are kept per fetched row: fetch the rows again
    for _ in range(5):
        assert model.index(0, 0).data() is None
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert logged(log_file).count("test_crash_log.Boom") == 1


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_caught_by_the_hook(
    qtbot, mariam, window, log_file, messages, monkeypatch
):
    """E.g. an edit dialog whose constructor fails reading the record."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    operations.install_exception_hook()
    monkeypatch.setattr(window.contacts_page, "open_dialog", leak)
    window.contacts_page.table.selectRow(0)
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "Etwas Unerwartetes" in messages[0]
    assert "Boom" in logged(log_file) and NAME not in logged(log_file)
    window.show_page(window.pages.index(window.activities_page))
    assert window.current_page() is window.activities_page


def test_help_open_log_names_the_file_and_opens_its_folder(
    qtbot, window, log_file, messages, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    window.log_action.trigger()
    assert str(log_file) in messages[0] and "keine Namen" in messages[0]
    assert opened == [str(log_file.parent.parent)] or opened == [str(log_file.parent)]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.log_action.trigger()
    assert "Dateimanager" in messages[1]


def test_a_bug_while_the_window_is_built_is_explained_and_logged(qtbot, messages, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )
    monkeypatch.setattr(app_module, "MainWindow", leak)
    try:
        assert app_module.main([]) == app_module.UNEXPECTED_ERROR
        content = log_path().read_text(encoding="utf-8")
    finally:
        stop_logging()
    assert "Etwas Unerwartetes" in messages[-1]
    assert (
        "unexpected error at start" in content
        and "test_crash_log.Boom" in content
        and NAME not in content
    )
