"""The File menu's exchange section: district export and import, backups, vCard and iCal.

Kept apart from the main window so the window only calls `add_exchange_actions`. The
dialogs and the exchange formats behind them (openpyxl, pyzipper, icalendar,
cryptography) are imported when an entry is first used, not when the window starts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from gwa_desktop.i18n import _
from gwa_desktop.services.backup_key import key_file_statement, password_statement
from gwa_desktop.ui.changes import EVERYTHING
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import documents_folder


def add_exchange_actions(window: QMainWindow, menu: QMenu) -> dict[str, QAction]:
    """Add the exchange entries to `menu`; `window` needs `services` and `pages`."""
    entries = {
        "export_district": (_("Export for the district…"), lambda: export_for_district(window)),
        "import_packages": (
            _("Import packages… (district mode)"),
            lambda: import_packages(window),
        ),
        "completeness": (
            _("Who has reported… (district mode)"),
            lambda: show_completeness(window),
        ),
        "fingerprint": (_("Fingerprint of this installation…"), lambda: show_fingerprint(window)),
        "backup": (_("Back up now…"), lambda: back_up_now(window)),
        "restore": (_("Restore…"), lambda: restore(window)),
        "vcard": (_("Export contacts (vCard)…"), lambda: export_device_file(window, "vcard")),
        "ical": (_("Export calendar (iCal)…"), lambda: export_device_file(window, "ical")),
    }
    actions = {}
    for key, (text, handler) in entries.items():
        if key in ("backup", "vcard"):
            menu.addSeparator()
        action = QAction(text, window)
        action.triggered.connect(handler)
        menu.addAction(action)
        actions[key] = action
    menu.addSeparator()
    return actions


def import_packages(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog

    DistrictImportDialog(window.services, window).exec()


def show_completeness(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.completeness_dialog import CompletenessDialog

    CompletenessDialog(window.services, window).exec()


def export_for_district(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog

    dialog = DistrictExportDialog(window.services, window)
    if dialog.exec() and dialog.written is not None:
        QMessageBox.information(
            window,
            _("Export for the district"),
            _("The export was written to {path}").format(path=dialog.written),
        )


def fingerprint_text(window: QMainWindow) -> str:
    from gwa_desktop.services import installation_key

    return _(
        "Packages from this installation are signed with its key. Its fingerprint is:\n\n{fingerprint}\n\n"
        "The district office sees the same fingerprint when it imports your first package and on the receipt; "
        "read it out when they call to compare."
    ).format(fingerprint=installation_key.fingerprint(window.services.database))


def show_fingerprint(window: QMainWindow) -> None:
    QMessageBox.information(window, _("Fingerprint of this installation"), fingerprint_text(window))


def back_up_now(window: QMainWindow) -> None:
    from gwa_desktop.ui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(window.services, window)
    if dialog.exec() and dialog.written is not None:
        protected = dialog.with_password.isChecked()
        QMessageBox.information(
            window,
            _("Back up now"),
            _("The backup was written to {path}").format(path=dialog.written)
            + "\n\n"
            + (password_statement() if protected else key_file_statement()),
        )


def restore(window: QMainWindow, reason: str = "") -> bool:
    from gwa_desktop.ui.dialogs.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.services, window, reason)
    if not dialog.exec():
        return False
    window.refresh_after(EVERYTHING)
    QMessageBox.information(
        window,
        _("Restore a backup"),
        _("The backup was restored. The previous state was saved as {path}").format(
            path=dialog.safety_copy
        ),
    )
    return True


def export_device_file(window: QMainWindow, kind: str) -> None:
    from gwa_desktop.services.device_export import export_ical, export_vcard

    title, default, pattern, work = {
        "vcard": (_("Export contacts (vCard)"), "kontakte.vcf", _("vCard (*.vcf)"), export_vcard),
        "ical": (_("Export calendar (iCal)"), "kalender.ics", _("iCalendar (*.ics)"), export_ical),
    }[kind]
    name, _filter = QFileDialog.getSaveFileName(
        window, title, str(documents_folder() / default), pattern
    )
    if not name:
        return
    ok, count = run_with_progress(
        window, title, lambda progress: work(window.services.database, Path(name))
    )
    if ok:
        QMessageBox.information(
            window, title, _("{count} entries written to {path}").format(count=count, path=name)
        )
