"""The helpers of an activity in its form: who helped, for how many hours.

The form's two totals (volunteers, hours) follow from the list while it has a row, and
can be typed again once it is empty (an anonymous event). Volunteers counted without a
name sit beside the list, so a helper who withdrew her consent stays in the totals.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.volunteer import HelperHours, derived_totals
from gwa_desktop.i18n import _
from gwa_desktop.ui.widgets import narrow_combo, select_data


def hours_box(minimum: float = 0.25) -> QDoubleSpinBox:
    """Hours to the quarter hour, as the helper lists store them."""
    box = QDoubleSpinBox()
    box.setRange(minimum, 10000)
    box.setDecimals(2)
    box.setSingleStep(0.25)
    return box


class HelperRow(QWidget):
    changed = Signal()
    removed = Signal(object)

    def __init__(self, choices: list[tuple[int, str]], value: HelperHours | None) -> None:
        super().__init__()
        self.person = narrow_combo(QComboBox(), 28)
        for contact_id, name in choices:
            self.person.addItem(name, contact_id)
        if value is not None:
            if self.person.findData(value.contact_id) < 0:
                # Someone no longer offered (her legal basis ended): shown, so the
                # service's message can name her, not silently dropped.
                self.person.addItem(value.name or str(value.contact_id), value.contact_id)
            select_data(self.person, value.contact_id)
        self.hours = hours_box()
        self.hours.setValue(value.hours if value else 2.0)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.person.currentIndexChanged.connect(self.changed)
        self.hours.valueChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.person, 2)
        row.addWidget(self.hours)
        row.addWidget(QLabel(_("hours")))
        row.addWidget(remove)

    def value(self) -> HelperHours:
        return HelperHours(self.person.currentData(), self.hours.value(), self.person.currentText())


class HelperList(QWidget):
    """Rows of helpers, an "Add helper" button, and the volunteers without a name."""

    changed = Signal()

    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.rows: list[HelperRow] = []
        self.add_button = QPushButton(_("Add helper"))
        self.add_button.setEnabled(bool(choices))
        self.add_button.setToolTip(
            _("Volunteers with consent or another legal basis; others count without a name")
        )
        self.add_button.clicked.connect(lambda: self.add(None))
        self.extra_count = QSpinBox()
        self.extra_count.setRange(0, 100000)
        self.extra_hours = hours_box(0)
        self.extra_row = QWidget()
        extra = QHBoxLayout(self.extra_row)
        extra.setContentsMargins(0, 0, 0, 0)
        extra.addWidget(QLabel(_("plus without a name:")))
        extra.addWidget(self.extra_count)
        extra.addWidget(QLabel(_("volunteers with")))
        extra.addWidget(self.extra_hours)
        extra.addWidget(QLabel(_("hours")))
        extra.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.add_button)
        self.column.addWidget(self.extra_row)
        self.extra_count.valueChanged.connect(self.changed)
        self.extra_hours.valueChanged.connect(self.changed)
        self.changed.connect(self._show_state)
        self._show_state()

    def add(self, value: HelperHours | None) -> HelperRow:
        row = HelperRow(self.choices, value)
        row.changed.connect(self.changed)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.column.insertWidget(len(self.rows) - 1, row)
        self.changed.emit()
        return row

    def _remove(self, row: HelperRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def helpers(self) -> list[HelperHours]:
        return [row.value() for row in self.rows]

    def set_helpers(self, helpers: list[HelperHours], extra_count: int, extra_hours: float) -> None:
        for row in list(self.rows):
            self._remove(row)
        for helper in helpers:
            self.add(helper)
        self.extra_count.setValue(extra_count)
        self.extra_hours.setValue(extra_hours)

    def totals(self) -> tuple[int, float] | None:
        """The count and hours the list gives; None while it has no helper."""
        if not self.rows:
            return None
        return derived_totals(self.helpers(), self.extra_count.value(), self.extra_hours.value())

    def _show_state(self) -> None:
        self.extra_row.setVisible(bool(self.rows))
