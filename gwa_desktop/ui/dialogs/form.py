"""The base of every edit dialog: a form with inline error messages.

Saving runs the service inside the dialog; a ValidationError marks the fields it names
and the dialog stays open with everything the user typed. A mark goes as soon as an edit
makes its field valid (the form checks again on every change while marks are shown), not
only at the next save. What is allowed but probably a mistake (the service's `warnings`)
is asked before saving: save anyway, or back to the form. The form keeps the version of
the entry it loaded; a save after someone else's asks whether to reload or overwrite
(gwa_desktop.ui.save_conflicts).
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.binding import set_widget_value, widget_value
from gwa_desktop.ui.reflow import VerticalScrollArea, wrap_long_rows
from gwa_desktop.ui.save_conflicts import attempt_save

ERROR_STYLE = "color: #b00020;"
W = TypeVar("W", bound=QWidget)


def error_label() -> QLabel:
    """A red, wrapping message that stays hidden until there is something to say."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def with_error_label(widget: QWidget) -> tuple[QWidget, QLabel]:
    """`widget` with room for its error message below it, for a form row."""
    holder = QWidget()
    # The row takes the full width so a wrapped error message gets room for all its
    # lines; the input itself keeps its natural width unless it likes to grow.
    holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    grows = bool(
        widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value
    )
    column.addWidget(widget, 0, Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignLeading)
    error = error_label()
    column.addWidget(error)
    return holder, error


