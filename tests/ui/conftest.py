"""Helpers for driving the real windows and their modal dialogs."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.gui_thread_gc import collect_on_gui_thread
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def german_qt(qapp):
    """Each test starts in German, left to right, and leaves the application so; the
    cycle collector runs on the GUI thread, as in the program, and after each test."""
    collect_on_gui_thread(qapp)
    apply_language("de")
    yield
    apply_language("de")
    # What the test left in reference cycles goes now, on this thread, not into the next
    # test: a wrapper of an item Qt already deleted would otherwise still be registered
    # for its address and be handed out for the next object Qt puts there.
    gc.collect()


@pytest.fixture
def services(database) -> Services:
    return Services.on(database)


@pytest.fixture
def window(qtbot, services) -> MainWindow:
    main_window = MainWindow(services)
    qtbot.addWidget(main_window)
    main_window.show()
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    # The window opens on "This week"; most tests start from the contacts list.
    main_window.show_page(main_window.pages.index(main_window.contacts_page))
    return main_window


def drive_dialog(trigger: Callable[[], None], handle: Callable[[QDialog], None]) -> None:
    """Run `trigger`, which opens a modal dialog, and let `handle` work in it.

    The handler runs from the dialog's own event loop, exactly as a user's clicks would.
    """
    failures: list[BaseException] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, in_dialog)
            return
        try:
            handle(dialog)
        except BaseException as error:
            failures.append(error)
            dialog.reject()

    QTimer.singleShot(0, in_dialog)
    trigger()
    if failures:
        raise failures[0]


def weekly_offer(
    services: Services, title: str, started_days_ago: int, start: time, end: time, **more
) -> int:
    """A weekly offer that began `started_days_ago` days ago, for the date-driven screens."""
    return services.offers.create(
        OfferData(
            texts=[OfferTextData("de", title)],
            category=more.pop("category", OfferCategory.LANGUAGE),
            start_date=date.today() - timedelta(days=started_days_ago),
            recurrence=Recurrence.WEEKLY,
            start_time=start,
            end_time=end,
            **more,
        )
    )
