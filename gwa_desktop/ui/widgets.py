"""Small input widgets the edit dialogs share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, time
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QStandardPaths,
    QStringListModel,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from gwa_desktop.domain.languages import language_name, living_codes, picker_codes
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import date_input_pattern, time_input_pattern
from gwa_desktop.services.validation import search_words


class EnumCombo(QComboBox):
    """A combo box of an enum's members showing their translated labels.

    Qt hands string enums back as plain str; `currentData` turns them into members again.
    """

    def __init__(
        self, enum_cls: type[Enum], empty: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.enum_cls = enum_cls
        if empty is not None:
            self.addItem(empty, None)
        for member in enum_cls:
            self.addItem(member.label, member.value)

    def currentData(self, role: int = Qt.ItemDataRole.UserRole):
        value = super().currentData(role)
        return None if value is None else self.enum_cls(value)


def enum_combo(enum_cls: type[Enum], *, empty: str | None = None) -> EnumCombo:
    return EnumCombo(enum_cls, empty)


def documents_folder() -> Path:
    """Where saved prints and exports go by default: the user's documents, not the program folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def announce(widget: QWidget, message: str, milliseconds: int = 15000) -> None:
    """Tell the user in the main window's status bar, without a box to click away."""
    window = widget.parentWidget().window() if widget.parentWidget() else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, milliseconds)


#: Room left for the title bar and the taskbar of an old 1366×768 laptop.
WINDOW_DECORATION_PX = 90


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen `widget` is on, asked of the application, never of the widget.

    PySide6 6.11 registers the QScreen that `QWidget.screen()` (and `QWindow.screen()`)
    returns as a Python child of the widget; after a few widgets asked and were
    collected, the garbage collector freed the wrapper as if it owned the screen and
    deleted the application's only QScreen, and the next widget built crashed in
    `QScreen::virtualSiblings` (tests/ui/test_screen_ownership.py).
    """
    centre = widget.mapToGlobal(widget.rect().center())
    return QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to the preferred size, but never beyond the screen: Save must stay visible."""
    screen = screen_of(window)
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 20)
        height = min(height, available.height() - WINDOW_DECORATION_PX)
    window.resize(width, height)


def narrow_combo(combo: QComboBox, characters: int = 24) -> QComboBox:
    """Long entries (organisation names) must not make the dialog wider than the screen;
    the list that drops down is as wide as its longest entry instead (see `WidePopup`)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    WidePopup(combo)
    return combo


#: The widest a drop-down list grows, in pixels: beyond, names are cut at their end.
POPUP_MAX_WIDTH = 900


class WidePopup(QObject):
    """Makes a combo box's drop-down list show its entries in full.

    A narrow combo box's list is as narrow as the box, and Qt cuts long entries in the
    middle ("Fatima…(Jobcenter)"), so two people of one organisation look alike. The
    list widens to its longest entry whenever it changes, within the screen; what still
    does not fit is cut at its end, where the organisation stands.
    """

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo
        combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        # Measured once after a batch of entries was added, not once per entry.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        model = combo.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._pending.start)
        self.fit()

    def fit(self) -> None:
        view = self.combo.view()
        metrics = view.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.combo.itemText(i)) for i in range(self.combo.count())),
            default=0,
        )
        screen = screen_of(self.combo)
        limit = (
            min(POPUP_MAX_WIDTH, screen.availableGeometry().width() - 40)
            if screen
            else POPUP_MAX_WIDTH
        )
        # Room for the frame, the item's margins and the scroll bar of a long list.
        needed = widest + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 24
        view.setMinimumWidth(min(needed, limit))


def fit_height_to_contents(window: QWidget) -> None:
    """Take the height the visible widgets need, at the current width: warnings and
    errors that appear wrap over lines, and Save must stay on the screen."""
    layout = window.layout()
    layout.activate()
    height = (
        layout.totalHeightForWidth(window.width())
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    fit_to_screen(window, window.width(), max(height, layout.totalMinimumSize().height()))


class FolderField(QWidget):
    """A folder typed or chosen with "Choose…" (e.g. the USB stick), for one form row."""

    def __init__(self, title: str, text: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title = title
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(_("Folder"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(choose)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.title, self.edit.text())
        if folder:
            self.edit.setText(folder)


def hbox(*widgets: QWidget) -> QWidget:
    """Widgets side by side in one form row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value.value if isinstance(value, Enum) else value)
    combo.setCurrentIndex(max(index, 0))


