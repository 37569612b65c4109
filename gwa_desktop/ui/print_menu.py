"""The print entries of the File menu and the offers screen's print buttons.

The print stack (ReportLab, HarfBuzz, the PDF preview's pdfium) is imported when a print
dialog first opens, not when the window starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox

from gwa_desktop.i18n import _
from gwa_desktop.ui.menu_actions import add_menu_actions
from gwa_desktop.ui.operations import opened

if TYPE_CHECKING:
    from gwa_desktop.services.printing import PrintingService


def add_print_actions(window: QMainWindow, menu: QMenu) -> dict[str, QAction]:
    """Add the print entries to `menu`; `window` needs `services` and `offers_page`, and
    connects the offers screen's print buttons to these actions when it builds it."""
    entries = {
        "flyer": (_("Print &flyer…"), QKeySequence.StandardKey.Print, lambda: print_flyer(window)),
        "overview": (
            _("Print &overview…"),
            QKeySequence("Ctrl+Shift+P"),
            lambda: print_overview(window),
        ),
        "consent": (
            _("Print &consent form…"),
            None,
            lambda: print_consent_form(window),
        ),
    }
    return add_menu_actions(window, menu, entries)


def _printing(window: QMainWindow) -> PrintingService:
    from gwa_desktop.services.printing import PrintingService

    return PrintingService.from_services(window.services)


def print_consent_form(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.print_dialogs import ConsentPrintDialog

    _open(window, lambda: ConsentPrintDialog(_printing(window), window))


def print_flyer(window: QMainWindow) -> None:
    """Flyer for the offer selected on the offers screen."""
    from gwa_desktop.ui.dialogs.print_dialogs import FlyerPrintDialog

    offer_id = window.offers_page.current_id()
    if offer_id is None:
        window.show_screen("offers")
        QMessageBox.information(window, _("Print flyer"), _("Select an offer in the list first."))
        return
    _open(window, lambda: FlyerPrintDialog(_printing(window), offer_id, window))


def print_overview(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.print_dialogs import OverviewPrintDialog

    page = window.offers_page
    _open(
        window,
        lambda: OverviewPrintDialog(
            _printing(window), page.selected_ids(), page.category_filter.currentData(), window
        ),
    )


def _open(window: QMainWindow, make: Callable[[], QDialog]) -> None:
    """Build the dialog inside the error boundary (it reads the offer and the settings)."""
    dialog = opened(window, make)
    if dialog is not None:
        dialog.exec()
    else:
        window.offers_page.refresh()
