"""Reading and filling a form's input widgets by the data field each one edits.

Every form wrote each field twice, once into its data and once back from it, with the
widget's own accessor each time; a field added to one copy and forgotten in the other
was lost on the next save. A form now binds each widget to its field once and both
directions follow from the widget's kind. Fields that need more than one widget (a time
range, a cost with a "free" box) stay written out in the form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from gwa_desktop.ui.dialogs.offer_dates import WeekdayPicker
from gwa_desktop.ui.widgets import (
    CheckList,
    CommaListEdit,
    DateEdit,
    OptionalDateEdit,
    OptionalIntEdit,
    RecordPicker,
    select_data,
)


def widget_value(widget: QWidget) -> Any:
    """What `widget` holds, as the data class keeps it."""
    if isinstance(widget, OptionalIntEdit):
        return widget.optional_value()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, DateEdit):
        return widget.to_date()
    if isinstance(widget, (OptionalDateEdit, WeekdayPicker)):
        return widget.value()
    if isinstance(widget, CommaListEdit):
        return widget.values()
    if isinstance(widget, RecordPicker):
        return widget.ids()
    if isinstance(widget, CheckList):
        return widget.checked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no binding for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Show `value` in `widget`; the inverse of `widget_value`."""
    if isinstance(widget, OptionalIntEdit):
        widget.set_optional_value(value)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)
    elif isinstance(widget, DateEdit):
        widget.set_date(value)
    elif isinstance(widget, (OptionalDateEdit, WeekdayPicker)):
        widget.set_value(value)
    elif isinstance(widget, CommaListEdit):
        widget.set_values(value)
    elif isinstance(widget, RecordPicker):
        widget.set_ids(value)
    elif isinstance(widget, CheckList):
        widget.set_checked(value)
    elif isinstance(widget, QComboBox):
        select_data(widget, value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")
