"""The main window: navigation on the left, one screen per area, status bar below."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from gwa_desktop import __version__
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.logbook import log_path
from gwa_desktop.paths import DataFolderError, portable_folder
from gwa_desktop.preferences import WindowState, store_window_state, stored_window_state
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.accessibility import name_on_show
from gwa_desktop.ui.changes import ACTIVITIES, CONTACTS, OFFERS, Changes, concerns
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.erasure_dialog import open_erasure_review
from gwa_desktop.ui.exchange_menu import add_exchange_actions
from gwa_desktop.ui.help_viewer import open_help
from gwa_desktop.ui.operations import opened
from gwa_desktop.ui.pages.activities_page import ActivitiesPage
from gwa_desktop.ui.pages.calendar_page import CalendarPage
from gwa_desktop.ui.pages.contacts_page import ContactsPage
from gwa_desktop.ui.pages.dashboard_page import DashboardPage
from gwa_desktop.ui.pages.list_page import ListPage
from gwa_desktop.ui.pages.offers_page import OffersPage
from gwa_desktop.ui.pages.settings_page import SettingsPage
from gwa_desktop.ui.pages.week_page import WeekPage
from gwa_desktop.ui.print_menu import add_print_actions
from gwa_desktop.ui.table_model import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from gwa_desktop.ui.tour import show_tour
from gwa_desktop.ui.volunteer_menu import add_volunteer_actions
from gwa_desktop.ui.widgets import fit_to_screen

log = logging.getLogger(__name__)

NAVIGATION_STYLE = """
QListWidget#navigation { background: #28465f; color: white; border: none; font-size: 11pt; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #3d6a8f; color: white; }
QListWidget#navigation:focus { border: 3px solid #ffd166; }
"""


def isolated(text: str) -> str:
    """A path inside translated text keeps its own direction in a right-to-left window."""
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE


def window_title() -> str:
    title = _("GWA Desktop – integration and community work")
    if portable_folder() is None:
        return title
    return title + " – " + _("Portable")


def location_label(database_location: str) -> QLabel:
    """Where the data lies; a portable program says so and names the stick's folder."""
    folder = portable_folder()
    if folder is None:
        return QLabel(database_location)
    label = QLabel(_("Portable – {folder}").format(folder=isolated(str(folder))))
    label.setToolTip(
        _(
            "The program runs portable: data, settings, backups and the log are kept only in this folder, "
            "nothing on this computer. Database: {database}"
        ).format(database=isolated(database_location))
    )
    return label


