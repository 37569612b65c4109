"""The volunteer entries of the File menu: find help, print a certificate.

The certificate's print stack is imported when its dialog first opens, not when the
window starts (as in print_menu).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gwa_desktop.i18n import _
from gwa_desktop.ui.menu_actions import add_menu_actions
from gwa_desktop.ui.operations import opened


def add_volunteer_actions(window: QMainWindow, menu: QMenu) -> dict[str, QAction]:
    """Add "Find help" and "Print volunteer certificate" to `menu`; `window` needs `services`."""
    entries = {
        "find_help": (
            _("Find &help (volunteers)…"),
            QKeySequence("Ctrl+Shift+H"),
            lambda: find_help(window),
        ),
        "certificate": (
            _("Print volunteer c&ertificate…"),
            None,
            lambda: print_certificate(window),
        ),
    }
    return add_menu_actions(window, menu, entries)


def find_help(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.find_help_dialog import FindHelpDialog

    services = window.services
    dialog = opened(
        window,
        lambda: FindHelpDialog(
            services.volunteers, lambda contact_id: print_certificate(window, contact_id), window
        ),
    )
    if dialog is not None:
        dialog.exec()


def print_certificate(window: QMainWindow, contact_id: int | None = None) -> None:
    from gwa_desktop.services.certificates import CertificateService
    from gwa_desktop.ui.dialogs.certificate_dialog import CertificatePrintDialog

    services = window.services
    dialog = opened(
        window,
        lambda: CertificatePrintDialog(
            CertificateService.from_services(services), services.volunteers, contact_id, window
        ),
    )
    if dialog is not None:
        dialog.exec()
