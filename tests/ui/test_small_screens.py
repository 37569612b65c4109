"""Small screens: forms reflow instead of scrolling sideways; lists fit at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from gwa_desktop.i18n import UI_LANGUAGES
from gwa_desktop.services.demo_data import load_demo_data
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.pages.list_page import ListPage


def test_a_form_squeezed_narrow_scrolls_up_and_down_only(qtbot, services):
    for dialog in (
        ContactDialog(services.contacts),
        OfferDialog(services.offers, services.contacts),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(200, 400)
        QApplication.processEvents()
        scroll = dialog.findChild(QScrollArea)
        body = scroll.widget()
        # Never narrower than its widest row needs, so nothing is cut off at the side...
        assert dialog.width() > 200
        assert body.width() >= body.minimumSizeHint().width()
        assert (
            scroll.horizontalScrollBar().maximum() == 0
            or not scroll.horizontalScrollBar().isVisible()
        )
        # ...and tall forms still scroll vertically.
        assert scroll.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_list_fits_a_1366_by_768_window_without_scrolling_sideways(qtbot, database, language):
    apply_language(language)
    load_demo_data(database)
    window = MainWindow(Services.on(database))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    lists = [page for page in window.pages if isinstance(page, ListPage)]
    assert len(lists) >= 3
    for page in lists:
        window.show_page(window.pages.index(page))
        QApplication.processEvents()
        assert page.model.rowCount() > 0
        header = page.table.horizontalHeader()
        assert page.table.horizontalScrollBar().maximum() == 0, type(page).__name__
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for column in shown:  # a number's heading is read in full, its cells are short
            if page.model.columns[column].align_right:
                assert header.sectionSize(column) >= header.sectionSizeHint(column)
        assert header.sectionViewportPosition(shown[-1]) + header.sectionSize(shown[-1]) <= (
            page.table.viewport().width() + 1
        )