class MainWindow(QMainWindow):
    #: The user picked another UI language in the settings (see ui.language.WindowRebuilder).
    language_chosen = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        #: Set when a rebuilt window (another UI language) has taken over the unsaved input.
        self.handed_over = False
        self.setWindowTitle(window_title())
        self.contacts_page = ContactsPage(services.contacts)
        self.offers_page = OffersPage(services.offers, services.contacts)
        self.offers_page.record_session_requested.connect(self.record_session)
        self.activities_page = ActivitiesPage(
            services.activities, services.offers, services.contacts
        )
        self.settings_page = SettingsPage(services.settings)
        self.settings_page.language_chosen.connect(self.language_chosen)
        self.week_page = WeekPage(services)
        self.week_page.record_requested.connect(self.record_session)
        self.calendar_page = CalendarPage(services)
        self.calendar_page.record_requested.connect(self.record_session)
        self.calendar_page.activity_requested.connect(self.open_activity)
        self.calendar_page.data_changed.connect(
            lambda changed: self.refresh_after(changed, already_fresh=self.calendar_page)
        )
        self.dashboard_page = DashboardPage(services)
        self.pages: list[QWidget] = [
            self.week_page,
            self.calendar_page,
            self.contacts_page,
            self.offers_page,
            self.activities_page,
            self.settings_page,
            self.dashboard_page,
        ]
        #: Each screen by the name its place is remembered under.
        self.screens: dict[str, QWidget] = {
            "week": self.week_page,
            "calendar": self.calendar_page,
            "contacts": self.contacts_page,
            "offers": self.offers_page,
            "activities": self.activities_page,
            "settings": self.settings_page,
            "dashboard": self.dashboard_page,
        }
        titles = [
            _("This week"),
            _("Calendar"),
            _("Contacts"),
            _("Offers"),
            _("Activities"),
            _("Settings"),
            _("Evaluation"),
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.addItems(titles)
        self.navigation.setFixedWidth(170)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setAccessibleName(_("Screens"))
        for page, title in zip(self.pages, titles, strict=False):
            if isinstance(page, ListPage):
                page.table.setAccessibleName(title)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            page.status_changed.connect(lambda text, page=page: self._show_status_of(page, text))
            if isinstance(page, ListPage):
                page.data_changed.connect(self._refresh_lists)
        self.navigation.currentRowChanged.connect(self.show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.location_label = location_label(services.database.location)
        self.statusBar().addPermanentWidget(self.location_label)
        self._create_actions(titles)
        for page in self.pages:
            page.refresh()
        self.navigation.setCurrentRow(0)
        self._restore_geometry()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def current_list(self) -> ListPage | None:
        page = self.current_page()
        return page if isinstance(page, ListPage) else None

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        page = self.current_page()
        for action in (self.new_action, self.edit_action, self.delete_action, self.find_action):
            action.setEnabled(isinstance(page, ListPage))
        if isinstance(page, ListPage):
            self._show_status(page.current_summary())
            page.table.setFocus()
        else:
            self._show_status("")

    def closeEvent(self, event) -> None:
        if not self.handed_over and not self._settings_may_be_left():
            event.ignore()
            return
        self.save_window_state()
        super().closeEvent(event)

    def _settings_may_be_left(self) -> bool:
        """Ask, as the edit forms do, before unsaved settings are thrown away on quitting."""
        if not self.settings_page.has_unsaved_changes():
            return True
        self.show_page(self.pages.index(self.settings_page))
        answer = QMessageBox.question(
            self,
            _("Unsaved settings"),
            _("You have changed the settings. Save them before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.settings_page.save()
        return answer == QMessageBox.StandardButton.Discard

    def take_unsaved_input(self, previous: MainWindow) -> None:
        """Keep what was typed but not saved in the window this one replaces."""
        self.settings_page.show_data(previous.settings_page.data())
        previous.handed_over = True

    def save_window_state(self) -> None:
        """Remember size, position and page for the next start (or a language switch).

        Without the data folder (a pulled stick) nothing is remembered, and nothing is
        written elsewhere; closing must still work.
        """
        shown = self.current_page()
        screen = next((name for name, page in self.screens.items() if page is shown), "")
        state = WindowState(self.saveGeometry().data(), self.saveState().data(), screen)
        try:
            store_window_state(state)
        except (DataFolderError, ExchangeError):
            log.warning("window state not saved: data folder unavailable or not writable")

    def _restore_geometry(self) -> None:
        try:
            stored = stored_window_state()
        except DataFolderError:
            stored = WindowState()
        if stored.geometry and self.restoreGeometry(QByteArray(stored.geometry)):
            self.restoreState(QByteArray(stored.state))
        else:
            fit_to_screen(self, 1180, 720)
        page = self.screens.get(stored.screen)
        self.show_page(self.pages.index(page) if page is not None else 0)

    def _create_actions(self, titles: list[str]) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        view_menu = self.menuBar().addMenu(_("&View"))
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.new_action = self._action(
            _("&New…"), QKeySequence.StandardKey.New, lambda: self.current_list().create()
        )
        self.edit_action = self._action(
            _("&Edit…"), QKeySequence(Qt.Key.Key_F2), lambda: self.current_list().edit_current()
        )
        self.delete_action = self._action(
            _("&Delete…"),
            QKeySequence.StandardKey.Delete,
            lambda: self.current_list().delete_selected(),
            window_wide=False,
        )
        self.find_action = self._action(
            _("&Find"), QKeySequence.StandardKey.Find, lambda: self.current_list().focus_search()
        )
        quit_action = self._action(_("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.translations_action = self._action(
            _("Offer texts for &translators…"), None, self.open_offer_translations
        )
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.translations_action)
        self.quality_action = self._action(_("Data &quality…"), None, self.open_quality)
        file_menu.addAction(self.quality_action)
        self.erasure_action = self._action(
            _("&Retention and erasure…"), None, lambda: open_erasure_review(self)
        )
        file_menu.addAction(self.erasure_action)
        file_menu.addSeparator()
        self.print_actions = add_print_actions(self, file_menu)
        self.volunteer_actions = add_volunteer_actions(self, file_menu)
        self.exchange_actions = add_exchange_actions(self, file_menu)
        file_menu.addAction(quit_action)
        for action in (self.edit_action, self.delete_action, self.find_action):
            edit_menu.addAction(action)
        for index, title in enumerate(titles):
            view_menu.addAction(
                self._action(
                    title,
                    QKeySequence(f"Ctrl+{index}"),
                    lambda _checked=False, i=index: self.show_page(i),
                )
            )
        self.handbook_action = self._action(
            _("&Handbook"), QKeySequence.StandardKey.HelpContents, self.open_handbook
        )
        help_menu.addAction(self.handbook_action)
        name_on_show(self)
        self.tour_action = self._action(_("&Tour of the program"), None, lambda: show_tour(self))
        help_menu.addAction(self.tour_action)
        self.log_action = self._action(_("Open &log"), None, self.open_log)
        help_menu.addAction(self.log_action)
        help_menu.addAction(self._action(_("&About GWA Desktop"), None, self._about))
        # Delete must not fire while the user edits text in the search field.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for page in self.pages:
            if isinstance(page, ListPage):
                page.table.addAction(self.delete_action)

    def _action(self, text: str, shortcut, handler, *, window_wide: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(handler)
        if window_wide:
            self.addAction(action)
        return action

    def record_session(self, offer_id: int, day: date | None = None) -> None:
        """Open the activity form for one date of the offer, filled from the offer; without
        `day`, the date whose headcount is most likely due."""
        activities = self.services.activities

        def draft() -> ActivityDialog:
            session = (
                self.services.offers.session_to_record(offer_id, date.today())
                if day is None
                else next(
                    iter(self.services.offers.get(offer_id).schedule.sessions(day, day)), None
                )
            )
            when = day or (session.day if session is not None else date.today())
            start, end = (session.start_time, session.end_time) if session else (None, None)
            data = activities.draft_for_session(offer_id, when, start, end)
            return ActivityDialog(
                activities, self.services.offers, self.services.contacts, parent=self, draft=data
            )

        dialog = opened(self, draft)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_after(frozenset({ACTIVITIES}))

    def open_activity(self, activity_id: int) -> None:
        """Open a recorded or planned activity (from the calendar) in its form."""
        activities = self.services.activities

        def form() -> ActivityDialog:
            return ActivityDialog(
                activities, self.services.offers, self.services.contacts, activity_id, self
            )

        dialog = opened(self, form)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_after(frozenset({ACTIVITIES}))

    def open_offer_translations(self) -> None:
        # The exchange formats (lxml, openpyxl) load with the dialog, not at start.
        from gwa_desktop.ui.dialogs.offer_translations_dialog import OfferTranslationsDialog

        OfferTranslationsDialog(self.services.offers, self.services.settings, self).exec()
        self.refresh_after(frozenset({OFFERS}))

    def open_quality(self) -> None:
        """The quality panel; the record the officer opens there is shown in its form."""
        from gwa_desktop.ui.dialogs.quality_dialog import QualityDialog

        dialog = QualityDialog(self.services.database, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.changed:  # contacts merged there
            self.refresh_after(frozenset({CONTACTS, OFFERS, ACTIVITIES}))
        if not accepted or dialog.chosen is None:
            return
        entity, record_id = dialog.chosen
        pages = {"offers": self.offers_page, "activities": self.activities_page}
        page = pages.get(entity, self.contacts_page)
        self.show_page(self.pages.index(page))
        page.select_id(record_id)
        page.edit_current()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _show_status_of(self, page: QWidget, text: str) -> None:
        """Only the screen on view speaks in the status bar: a refresh of the others
        (after a restore, say) must not put their counts under this one."""
        if page is self.current_page():
            self._show_status(text)

    def _refresh_lists(self, changed: Changes) -> None:
        """A write on one screen can change another (e.g. an offer's title in activities)."""
        sender = self.sender()
        self.refresh_after(changed, already_fresh=sender if isinstance(sender, ListPage) else None)

    def refresh_after(self, changed: Changes, already_fresh: QWidget | None = None) -> None:
        """Refresh the lists that show what `changed`; the status bar follows the one on view."""
        for page in self.pages:
            if page is not already_fresh and concerns(page.shows, changed):
                page.refresh()
        page = self.current_list()
        if page is not None:
            self._show_status(page.current_summary())

    def open_handbook(self) -> None:
        """The handbook at the section of the screen on view (its `help_anchor`)."""
        open_help(self, getattr(self.current_page(), "help_anchor", "top"))

    def open_log(self) -> None:
        """Say where the log is and open its folder, e.g. to send the file to support."""
        try:
            path = log_path()
        except DataFolderError as error:
            QMessageBox.warning(self, _("Open log"), str(error))
            return
        text = _(
            "The log file is {path}\n\nIt records what the program did and the details of errors, but no names, "
            "phone numbers or other personal data. You may send it to your support."
        ).format(path=isolated(str(path)))
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(_existing_folder(path)))):
            text += "\n\n" + _(
                "The folder could not be opened automatically. Open it in the file manager."
            )
        QMessageBox.information(self, _("Open log"), text)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About GWA Desktop"),
            _(
                "GWA Desktop {version}\nContacts, offers and activities for integration and community work "
                "in small municipalities. Works offline; your data stays on this computer."
            ).format(version=__version__),
        )


def _existing_folder(path: Path) -> Path:
    """The log's folder, or the data folder while nothing has been logged yet."""
    return path.parent if path.parent.is_dir() else path.parent.parent
