"""Search as you type, per list: one keystroke in the window and at service level, each
beside the raw SQL it runs.

A keystroke in the window is what the user waits for: the search field's text handed to
the worker thread and the first page of rows shown and painted. The status-bar line
(counts, or the activities' totals) follows on the worker thread after the rows and is
timed from there. The service figure is the first page without the window. The floor of both is the SQL the services run for that text (compiled with
its values, run with the standard library's sqlite3 on the same file): page, then the
count or totals. Searches of one letter have no trigram and keep LIKE; words of three
letters or more go through the FTS5 index (storage/search_index.py).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GWA_DATA_DIR", tempfile.mkdtemp(prefix="gwa-bench-search-"))

from harness import Figure, alternate
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from gwa_desktop.services.listing import ListQuery, count_statement
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.pages.list_page import ListPage
from gwa_desktop.ui.table_model import PAGE_SIZE

#: (list, what is typed: one letter, a word, no match)
TYPED = (
    ("contacts", ("m", "müller", "xyzzy")),
    ("offers", ("s", "sprachcafe", "xyzzy")),
    ("activities", ("n", "netzwerktreffen", "xyzzy")),
)
ROUNDS = 7


def measure(database: Path, scale: int) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    opened = open_database(str(database))
    services = Services.on(opened)
    window = MainWindow(services)
    window.show()
    app.processEvents()
    raw = sqlite3.connect(database)
    figures: list[Figure] = []
    try:
        for entity, words in TYPED:
            # By the list it shows: the week and the calendar come first in the window.
            index = next(
                i for i, p in enumerate(window.pages) if getattr(p, "entity", "") == entity
            )
            window.show_page(index)
            page = window.pages[index]
            assert isinstance(page, ListPage)
            for word in words:
                figures.extend(_figures(app, raw, services, page, entity, word, scale))
            type_and_wait(app, page, "")
    finally:
        raw.close()
        window.close()
        window.deleteLater()
        app.processEvents()
        opened.close()
    return figures


def _figures(
    app: QApplication,
    raw: sqlite3.Connection,
    services: Services,
    page: ListPage,
    entity: str,
    word: str,
    scale: int,
) -> list[Figure]:
    query = ListQuery(
        text=word,
        sort_key=page.model.query.sort_key,
        descending=page.model.query.descending,
        filters=page.filters(),
    )
    listed, *summary = raw_statements(services, entity, query)

    def run(statements: list[str]) -> Callable[[], None]:
        def floor() -> None:
            for statement in statements:
                raw.execute(statement).fetchall()

        return floor

    page_floor, summary_floor = run([listed]), run(summary)
    for action in (page_floor, summary_floor, lambda: type_and_wait(app, page, word)):
        action()  # warm the caches (and the service's probe of the word)
    rows: list[float] = []
    status: list[float] = []
    page_floors: list[float] = []
    summary_floors: list[float] = []
    for round_number in range(ROUNDS):
        steps = [
            lambda: _record(rows, status, type_and_wait(app, page, word)),
            lambda: (
                page_floors.append(_timed(page_floor)),
                summary_floors.append(_timed(summary_floor)),
            ),
        ]
        for step in steps if round_number % 2 == 0 else reversed(steps):
            step()
    label = f"{scale}× {entity} {word!r}"
    service_seconds, service_floor = alternate(
        lambda: page.service.list_rows(query, 0, PAGE_SIZE), page_floor, ROUNDS
    )
    return [
        Figure(
            f"{label}: keystroke to rows shown (window)",
            median(rows),
            "the page's raw SQL",
            median(page_floors),
        ),
        Figure(
            f"{label}: status line after the rows (window)",
            median(status),
            "the summary's raw SQL",
            median(summary_floors),
        ),
        Figure(
            f"{label}: first page (service)", service_seconds, "the page's raw SQL", service_floor
        ),
    ]


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _record(rows: list[float], status: list[float], marks: tuple[float, float]) -> None:
    rows.append(marks[0])
    status.append(marks[1])


def type_and_wait(app: QApplication, page: ListPage, text: str) -> tuple[float, float]:
    """Set the search text as typing would and search (the debounce elapsed); wait until
    the rows are shown and painted, then until the status line follows. Returns the
    seconds to each, from the search's start and from the rows shown."""
    loop = QEventLoop()
    page.model.modelReset.connect(loop.quit)
    page.status_changed.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    page.search.blockSignals(True)  # no debounce timer: the search starts now
    page.search.setText(text)
    page.search.blockSignals(False)
    start = time.perf_counter()
    page.apply_search()
    loop.exec()  # the rows
    app.processEvents()  # their repaint
    shown = time.perf_counter()
    if page.searching:
        loop.exec()  # the status line
    done = time.perf_counter()
    page.model.modelReset.disconnect(loop.quit)
    page.status_changed.disconnect(loop.quit)
    return shown - start, done - shown


def raw_statements(services: Services, entity: str, query: ListQuery) -> list[str]:
    """The SQL the list and its summary run for `query`, with the values in place."""
    service = getattr(services, entity)
    listed = service._list_statement(query, paged=True).offset(0).limit(PAGE_SIZE)
    summary: list[Any]
    if entity == "activities":
        summary = [service.totals_statement(query)]
    else:
        summary = [
            count_statement(service._list_statement(query)),
            count_statement(service._list_statement(ListQuery())),
        ]
    dialect = services.database.engine.dialect
    return [compiled(statement, dialect) for statement in (listed, *summary)]


def compiled(statement: Any, dialect: Any) -> str:
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
