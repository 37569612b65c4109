"""The volunteer part of the contact form: tasks, languages with level, times, trainings.

A section of its own module so the contact form only places it: a tick says whether the
person is listed as a volunteer, and the lists below are edited row by row with a
button to add and one per row to remove (keyboard: Tab reaches every control).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import language_name, picker_codes
from gwa_desktop.domain.volunteer import (
    COMMON_TASKS,
    WEEKDAY_NAMES,
    Availability,
    LanguageLevel,
    SpokenLanguage,
    Training,
    VolunteerProfile,
)
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.ui.widgets import (
    CommaListEdit,
    DateEdit,
    enum_combo,
    narrow_combo,
    qt_time_format,
    select_data,
)

V = TypeVar("V")


class RowEditor(QWidget, Generic[V]):
    """One line of a list: its inputs and a remove button; `value()` reads it."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def finish(self) -> None:
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.row.addWidget(remove)

    def value(self) -> V:
        raise NotImplementedError


class LanguageRow(RowEditor[SpokenLanguage]):
    def __init__(self, value: SpokenLanguage | None = None) -> None:
        super().__init__()
        self.language = narrow_combo(QComboBox(), 18)
        codes = picker_codes(ui_language(), [value.code] if value else [])
        for code in codes:
            self.language.addItem(f"{language_name(code, ui_language())} ({code})", code)
        self.level = enum_combo(LanguageLevel)
        if value is not None:
            select_data(self.language, value.code)
            select_data(self.level, value.level)
        self.language.currentIndexChanged.connect(self.changed)
        self.level.currentIndexChanged.connect(self.changed)
        self.row.addWidget(self.language, 2)
        self.row.addWidget(self.level, 1)
        self.finish()

    def value(self) -> SpokenLanguage:
        return SpokenLanguage(self.language.currentData(), self.level.currentData())


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    # A time reads left to right in Arabic too; Qt would reverse its sections (TimeRangeEdit).
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(qt_time_format())
    return edit


class SlotRow(RowEditor[Availability]):
    def __init__(self, value: Availability | None = None) -> None:
        super().__init__()
        value = value or Availability(0, time(14), time(17))
        self.weekday = QComboBox()
        for index, name in enumerate(WEEKDAY_NAMES):
            self.weekday.addItem(_(name), index)
        select_data(self.weekday, value.weekday)
        self.starts, self.ends = _time_edit(value.starts), _time_edit(value.ends)
        self.weekday.currentIndexChanged.connect(self.changed)
        for edit in (self.starts, self.ends):
            edit.timeChanged.connect(self.changed)
        self.row.addWidget(self.weekday, 1)
        self.row.addWidget(self.starts)
        self.row.addWidget(self.ends)
        self.finish()

    def value(self) -> Availability:
        return Availability(
            self.weekday.currentData(),
            self.starts.time().toPython(),
            self.ends.time().toPython(),
        )


class TrainingRow(RowEditor[Training]):
    def __init__(self, value: Training | None = None) -> None:
        super().__init__()
        self.title = QLineEdit(value.title if value else "")
        self.title.setPlaceholderText(_("e.g. basic course in language mediation"))
        self.attended_on = DateEdit(value.attended_on if value else date.today())
        self.title.textChanged.connect(self.changed)
        self.attended_on.dateChanged.connect(self.changed)
        self.row.addWidget(self.title, 2)
        self.row.addWidget(self.attended_on, 1)
        self.finish()

    def value(self) -> Training:
        return Training(self.title.text(), self.attended_on.to_date())


class RowList(QWidget, Generic[V]):
    """Rows made by `make`, an "Add" button below them."""

    changed = Signal()

    def __init__(self, make: Callable[[V | None], RowEditor[V]], add_label: str) -> None:
        super().__init__()
        self.make = make
        self.rows: list[RowEditor[V]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_label)
        self.add_button.clicked.connect(lambda: self.add(None))
        self.column.addWidget(self.add_button)

    def add(self, value: V | None) -> RowEditor[V]:
        row = self.make(value)
        row.changed.connect(self.changed)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.column.insertWidget(len(self.rows) - 1, row)
        self.changed.emit()
        return row

    def _remove(self, row: RowEditor[V]) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def values(self) -> list[V]:
        return [row.value() for row in self.rows]

    def set_values(self, values: list[V]) -> None:
        for row in list(self.rows):
            self._remove(row)
        for value in values:
            self.add(value)


class VolunteerSection(QWidget):
    """Edits a contact's `VolunteerProfile`; None while "listed as volunteer" is unticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listed = QCheckBox(_("Listed as a volunteer (Ehrenamt)"))
        self.tasks = CommaListEdit()
        self.tasks.setPlaceholderText(_("e.g. interpreting, accompanying to offices, driving"))
        task_names = [_(task) for task in COMMON_TASKS]
        completer = QCompleter(task_names, self.tasks)
        self.tasks.setCompleter(completer)
        self.languages: RowList[SpokenLanguage] = RowList(LanguageRow, _("Add language"))
        self.slots: RowList[Availability] = RowList(SlotRow, _("Add time"))
        self.trainings: RowList[Training] = RowList(TrainingRow, _("Add training"))
        self.topics = CommaListEdit()
        self.topics.setPlaceholderText(_("e.g. school enrolment, sports club"))
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Tasks"), self.tasks)
        form.addRow(_("Languages and level"), self.languages)
        form.addRow(_("Can help"), self.slots)
        form.addRow(_("Trainings"), self.trainings)
        form.addRow(_("May be asked for"), self.topics)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.listed)
        column.addWidget(self.details)
        self.listed.toggled.connect(self._show_state)
        for signal in (
            self.listed.toggled,
            self.tasks.textChanged,
            self.topics.textChanged,
            self.languages.changed,
            self.slots.changed,
            self.trainings.changed,
        ):
            signal.connect(self.changed)
        self._show_state()

    def value(self) -> VolunteerProfile | None:
        if not self.listed.isChecked():
            return None
        return VolunteerProfile(
            tasks=self.tasks.values(),
            languages=self.languages.values(),
            availability=self.slots.values(),
            trainings=self.trainings.values(),
            topics=self.topics.values(),
        )

    def set_value(self, profile: VolunteerProfile | None) -> None:
        self.listed.setChecked(profile is not None)
        profile = profile or VolunteerProfile()
        self.tasks.set_values(profile.tasks)
        self.languages.set_values(profile.languages)
        self.slots.set_values(profile.availability)
        self.trainings.set_values(profile.trainings)
        self.topics.set_values(profile.topics)

    def _show_state(self) -> None:
        self.details.setVisible(self.listed.isChecked())
