"""How the real list screens feel on a large database: figures, not assertions.

Opens the main window offscreen on a database filled by load_data.py and times what a
user does: open the window, type into the search field, sort by a column, scroll
through several pages. Prints medians and the ratio to a 100 ms "feels fluid" budget.

    .venv/bin/python benchmarks/load_data.py --database /tmp/gwa-bench.sqlite --replace
    .venv/bin/python benchmarks/gui_lists.py --database /tmp/gwa-bench.sqlite
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GWA_DATA_DIR", tempfile.mkdtemp(prefix="gwa-bench-"))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.main_window import MainWindow

BUDGET_MS = 100.0


def timed(action, repeats: int = 5) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    arguments = parser.parse_args()
    app = QApplication([])
    database = open_database(arguments.database)
    services = Services.on(database)
    print(
        f"{services.contacts.count()} contacts, {services.offers.count()} offers, "
        f"{services.activities.count()} activities"
    )
    figures: list[tuple[str, float]] = []
    start = time.perf_counter()
    window = MainWindow(services)
    window.show()
    app.processEvents()
    figures.append(("open main window (all lists loaded)", (time.perf_counter() - start) * 1000))
    for page_index, page, words in (
        (0, window.contacts_page, ("m", "mü", "müller", "xyzzy")),
        (2, window.activities_page, ("n", "netz", "netzwerktreffen", "xyzzy")),
    ):
        window.show_page(page_index)
        name = "contacts" if page_index == 0 else "activities"
        for word in words:

            def search(word=word, page=page):
                page.search.setText(word)
                page.apply_search()

            figures.append((f"{name}: search {word!r} (list + status bar)", timed(search)))
        page.search.clear()
        page.apply_search()
        figures.append(
            (
                f"{name}: sort by 3rd column descending",
                timed(lambda page=page: page.model.sort(2, Qt.SortOrder.DescendingOrder)),
            )
        )
        page.model.sort(0, page.default_sort_order)

        def scroll(page=page):
            page.model.reload()
            for _ in range(5):
                page.model.fetchMore()

        figures.append((f"{name}: reload and fetch 6 pages (3,000 rows)", timed(scroll)))
    window.close()
    database.close()
    width = max(len(label) for label, _ in figures)
    print(f"{'what':<{width}}  {'ms':>8}  {'of budget':>9}")
    for label, value in figures:
        print(f"{label:<{width}}  {value:8.1f}  {value / BUDGET_MS:8.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
