"""The funding programmes: name, funder, period, reference, offers and planned figures.

One form per programme, saved with all its planned figures in one transaction
(ProgrammeService.save): a share above 100 % in one row is reported with its row
number and nothing is stored, while the form keeps every entry.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.programme import IndicatorData, IndicatorMeasure, ProgrammeData
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.periods import year_of
from gwa_desktop.services.programmes import MAX_PLANNED, ProgrammeService
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.operations import attempt

COLUMNS = (
    N_MEASURE := 0,
    N_LABEL := 1,
    N_FIRST := 2,
    N_LAST := 3,
    N_PLANNED := 4,
    N_ACTUAL := 5,
    N_COMMENT := 6,
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    return edit


def _number(value: float | None, optional: bool = False) -> QDoubleSpinBox:
    """A figure. Its range is wider than the service allows, so a share of 140 % is
    refused with the service's message instead of silently clipped. In an optional box
    the minimum stands for "not entered" (shown as –), so no actual figure is invented."""
    box = QDoubleSpinBox()
    box.setRange(-1 if optional else 0, MAX_PLANNED * 10)
    box.setDecimals(1)
    if optional:
        box.setSpecialValueText("–")
    box.setValue(-1 if value is None else value)
    return box


def _value(box: QDoubleSpinBox) -> float | None:
    return None if box.specialValueText() and box.value() == box.minimum() else box.value()


class ProgrammeDialog(QDialog):
    help_anchor = "dashboard"

    def __init__(
        self, services: Services, programme_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.service = ProgrammeService(services.database)
        self.setWindowTitle(_("Funding programme"))
        today = date.today()
        year = year_of(today)
        data = ProgrammeData("", year.start, year.end)
        indicators: list[IndicatorData] = []
        if programme_id is not None:
            ok, loaded = attempt(
                parent,
                lambda: (self.service.get(programme_id), self.service.indicators(programme_id)),
            )
            if ok and loaded is not None:
                data, indicators = loaded
        self.data = data
        self.name = QLineEdit(data.name)
        self.funder = QLineEdit(data.funder)
        self.reference = QLineEdit(data.reference)
        self.first = _date_edit(data.first_day)
        self.last = _date_edit(data.last_day)
        self.offers = QListWidget()
        self.offers.setAccessibleName(_("Offers of the programme"))
        ok, choices = attempt(parent, services.offers.choices)
        for offer_id, title in choices or []:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, offer_id)
            item.setCheckState(
                Qt.CheckState.Checked if offer_id in data.offer_ids else Qt.CheckState.Unchecked
            )
            self.offers.addItem(item)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(_("Planned figures"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels(
            [_("Figure"), _("Name"), _("From"), _("To"), _("Planned"), _("Actual"), _("Comment")]
        )
        for indicator in indicators:
            self.add_row(indicator)
        add = QPushButton(_("Add planned figure"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(_("Remove planned figure"))
        remove.clicked.connect(self.remove_row)
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Funder"), self.funder)
        form.addRow(_("Reference number"), self.reference)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.last)
        dates.addStretch(1)
        form.addRow(_("Period"), dates)
        form.addRow(_("Offers"), self.offers)
        rows = QHBoxLayout()
        rows.addWidget(add)
        rows.addWidget(remove)
        rows.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Planned figures")))
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)
        layout.addWidget(buttons)
        self.saved_id: int | None = programme_id
        self.resize(900, 640)

    def add_row(self, indicator: IndicatorData | None = None) -> None:
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        if indicator is None:
            year = year_of(first)
            indicator = IndicatorData(IndicatorMeasure.SESSIONS, 0, first, min(last, year.end))
        row = self.table.rowCount()
        self.table.insertRow(row)
        measure = QComboBox()
        for member in IndicatorMeasure:
            measure.addItem(member.label, member.value)
        measure.setCurrentIndex(measure.findData(indicator.measure.value))
        self.table.setCellWidget(row, N_MEASURE, measure)
        self.table.setCellWidget(row, N_LABEL, QLineEdit(indicator.label))
        self.table.setCellWidget(row, N_FIRST, _date_edit(indicator.first_day))
        self.table.setCellWidget(row, N_LAST, _date_edit(indicator.last_day))
        self.table.setCellWidget(row, N_PLANNED, _number(indicator.planned))
        self.table.setCellWidget(row, N_ACTUAL, _number(indicator.actual, optional=True))
        self.table.setCellWidget(row, N_COMMENT, QLineEdit(indicator.comment))
        self.table.resizeColumnsToContents()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def entered(self) -> tuple[ProgrammeData, list[IndicatorData]]:
        data = ProgrammeData(
            self.name.text(),
            self.first.date().toPython(),
            self.last.date().toPython(),
            funder=self.funder.text(),
            reference=self.reference.text(),
            notes=self.data.notes,
            offer_ids=[
                self.offers.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.offers.count())
                if self.offers.item(i).checkState() == Qt.CheckState.Checked
            ],
            activity_ids=self.data.activity_ids,
            id=self.data.id,
        )
        indicators = []
        for row in range(self.table.rowCount()):

            def cell(column: int, row: int = row) -> QWidget:
                widget = self.table.cellWidget(row, column)
                assert widget is not None, "every cell of a row has its editor"
                return widget

            measure = cell(N_MEASURE)
            planned = cell(N_PLANNED)
            assert isinstance(measure, QComboBox) and isinstance(planned, QDoubleSpinBox)
            label, comment, actual = cell(N_LABEL), cell(N_COMMENT), cell(N_ACTUAL)
            first, last = cell(N_FIRST), cell(N_LAST)
            assert isinstance(label, QLineEdit) and isinstance(comment, QLineEdit)
            assert isinstance(actual, QDoubleSpinBox)
            assert isinstance(first, QDateEdit) and isinstance(last, QDateEdit)
            indicators.append(
                IndicatorData(
                    IndicatorMeasure(measure.currentData()),
                    planned.value(),
                    first.date().toPython(),
                    last.date().toPython(),
                    label=label.text(),
                    actual=_value(actual),
                    comment=comment.text(),
                )
            )
        return data, indicators

    def save(self) -> None:
        """Save, or say every problem at once and keep the form as it is."""
        data, indicators = self.entered()
        try:
            ok, saved = attempt(self, lambda: self.service.save(data, indicators))
        except ValidationError as error:
            QMessageBox.warning(self, _("Funding programme"), "\n".join(error.errors.values()))
            return
        if ok and saved is not None:
            self.saved_id = saved
            self.accept()


def confirm_delete(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Delete funding programme"),
        _(
            "Delete the funding programme “{name}” with its planned figures and report texts? "
            "Its offers and activities stay."
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
