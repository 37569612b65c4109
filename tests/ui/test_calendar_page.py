"""The calendar: month and week by keyboard, a date cancelled, moved and restored from it,
the session recorded, and the cancelled date struck through here and on the start page."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from gwa_desktop.ui.pages.calendar_page import MONTH, WEEK, add_months
from tests.ui.conftest import drive_dialog, weekly_offer


def _calendar(window):
    window.show_page(window.pages.index(window.calendar_page))
    page = window.calendar_page
    page.grid.setFocus()
    return page


def _next_date(services, offer_id) -> date:
    return services.offers.get(offer_id).schedule.next_dates(date.today())[0]


def _choose(page, title: str) -> None:
    rows = [page.entries.item(i).text() for i in range(page.entries.count())]
    page.entries.setCurrentRow(next(i for i, text in enumerate(rows) if title in text))


def test_the_keyboard_moves_days_months_and_switches_to_the_week(qtbot, window):
    page = _calendar(window)
    today = date.today()
    assert page.day == today and page.view == MONTH
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert page.day == today + timedelta(days=1)
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    assert page.day == today + timedelta(days=8)
    qtbot.keyClick(page.grid, Qt.Key.Key_PageDown)
    assert page.day == add_months(today + timedelta(days=8), 1)
    assert page.heading.text().endswith(str(page.day.year))
    qtbot.keyClick(page.grid, Qt.Key.Key_T)
    assert page.day == today
    row, column = page.grid.currentRow(), page.grid.currentColumn()
    assert page.grid.item(row, column).data(Qt.ItemDataRole.UserRole) == today
    qtbot.keyClick(page.grid, Qt.Key.Key_W)
    assert page.view == WEEK and page.grid.rowCount() == 1
    assert page.first == today - timedelta(days=today.weekday())
    qtbot.keyClick(page.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.grid, Qt.Key.Key_M)
    assert page.view == MONTH and page.grid.rowCount() == 6
    assert page.day == add_months(today, -1)


def test_a_date_cancelled_in_the_calendar_is_struck_through_here_and_on_the_start_page(
    qtbot, window, monkeypatch
):
    services = window.services
    offer_id = weekly_offer(services, "Sprachcafé", 14, time(17), time(19))
    coming = _next_date(services, offer_id)
    page = _calendar(window)
    page.refresh()
    page.show_day(coming)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert page.entries.hasFocus()
    _choose(page, "Sprachcafé")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Krankheit", True))
    page.cancel_button.click()
    assert services.offers.get(offer_id).date_changes[0].reason == "Krankheit"
    item = page.entries.currentItem()
    assert "fällt aus: Krankheit" in item.text() and item.font().strikeOut()
    cell = page.grid.item(page.grid.currentRow(), page.grid.currentColumn())
    assert (entry := cell.data(Qt.ItemDataRole.UserRole + 1)[0]).cancelled
    assert entry.reason == "Krankheit"
    week = window.week_page
    titles = [week.dates.model().index(row, 1) for row in range(week.dates.model().rowCount())]
    struck = [
        title.data()
        for title in titles
        if (font := title.data(Qt.ItemDataRole.FontRole)) and font.strikeOut()
    ]
    assert struck == ["\u2068Sprachcafé\u2069"]
    # Restored, it takes place again.
    assert page.restore_button.isEnabled() and not page.cancel_button.isEnabled()
    page.restore_button.click()
    assert services.offers.get(offer_id).date_changes == []
    assert not page.entries.currentItem().font().strikeOut()


def test_a_date_moved_onto_another_date_of_the_offer_is_refused_and_nothing_changes(
    qtbot, window, monkeypatch
):
    services = window.services
    offer_id = weekly_offer(services, "Elterncafé", 14, time(15), time(17))
    coming = _next_date(services, offer_id)
    page = _calendar(window)
    page.refresh()
    page.show_day(coming)
    _choose(page, "Elterncafé")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))

    def onto_next_week(dialog):
        dialog.day.set_date(coming + timedelta(weeks=1))
        dialog.accept()

    drive_dialog(page.move_button.click, onto_next_week)
    assert told and "ohnehin" in told[0]
    assert services.offers.get(offer_id).date_changes == []

    def two_days_later(dialog):
        dialog.day.set_date(coming + timedelta(days=2))
        dialog.accept()

    drive_dialog(page.move_button.click, two_days_later)
    assert page.day == coming + timedelta(days=2)
    assert "verschoben vom" in page.entries.currentItem().text()


def test_recording_from_the_calendar_shows_the_headcount_on_the_date(qtbot, window):
    services = window.services
    offer_id = weekly_offer(services, "Lernhilfe", 14, time(16), time(18))
    last = services.offers.get(offer_id).schedule.series_dates(
        date.today() - timedelta(days=7), date.today()
    )[-1]
    page = _calendar(window)
    page.refresh()
    page.show_day(last)
    _choose(page, "Lernhilfe")

    def count(dialog):
        assert dialog.occurred_on.to_date() == last
        assert dialog.title.text() == "Lernhilfe"
        qtbot.keyClicks(dialog.total, "9")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    drive_dialog(page.record_button.click, count)
    _choose(page, "Lernhilfe")
    assert "9 Teilnehmende" in page.entries.currentItem().text()
    assert page.record_button.text() == "Termin öffnen…"
