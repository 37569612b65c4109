"""Right-aligned number columns are never cut at the view's edge, in every UI language (issue 10, item 10)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import UI_LANGUAGES
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.main_window import MainWindow

LONG = "Deutschkurs für Eltern mit Kinderbetreuung und Hausaufgabenhilfe im Gemeindehaus"


@pytest.fixture(params=UI_LANGUAGES)
def language(request, qapp) -> str:
    apply_language(request.param)
    yield request.param
    apply_language("de")


def test_the_volunteer_hours_fit_their_column_at_1366_px(qtbot, services, language):
    offer = services.offers.create(
        OfferData(
            texts=[OfferTextData("de", LONG)],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 1, 6),
        )
    )
    for days, total, hours in ((3, 1234, 18.0), (10, 8, 4.5), (20, 12, 123.5)):
        services.activities.create(
            ActivityData(
                occurred_on=date.today() - timedelta(days=days),
                kind=ActivityKind.OFFER_SESSION,
                title=LONG + " (Nachmittag)",
                offer_id=offer,
                participants_total=total,
                volunteers_count=2,
                volunteer_hours=hours,
            )
        )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    page = window.activities_page
    window.show_page(window.pages.index(page))
    qtbot.waitExposed(window)

    table, header = page.table, page.table.horizontalHeader()
    metrics = table.fontMetrics()
    margin = 2 * (
        table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    )
    for column, spec in enumerate(page.model.columns):
        if not spec.align_right:
            continue
        start = header.sectionViewportPosition(column)
        width = header.sectionSize(column)
        assert start >= 0 and start + width <= table.viewport().width(), (language, spec.key)
        texts = [page.model.index(row, column).data() for row in range(page.model.rowCount())]
        assert width >= max(metrics.horizontalAdvance(text) for text in texts) + margin, (
            language,
            spec.key,
        )
        heading = page.model.headerData(column, Qt.Orientation.Horizontal)
        assert width >= header.fontMetrics().horizontalAdvance(heading), (language, spec.key)
    if os.environ.get("GWA_SCREENSHOT_DIR"):
        window.grab().save(
            str(Path(os.environ["GWA_SCREENSHOT_DIR"]) / f"activities_{language}.png")
        )


def test_columns_narrowed_for_a_small_window_widen_again_with_it(qtbot, services):
    """Fitting must not mistake the stretching last column for the user's hand."""
    services.offers.create(
        OfferData(
            texts=[OfferTextData("de", LONG)],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 1, 6),
            place_name="Gemeindehaus der Ev. Kirchengemeinde",
        )
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(700, 600)
    window.show()
    page = window.offers_page
    window.show_page(window.pages.index(page))
    qtbot.waitExposed(window)
    narrow = page.table.horizontalHeader().sectionSize(0)

    window.resize(1366, 740)
    qtbot.waitUntil(lambda: page.table.viewport().width() > 1000)

    header = page.table.horizontalHeader()
    assert header.sectionSize(0) > narrow
    assert (
        sum(header.sectionSize(c) for c in range(page.model.columnCount()))
        <= page.table.viewport().width()
    )
