"""The main window: navigation on the left, one screen per area, status bar below."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

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
from gwa_desktop.ui.accessibility import name_controls, name_on_show
from gwa_desktop.ui.changes import ACTIVITIES, CONTACTS, OFFERS, Changes, concerns
from gwa_desktop.ui.exchange_menu import add_exchange_actions
from gwa_desktop.ui.help_viewer import open_help
from gwa_desktop.ui.operations import opened
from gwa_desktop.ui.pages.week_page import WeekPage
from gwa_desktop.ui.print_menu import add_print_actions
from gwa_desktop.ui.table_model import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from gwa_desktop.ui.tour import show_tour
from gwa_desktop.ui.volunteer_menu import add_volunteer_actions
from gwa_desktop.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
    from gwa_desktop.ui.pages.activities_page import ActivitiesPage
    from gwa_desktop.ui.pages.calendar_page import CalendarPage
    from gwa_desktop.ui.pages.contacts_page import ContactsPage
    from gwa_desktop.ui.pages.dashboard_page import DashboardPage
    from gwa_desktop.ui.pages.list_page import ListPage
    from gwa_desktop.ui.pages.offers_page import OffersPage
    from gwa_desktop.ui.pages.settings_page import SettingsPage

log = logging.getLogger(__name__)

#: The screens in the order of the navigation (and of the View menu's Ctrl+0 … Ctrl+6).
SCREEN_NAMES = ("week", "calendar", "contacts", "offers", "activities", "settings", "dashboard")
#: The screens that are lists (`ListPage`): New, Edit, Delete and Find act on them. Told
#: by name, so the start (on the week page) does not import the lists' module.
LIST_SCREENS = frozenset({"contacts", "offers", "activities"})

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
        #: The screens built so far, by name: a screen is built (and reads its data) when
        #: first shown or asked for, so the start builds and queries only the one on view.
        self._built: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {
            "week": self._build_week,
            "calendar": self._build_calendar,
            "contacts": self._build_contacts,
            "offers": self._build_offers,
            "activities": self._build_activities,
            "settings": self._build_settings,
            "dashboard": self._build_dashboard,
        }
        self.titles = [
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
        self.navigation.addItems(self.titles)
        self.navigation.setFixedWidth(170)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setAccessibleName(_("Screens"))
        self.stack = QStackedWidget()
        for _name in SCREEN_NAMES:
            self.stack.addWidget(QWidget())  # the screen's place until it is built
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
        self._create_actions(self.titles)
        self._restore_geometry()

    # the screens, each built when first needed ---------------------------------------

    def screen(self, name: str) -> QWidget:
        """The screen `name`, built, wired and filled with its data on first use."""
        page = self._built.get(name)
        if page is not None:
            return page
        page = self._builders[name]()
        self._built[name] = page
        index = SCREEN_NAMES.index(name)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if self.stack.currentWidget() is placeholder:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        page.status_changed.connect(lambda text, page=page: self._show_status_of(page, text))
        if name in LIST_SCREENS:
            listed = cast("ListPage", page)
            listed.table.setAccessibleName(self.titles[index])
            listed.data_changed.connect(self._refresh_lists)
            listed.table.addAction(self.delete_action)
        page.refresh()
        # The window named its controls when shown; a screen built later gets its names now.
        name_controls(page)
        return page

    def is_built(self, name: str) -> bool:
        return name in self._built

    @property
    def pages(self) -> list[QWidget]:
        """Every screen in navigation order, built if not yet (for code that walks them all)."""
        return [self.screen(name) for name in SCREEN_NAMES]

    @property
    def screens(self) -> dict[str, QWidget]:
        """Each screen by the name its place is remembered under, built if not yet."""
        return {name: self.screen(name) for name in SCREEN_NAMES}

    @property
    def week_page(self) -> WeekPage:
        return cast("WeekPage", self.screen("week"))

    @property
    def calendar_page(self) -> CalendarPage:
        return cast("CalendarPage", self.screen("calendar"))

    @property
    def contacts_page(self) -> ContactsPage:
        return cast("ContactsPage", self.screen("contacts"))

    @property
    def offers_page(self) -> OffersPage:
        return cast("OffersPage", self.screen("offers"))

    @property
    def activities_page(self) -> ActivitiesPage:
        return cast("ActivitiesPage", self.screen("activities"))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.screen("settings"))

    @property
    def dashboard_page(self) -> DashboardPage:
        return cast("DashboardPage", self.screen("dashboard"))

    def _build_week(self) -> QWidget:
        page = WeekPage(self.services)
        page.record_requested.connect(self.record_session)
        return page

    def _build_calendar(self) -> QWidget:
        from gwa_desktop.ui.pages.calendar_page import CalendarPage

        page = CalendarPage(self.services)
        page.record_requested.connect(self.record_session)
        page.activity_requested.connect(self.open_activity)
        page.data_changed.connect(lambda changed: self.refresh_after(changed, already_fresh=page))
        return page

    def _build_contacts(self) -> QWidget:
        # Each screen's module (and the forms it opens) is imported with the screen.
        from gwa_desktop.ui.pages.contacts_page import ContactsPage

        return ContactsPage(self.services.contacts)

    def _build_offers(self) -> QWidget:
        from gwa_desktop.ui.pages.offers_page import OffersPage

        page = OffersPage(self.services.offers, self.services.contacts)
        page.record_session_requested.connect(self.record_session)
        page.print_flyer_requested.connect(self.print_actions["flyer"].trigger)
        page.print_overview_requested.connect(self.print_actions["overview"].trigger)
        return page

    def _build_activities(self) -> QWidget:
        from gwa_desktop.ui.pages.activities_page import ActivitiesPage

        services = self.services
        return ActivitiesPage(services.activities, services.offers, services.contacts)

    def _build_settings(self) -> QWidget:
        from gwa_desktop.ui.pages.settings_page import SettingsPage

        page = SettingsPage(self.services.settings)
        page.language_chosen.connect(self.language_chosen)
        return page

    def _build_dashboard(self) -> QWidget:
        from gwa_desktop.ui.pages.dashboard_page import DashboardPage

        return DashboardPage(self.services)

    # --------------------------------------------------------------------------------

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def current_list(self) -> ListPage | None:
        name = SCREEN_NAMES[self.stack.currentIndex()]
        return cast("ListPage", self.current_page()) if name in LIST_SCREENS else None

    def show_screen(self, name: str) -> QWidget:
        """Show the screen `name` (built now if it was not yet); returns it."""
        self.show_page(SCREEN_NAMES.index(name))
        return self.screen(name)

    def show_page(self, index: int) -> None:
        page = self.screen(SCREEN_NAMES[index])
        self.stack.setCurrentWidget(page)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        for action in (self.new_action, self.edit_action, self.delete_action, self.find_action):
            action.setEnabled(SCREEN_NAMES[index] in LIST_SCREENS)
        listed = self.current_list()
        if listed is not None:
            self._show_status(listed.current_summary())
            listed.table.setFocus()
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
        settings = cast("SettingsPage | None", self._built.get("settings"))
        if settings is None or not settings.has_unsaved_changes():
            return True
        self.show_screen("settings")
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
            return settings.save()
        return answer == QMessageBox.StandardButton.Discard

    def take_unsaved_input(self, previous: MainWindow) -> None:
        """Keep what was typed but not saved in the window this one replaces (only the
        settings take input outside a dialog; a screen never built holds none)."""
        typed = cast("SettingsPage | None", previous._built.get("settings"))
        if typed is not None:
            self.settings_page.show_data(typed.data())
        previous.handed_over = True

    def save_window_state(self) -> None:
        """Remember size, position and page for the next start (or a language switch).

        Without the data folder (a pulled stick) nothing is remembered, and nothing is
        written elsewhere; closing must still work.
        """
        screen = SCREEN_NAMES[self.stack.currentIndex()]
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
        self.show_screen(stored.screen if stored.screen in SCREEN_NAMES else SCREEN_NAMES[0])

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
            _("&Retention and erasure…"), None, self.open_erasure_review
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
        # Delete must not fire while the user edits text in the search field (each list's
        # table gets the action when the list is built).
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

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
        from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog

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
        from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog

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

    def open_erasure_review(self) -> None:
        from gwa_desktop.ui.dialogs.erasure_dialog import open_erasure_review

        open_erasure_review(self)

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
        name = entity if entity in ("offers", "activities") else "contacts"
        page = cast("ListPage", self.show_screen(name))
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
        fresh = sender if sender in self._built.values() else None
        self.refresh_after(changed, already_fresh=cast("QWidget | None", fresh))

    def refresh_after(self, changed: Changes, already_fresh: QWidget | None = None) -> None:
        """Refresh the lists that show what `changed`; the status bar follows the one on view.

        A screen not built yet reads its data when it is built.
        """
        for page in list(self._built.values()):
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