class FormDialog(QDialog):
    """Subclasses add rows with `add_row` and implement `save()` returning the record id.

    Edit dialogs set `version` when they load an entry, pass it in their data, and
    implement `load_saved()` (show the entry as it is stored now) for a reload.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(title)
        self.saved_id: int | None = None
        #: Something was written to the database while the form stayed open (a consent
        #: withdrawal): the list behind it must show it even if the form is cancelled.
        self.saved_meanwhile = False
        #: The version of the entry this form loaded; None for a new entry.
        self.version: int | None = None
        self._errors: dict[str, QLabel] = {}
        #: The input widget of each data field that one widget edits alone (see `bind`).
        self._bound: dict[str, QWidget] = {}
        #: Fields the last save marked: from `check()` (cleared when it stops naming them)
        #: or only from the save itself (cleared when their own row is edited).
        self._checked_marks: set[str] = set()
        self._save_marks: set[str] = set()
        self.general_error = error_label()
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        wrap_long_rows(self.form)
        scroll = VerticalScrollArea()
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.cancel)
        self._initial_state: object = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """Add a labelled row; `field` names the service's key for errors on it."""
        if field is None:
            self.form.addRow(label, widget)
            return widget
        holder, error = with_error_label(widget)
        self._errors[field] = error
        self.form.addRow(label, holder)
        self.watch(widget, field)
        return widget

    def bind(self, field: str, widget: W) -> W:
        """Let `widget` edit the data field `field`: `bound_values` and `fill` then read
        and show it, so a form names each such field once."""
        self._bound[field] = widget
        return widget

    def bound_values(self) -> dict[str, Any]:
        return {field: widget_value(widget) for field, widget in self._bound.items()}

    def fill(self, data: object) -> None:
        """Show `data`'s bound fields and remember the version it was read at."""
        self.version = getattr(data, "version", None)
        for field, widget in self._bound.items():
            set_widget_value(widget, getattr(data, field))

    def watch(self, widget: QWidget, field: str | None = None) -> None:
        """Check again whenever `widget` or an input inside it changes (see `_recheck`).

        The connections hold the form only weakly: a lambda holding `self` lives as long as
        the child's connection, and the child lives as long as the form, so the form could
        never be freed (every form opened stayed in memory, and a test's form, still open
        at pytest-qt's teardown, asked "discard changes?" there and hung the run).
        """
        form = weakref.ref(self)

        def recheck(*_args: object) -> None:
            alive = form()
            if alive is not None:
                alive._recheck(field)

        for child in (widget, *widget.findChildren(QWidget)):
            for signal in _change_signals(child):
                signal.connect(recheck)

    def check(self) -> None:
        """The service's checks of the form's data, without saving; raises ValidationError."""
        service = getattr(self, "service", None)
        if service is not None and hasattr(service, "checked"):
            service.checked(self.data())

    def warnings(self) -> list[str]:
        """What the service thinks is probably a mistake in the data (saving is still allowed)."""
        service = getattr(self, "service", None)
        found = getattr(service, "warnings", None)
        return found(self.data()) if callable(found) else []

    def ready_to_save(self) -> bool:
        """The last question before saving (a series edit asks which dates it means);
        False keeps the form open as it is."""
        return True

    def save(self) -> int:
        raise NotImplementedError

    def load_saved(self) -> None:
        """Fill the form with the entry as it is stored now (after a conflicting save)."""
        raise NotImplementedError

    def reload(self) -> None:
        """The officer chose to reload: her changes are gone, and the form says so."""
        self.load_saved()
        self._initial_state = self.state()
        self.clear_errors()
        self.general_error.setText(
            _(
                "The form now shows the entry as it was saved elsewhere; your changes were discarded."
            )
        )
        self.general_error.show()

    def _build_on(self, version: int) -> None:
        self.version = version

    def save_record(self, service, record_id: int | None) -> int:
        """Create or update through a RecordService; the id of the saved record."""
        data = self.data()
        if record_id is None:
            return service.create(data)
        service.update(data)
        return record_id

    def state(self) -> object:
        """What the user has entered, comparable with ==; None where a dialog has no data()."""
        data = getattr(self, "data", None)
        return data() if callable(data) else None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._initial_state is None:
            self._initial_state = self.state()

    def cancel(self) -> None:
        """Cancel, Esc or the window's close button: ask before throwing input away."""
        if self.state() == self._initial_state or self._confirm_discard():
            self.reject()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        # A form that was never shown (or is hidden already) has nobody to ask, and no
        # state it was opened with to compare against.
        if (
            not self.isVisible()
            or self.result() == QDialog.DialogCode.Accepted
            or self.state() == self._initial_state
            or self._confirm_discard()
        ):
            super().closeEvent(event)
        else:
            event.ignore()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            _("Discard changes?"),
            _("You have changed this form. Close it without saving?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def try_save(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:
            # The second click of a double click on Save, after the first one saved.
            return
        self.clear_errors()
        try:
            self.check()
        except ValidationError as error:
            self.show_errors(error.errors)
            self._checked_marks = set(error.errors)
            return
        warnings = self.warnings()
        if warnings and not self.confirm_warnings(warnings):
            return
        if not self.ready_to_save():
            return
        try:
            ok, saved_id = attempt_save(self, self.save, self.reload, self._build_on)
        except ValidationError as error:
            self.show_errors(error.errors)
            self._save_marks = set(error.errors)
            return
        if ok:
            self.saved_id = saved_id
            self.accept()

    def warning_box(self, warnings: list[str]) -> tuple[QMessageBox, QAbstractButton]:
        """The question before saving something unusual; built, not shown (tests look at it)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Please check"),
            _("Please check before saving:") + "\n\n" + "\n\n".join(f"• {w}" for w in warnings),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        save = box.addButton(_("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(_("Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        return box, save

    def confirm_warnings(self, warnings: list[str]) -> bool:
        box, save = self.warning_box(warnings)
        box.exec()
        return box.clickedButton() is save

    def _recheck(self, edited: str | None) -> None:
        """After an edit, take away the marks of fields that are valid now."""
        if not (self._checked_marks or self._save_marks):
            return
        try:
            self.check()
            remaining: dict[str, str] = {}
        except ValidationError as error:
            remaining = error.errors
        except Exception:  # a half-typed form must not break typing; the save checks again
            return
        if edited is not None:
            self._save_marks.discard(edited)
        self._checked_marks &= set(remaining)
        marked = self._checked_marks | self._save_marks
        labels = {id(self._errors.get(field, self.general_error)) for field in marked}
        for label in [self.general_error, *self._errors.values()]:
            if id(label) not in labels and label.text():
                label.clear()
                label.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for field, message in errors.items():
            label = self._errors.get(field)
            if label is None:
                general.append(message)
            else:
                label.setText(message)
                label.show()
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        first = next((self._errors[f] for f in errors if f in self._errors), None)
        if first is not None:
            self.findChild(QScrollArea).ensureWidgetVisible(first)

    def clear_errors(self) -> None:
        self._checked_marks = set()
        self._save_marks = set()
        for label in [self.general_error, *self._errors.values()]:
            label.clear()
            label.hide()

    def error_text(self, field: str) -> str:
        label = self._errors.get(field, self.general_error)
        return label.text()


def _change_signals(widget: QWidget) -> list:
    """The signals by which `widget` says its value changed; none for labels and containers."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged]
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return [widget.valueChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.toggled]
    if isinstance(widget, QListWidget):
        return [widget.itemChanged]
    changed = getattr(widget, "changed", None)
    return [changed] if changed is not None and hasattr(changed, "connect") else []
