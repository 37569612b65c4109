"""Start of the desktop program: open the database, offer demo data, show the window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import DEFAULT_LANGUAGE, UI_LANGUAGES, _, set_ui_language
from gwa_desktop.logbook import start_logging
from gwa_desktop.paths import (
    SYSTEM_FOLDER,
    DataFolderError,
    backups_dir,
    database_location,
    portable_help,
    start_portable,
)
from gwa_desktop.preferences import choose_language, language_of_locale
from gwa_desktop.services.backup import (
    backup_label,
    list_backups,
    restore_in_place_of,
    tidy_data_folders,
)
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reindex import ensure_current
from gwa_desktop.storage.database import Database, open_database
from gwa_desktop.storage.errors import NotADatabaseError, StorageError
from gwa_desktop.ui.accessibility import use_readable_palette
from gwa_desktop.ui.gui_thread_gc import collect_on_gui_thread
from gwa_desktop.ui.language import WindowRebuilder, apply_language, system_locale_name
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.operations import (
    attempt,
    install_exception_hook,
    show_error,
    unexpected_error_message,
)
from gwa_desktop.ui.startup_checks import back_up_on_exit, check_integrity_after_first_paint
from gwa_desktop.ui.tour import show_tour_once

#: Exit code after a failure nobody foresaw (as `gwa`'s).
UNEXPECTED_ERROR = 3

log = logging.getLogger(__name__)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gwa-desktop", description=_("GWA Desktop"))
    parser.add_argument(
        "--database",
        help=_("database file or SQLAlchemy URL (default: the user data folder; or $GWA_DATABASE)"),
    )
    parser.add_argument(
        "--language",
        choices=UI_LANGUAGES,
        help=_(
            "language of the user interface for this start (default: as chosen in the settings, "
            "else the system's language, else German)"
        ),
    )
    parser.add_argument("--portable", action="store_true", help=portable_help())
    return parser.parse_args(argv)


def keep_qt_settings_in(folder: Path) -> None:
    """Qt's own settings (the file dialogs' history) go to the portable folder, not the host.

    On Windows Qt's file dialogs still use the registry for them; see README.
    """
    location = str(folder / SYSTEM_FOLDER / "config")
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, location)


def open_with_dialogs(location: str) -> Database | None:
    """Open the database; on failure explain why and let the user pick another file."""
    while True:
        try:
            return open_database(location, backup_dir=backups_dir())
        except StorageError as error:
            backups = (
                list_backups(backups_dir())
                if isinstance(error, NotADatabaseError) and "://" not in location
                else []
            )
            buttons = QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close
            if backups:
                buttons |= QMessageBox.StandardButton.Reset
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                _("GWA Desktop"),
                str(error) + "\n\n" + _("Do you want to open another database file?"),
                buttons,
            )
            if backups:
                box.button(QMessageBox.StandardButton.Reset).setText(_("Restore a backup…"))
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Reset:
                restore_over_unreadable(Path(location), backups)
                continue
            if answer != QMessageBox.StandardButton.Open:
                return None
            location, _filter = QFileDialog.getSaveFileName(
                None,
                _("Open or create database"),
                "",
                _("GWA database (*.sqlite)"),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not location:
                return None


def restore_over_unreadable(target: Path, backups: list[Path]) -> None:
    """Let the user pick a backup to put where the unreadable database lies."""
    labels = [backup_label(path) for path in backups]
    label, ok = QInputDialog.getItem(
        None, _("Restore a backup"), _("Backup to restore:"), labels, 0, False
    )
    if not ok:
        return
    try:
        kept = restore_in_place_of(backups[labels.index(label)], target)
    except ExchangeError as error:
        show_error(None, str(error))
        return
    QMessageBox.information(
        None,
        _("Restore a backup"),
        _("Restored. The unreadable database was kept as {path}").format(path=kept),
    )


def offer_demo_data(services: Services) -> None:
    answer = QMessageBox.question(
        None,
        _("Welcome to GWA Desktop"),
        _(
            "The database is still empty.\n\nDo you want to load demo data of an invented village "
            "(about 30 contacts, 15 offers and 60 activities) to get to know the program? "
            "You can delete them later or start with an empty database."
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        from gwa_desktop.services.demo_data import load_demo_data

        ok, _summary = attempt(None, lambda: load_demo_data(services.database))
        if not ok:
            show_error(None, _("The demo data could not be loaded."))


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    # The stored choice lies in the data folder, which may turn out unusable; until it
    # is known, messages follow the command line or the system. Qt starts only after
    # portable mode has pointed its folders at the stick.
    provisional = arguments.language or language_of_locale(system_locale_name()) or DEFAULT_LANGUAGE
    set_ui_language(provisional)
    try:
        portable = start_portable(arguments.portable)
    except DataFolderError as error:
        QApplication.instance() or QApplication(sys.argv[:1])
        apply_language(provisional)
        show_error(None, str(error))
        return 2
    start_logging(console=True, program="gwa-desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("GWA Desktop")
    app.setOrganizationName("GWA Desktop")
    collect_on_gui_thread(app)
    if portable is not None:
        keep_qt_settings_in(portable)
    install_exception_hook()
    use_readable_palette(app)
    apply_language(choose_language(arguments.language, system_locale_name()))
    try:
        return run_window(app, arguments.database)
    except Exception:
        log.exception("unexpected error at start")
        show_error(None, unexpected_error_message())
        return UNEXPECTED_ERROR


def run_window(app: QApplication, database_argument: str | None) -> int:
    """Open the database, show the window and run until it is closed."""
    location = database_location(database_argument)
    tidy_data_folders(location)
    database = open_with_dialogs(location)
    if database is None:
        return 1
    # Sort keys and search texts made by another collation or catalog: computed again.
    ensure_current(database)
    services = Services.on(database)
    if services.is_empty():
        offer_demo_data(services)
    windows = WindowRebuilder(lambda: MainWindow(services))
    windows.window.show()
    check_integrity_after_first_paint(lambda: windows.window)
    QTimer.singleShot(0, lambda: show_tour_once(windows.window))
    try:
        return app.exec()
    finally:
        back_up_on_exit(database)
        database.close()


if __name__ == "__main__":
    sys.exit(main())
