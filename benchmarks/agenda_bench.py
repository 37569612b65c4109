"""The officer's week: the start page and the calendar's month view on 2,000 offers.

Issue 13 asks both to open in under 100 ms after the window is up, on 2,000 offers and
100,000 activities (per scale). The figure is what the officer waits for when she
switches to the screen or turns a page: the page's refresh (its query, the schedules
expanded for the days shown, the widgets filled) and the repaint. Its floor is the raw
SQL that reads the same rows (running offers with their texts and changes, the
activities of the range) through the standard library's sqlite3 on the same file, so
the ratio says what the schedule expansion and the widgets cost on top of reading.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GWA_DATA_DIR", tempfile.mkdtemp(prefix="gwa-bench-agenda-"))

from harness import BASE_OFFERS, Figure, alternate, bench_database
from PySide6.QtWidgets import QApplication, QWidget

from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.pages.calendar_page import CalendarPage, visible_range
from gwa_desktop.ui.pages.week_page import WeekPage

#: Ten times the base offers: the figure the issue names (2,000 at 1×).
OFFERS_PER_SCALE = 10 * BASE_OFFERS
ROUNDS = 7

_OFFERS = (
    "SELECT o.id, o.start_date, o.end_date, o.recurrence, o.start_time, o.end_time, "
    "o.place_name, t.title FROM offers o LEFT JOIN offer_texts t ON t.offer_id = o.id "
    "AND t.language = 'de' WHERE o.status IN ('active', 'planned') AND o.start_date <= ? "
    "AND (o.end_date IS NULL OR o.end_date >= ?)"
)
_CHANGES = "SELECT offer_id, on_date, moved_to, reason FROM offer_date_changes"
_ACTIVITIES = (
    "SELECT id, occurred_on, start_time, end_time, title, offer_id, participants_total "
    "FROM activities WHERE occurred_on BETWEEN ? AND ? ORDER BY occurred_on, start_time, id"
)


def measure(_database: Path, scale: int) -> list[Figure]:
    database = bench_database(scale, offers=OFFERS_PER_SCALE * scale)
    app = QApplication.instance() or QApplication([])
    opened = open_database(str(database))
    services = Services.on(opened)
    raw = sqlite3.connect(database)
    week = WeekPage(services)
    month = CalendarPage(services)
    try:
        today = date.today()
        week_first, week_last = today - timedelta(weeks=4), today + timedelta(days=14)
        month_first, month_last = visible_range(month.view, month.day)
        figures = [
            _figure(
                app,
                week,
                raw,
                week_first,
                week_last,
                f"{scale}× start page ({_count(raw, 'offers')} offers): refresh and paint",
            ),
            _figure(
                app,
                month,
                raw,
                month_first,
                month_last,
                f"{scale}× calendar month view: refresh and paint",
            ),
        ]
    finally:
        raw.close()
        for page in (week, month):
            page.deleteLater()
        app.processEvents()
        opened.close()
    return figures


def _figure(
    app: QApplication, page: QWidget, raw: sqlite3.Connection, first: date, last: date, what: str
) -> Figure:
    page.resize(1280, 800)
    page.show()
    app.processEvents()

    def shown() -> None:
        page.refresh()
        page.repaint()

    def floor() -> None:
        raw.execute(_OFFERS, (last.isoformat(), first.isoformat())).fetchall()
        raw.execute(_CHANGES).fetchall()
        raw.execute(_ACTIVITIES, (first.isoformat(), last.isoformat())).fetchall()

    shown()
    floor()
    seconds, floor_seconds = alternate(shown, floor, ROUNDS)
    page.hide()
    return Figure(what, seconds, "raw SQL of the same rows", floor_seconds)


def _count(raw: sqlite3.Connection, table: str) -> int:
    return int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