class CommaListEdit(QLineEdit):
    """Several short values typed as one comma-separated line (topics, tags)."""

    def values(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def set_values(self, values: Iterable[str]) -> None:
        self.setText(", ".join(values))


class LanguageCodesEdit(CommaListEdit):
    """ISO 639 codes such as "ar, fa, uk", found by typing a language's name.

    Typing "dari" offers "Dari (prs)" and inserts the code: officers know languages by
    name, the database and the district's exports need the codes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("type a language, e.g. Arabic, Dari, Ukrainian"))
        # The names of 600 languages, sorted by the collation table, are made when first
        # offered (`_fill_choices`): the settings page has this field, and making them at
        # once was half of the window's build (issue 12).
        self.choices = QCompleter([], self)
        self._choices_made = False
        self.choices.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.choices.setFilterMode(Qt.MatchFlag.MatchContains)
        self.choices.setWidget(self)
        self.choices.activated.connect(self.insert_choice)
        self.textEdited.connect(self._offer_choices)
        self.textChanged.connect(self._explain)
        self._explain()

    def set_values(self, values: Iterable[str]) -> None:
        """Show a record's codes; a historic language stored on it stays in the choices."""
        values = list(values)
        super().set_values(values)
        if any(code not in living_codes() for code in values):
            self._fill_choices(values)

    def _fill_choices(self, stored: Iterable[str] = ()) -> None:
        model = self.choices.model()
        if isinstance(model, QStringListModel):
            model.setStringList(language_choices(ui_language(), stored))
        self._choices_made = True

    def insert_choice(self, choice: str) -> None:
        """Replace the word being typed by the code of the chosen "Name (code)"."""
        code = choice.rsplit("(", 1)[-1].rstrip(")")
        done = [part.strip() for part in self.text().split(",")[:-1] if part.strip()]
        self.setText(", ".join([*done, code]) + ", ")

    def _offer_choices(self, text: str) -> None:
        word = text.split(",")[-1].strip()
        if len(word) < 2:
            self.choices.popup().hide()
            return
        if not self._choices_made:
            self._fill_choices()
        self.choices.setCompletionPrefix(word)
        self.choices.complete()

    def _explain(self) -> None:
        names = [f"{code} = {language_name(code, ui_language())}" for code in self.values()]
        self.setToolTip("\n".join(names) or _("Language codes (ISO 639), separated by commas"))


def language_choices(display_language: str, stored: Iterable[str] = ()) -> list[str]:
    """ "Name (code)" for every living language, the ones villages need most first
    (`picker_codes`); typing a name or a code finds it."""
    return [
        f"{language_name(code, display_language)} ({code})"
        for code in picker_codes(display_language, stored)
    ]


class OptionalIntEdit(QSpinBox):
    """A count that may be left open: the lowest value shows as "–" and means None."""

    def __init__(self, maximum: int = 100000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setSpecialValueText("–")
        self.setValue(-1)

    def optional_value(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_optional_value(self, value: int | None) -> None:
        self.setValue(-1 if value is None else value)


def qt_date_format() -> str:
    """The UI language's usual date input format; CLDR and Qt share d, M, y and quotes.

    CLDR puts right-to-left marks between the numbers of an Arabic date so that the day
    stands rightmost; Qt's date edit orders its sections for right-to-left layouts
    itself, and with the marks it would turn the order back, so they are dropped.
    """
    return re.sub("[\u200e\u200f]", "", date_input_pattern())


def qt_time_format() -> str:
    """The UI language's usual time format; Qt writes CLDR's am/pm marker "a" as "AP"."""
    return re.sub(r"a+", "AP", time_input_pattern())


class DateEdit(QWidget):
    """A date typed in the locale's usual short form, or picked from a calendar.

    A line edit with a parser, not Qt's QDateEdit: that one checks a typed day against
    the month still shown, so "31" typed over 15.11. became 30 before the "12" of
    December was typed, and 31.12. was saved as 30.12. Here the text is read as a whole
    once typed: "31.12.2026", "31.12.26" and "31122026" all mean the same day (in the
    order of the locale's format). An impossible date (31.11.) marks the field red and,
    when the field is left, the last valid date comes back with a note saying why.
    """

    dateChanged = Signal(QDate)

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = qt_date_format()
        self._date = value or date.today()
        self.field = QLineEdit()
        self.field.setPlaceholderText(self._format)
        self.field.textEdited.connect(self._typed)
        self.field.editingFinished.connect(self._finished)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(_("Choose from the calendar"))
        self.calendar_button.clicked.connect(self._show_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.field)
        row.addWidget(self.calendar_button)
        self.setFocusProxy(self.field)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.field.setMaximumWidth(self.field.fontMetrics().horizontalAdvance("00.00.00000") + 24)
        self._show(self._date)

    def displayFormat(self) -> str:
        return self._format

    def lineEdit(self) -> QLineEdit:
        return self.field

    def text(self) -> str:
        return self.field.text()

    def to_date(self) -> date:
        return self._date

    def date(self) -> QDate:
        return QDate(self._date.year, self._date.month, self._date.day)

    def is_valid(self) -> bool:
        """Whether the text is the date `to_date` returns (not a half-typed or impossible one)."""
        return parse_date_text(self.field.text(), self._format) == self._date

    def set_date(self, value: date) -> None:
        self._show(value)
        self._take(value)

    def setDate(self, value: QDate) -> None:
        self.set_date(value.toPython())

    def _show(self, value: date) -> None:
        self.field.setText(QDate(value.year, value.month, value.day).toString(self._format))
        self._mark(valid=True)

    def _take(self, value: date) -> None:
        if value != self._date:
            self._date = value
            self.dateChanged.emit(self.date())

    def _typed(self, text: str) -> None:
        value = parse_date_text(text, self._format)
        self._mark(valid=value is not None or not text.strip())
        if value is not None:
            self._take(value)

    def _finished(self) -> None:
        text = self.field.text()
        value = parse_date_text(text, self._format)
        if value is None:
            self._show(self._date)
            QToolTip.showText(
                self.field.mapToGlobal(self.field.rect().bottomLeft()),
                _(
                    "“{text}” is not a date. Type it like {example}; the field shows the last valid date again."
                ).format(text=text, example=self.field.text()),
                self.field,
            )
        else:
            self._show(value)
            self._take(value)

    def _mark(self, valid: bool) -> None:
        self.field.setStyleSheet("" if valid else "QLineEdit { border: 1px solid #b00020; }")

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setSelectedDate(self.date())
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_date(day.toPython())
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar = calendar


def parse_date_text(text: str, display_format: str) -> date | None:
    """The date `text` names in the order of `display_format` (d, M, y); None if it names none.

    Any non-digits separate the numbers; without separators, 8 or 6 digits are split as
    two for day and month and four or two for the year. Two-digit years are this century.
    """
    order = [section[0] for section in re.findall(r"d+|M+|y+", display_format)]
    numbers = re.findall(r"\d+", text)
    if len(numbers) == 1 and len(numbers[0]) in (6, 8):
        digits = numbers[0]
        year_length = len(digits) - 4
        numbers, at = [], 0
        for section in order:
            size = year_length if section == "y" else 2
            numbers.append(digits[at : at + size])
            at += size
    if len(numbers) != 3 or sorted(order) != ["M", "d", "y"]:
        return None
    values = dict(zip(order, numbers))
    if len(values["y"]) not in (2, 4) or len(values["d"]) > 2 or len(values["M"]) > 2:
        return None
    year = int(values["y"]) + (2000 if len(values["y"]) == 2 else 0)
    try:
        return date(year, int(values["M"]), int(values["d"]))
    except ValueError:
        return None


class OptionalDateEdit(QWidget):
    """A date that may be left open, e.g. the end of an offer without end."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = DateEdit()
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit)
        row.addStretch(1)

    def value(self) -> date | None:
        return self.edit.to_date() if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.set_date(value)


class TimeRangeEdit(QWidget):
    """From–to times, both optional together ("ganztägig" when unchecked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(_("Time"))
        self.start = QTimeEdit(QTime(15, 0))
        self.end = QTimeEdit(QTime(17, 0))
        for edit in (self.start, self.end):
            # Qt reverses a time edit's sections in right-to-left layouts ("00:3" for 3:00)
            # when the format is set; a time reads left to right in Arabic as well.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setDisplayFormat(qt_time_format())
            edit.setEnabled(False)
            self.enabled.toggled.connect(edit.setEnabled)
        self.start.setAccessibleName(_("Start time"))
        self.end.setAccessibleName(_("End time"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.start)
        row.addWidget(self.end)
        row.addStretch(1)

    def values(self) -> tuple[time | None, time | None]:
        if not self.enabled.isChecked():
            return None, None
        return self.start.time().toPython(), self.end.time().toPython()

    def set_values(self, start: time | None, end: time | None) -> None:
        self.enabled.setChecked(start is not None)
        if start is not None:
            self.start.setTime(QTime(start.hour, start.minute))
        if end is not None:
            self.end.setTime(QTime(end.hour, end.minute))


class CheckList(QListWidget):
    """Checkable members of an enum, e.g. target groups."""

    def __init__(self, enum_cls: type[Enum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum_cls = enum_cls
        for member in enum_cls:
            item = QListWidgetItem(member.label)
            item.setData(Qt.ItemDataRole.UserRole, member.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(self.count(), 5) + 8)

    def checked(self) -> list[Enum]:
        return [
            self.enum_cls(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, values: Iterable[Enum]) -> None:
        wanted = {value.value for value in values}
        for i in range(self.count()):
            item = self.item(i)
            state = (
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)


class RecordPicker(QWidget):
    """Choose several records (e.g. contact persons) from a long list by typing.

    Enter adds the entry highlighted in the completion list, else the one entry that
    the typed text names or is part of, and empties the field; it is never passed on,
    so it cannot save the dialog around the picker.
    """

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = dict(choices)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        narrow_combo(self.combo)
        for record_id, name in choices:
            self.combo.addItem(name, record_id)
        self.combo.setCurrentIndex(-1)
        self.combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.completer().popup().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.combo.lineEdit().setPlaceholderText(_("Type a name…"))
        self.add_button = QPushButton(_("Add"))
        self.remove_button = QPushButton(_("Remove"))
        self.chosen = QListWidget()
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setMaximumHeight(90)
        self.add_button.clicked.connect(self._add_current)
        self.combo.completer().activated[str].connect(self._add_named)
        self.combo.lineEdit().installEventFilter(self)
        self.remove_button.clicked.connect(self._remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.combo, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chosen)

    def ids(self) -> list[int]:
        return [
            self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())
        ]

    def set_ids(self, ids: Iterable[int]) -> None:
        self.chosen.clear()
        for record_id in ids:
            self.add_id(record_id)

    def add_id(self, record_id: int) -> None:
        if record_id in self.ids() or record_id not in self._names:
            return
        item = QListWidgetItem(self._names[record_id])
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        self.chosen.addItem(item)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While a dialog is torn down the line edit can still send events after this
        # wrapper lost its attributes; such events are not the user's.
        combo = self.__dict__.get("combo")
        if (
            combo is not None
            and watched is combo.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_current()
            return True
        return super().eventFilter(watched, event)

    def _matching_index(self, text: str) -> int:
        """The entry named exactly, else the only one containing `text`; -1 if none or several."""
        exact = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0 or not text.strip():
            return exact
        wanted = " ".join(search_words(text))
        found = [
            i
            for i in range(self.combo.count())
            if wanted in " ".join(search_words(self.combo.itemText(i)))
        ]
        return found[0] if len(found) == 1 else -1

    def _add_current(self) -> None:
        self._add_named(self.combo.currentText())

    def _add_named(self, text: str) -> None:
        index = self._matching_index(text)
        if index >= 0:
            self.add_id(self.combo.itemData(index))
        if index >= 0 or not text.strip():
            # After the combo box has taken the completion itself, so it stays empty.
            QTimer.singleShot(0, self, self._clear_field)

    def _clear_field(self) -> None:
        self.combo.setCurrentIndex(-1)
        self.combo.clearEditText()

    def _remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()
