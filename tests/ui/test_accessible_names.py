"""The naming rules of `ui.accessibility`, and the Tab order they set, on small windows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.ui.accessibility import buttons_last, name_controls, reported_name
from gwa_desktop.ui.widgets import DateEdit, hbox
from tests.ui.accessibility_walk import accessible_name, focus_chain


def test_a_form_row_names_each_part_of_a_composite_field(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    date_edit = DateEdit()
    women, men = QSpinBox(), QSpinBox()
    form.addRow("Datum", date_edit)
    form.addRow("Geschlecht", hbox(QLabel("Frauen"), women, QLabel("Männer"), men))
    plain_field = QLineEdit()
    form.addRow("Ort", plain_field)
    name_controls(window)
    assert accessible_name(date_edit.field) == "Datum"
    assert accessible_name(date_edit.calendar_button) == "Datum: Im Kalender auswählen"
    assert [accessible_name(women), accessible_name(men)] == [
        "Geschlecht: Frauen",
        "Geschlecht: Männer",
    ]
    assert reported_name(plain_field) == "Ort"


def test_what_has_no_label_takes_its_tooltip_or_placeholder_or_the_window_title(qtbot):
    window = QDialog()
    window.setWindowTitle("Datenqualität")
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    search, icon, findings, bare = QLineEdit(), QToolButton(), QListWidget(), QLineEdit()
    search.setPlaceholderText("Suchen…")
    icon.setToolTip("Im Kalender auswählen")
    for widget in (search, icon, findings, bare):
        layout.addWidget(widget)
    name_controls(window)
    assert [accessible_name(w) for w in (search, icon, findings, bare)] == [
        "Suchen…",
        "Im Kalender auswählen",
        "Datenqualität",
        "",
    ]


def test_a_dialog_shows_its_buttons_last_in_tab_order(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )  # built first, as a base class builds them
    first, second = QLineEdit(dialog), QLineEdit(dialog)
    layout.addWidget(first)
    layout.addWidget(second)
    layout.addWidget(buttons)
    before = [w for w in focus_chain(dialog) if w in (first, second, *buttons.buttons())]
    buttons_last(dialog)
    after = [w for w in focus_chain(dialog) if w in (first, second, *buttons.buttons())]
    assert set(before[:2]) == set(buttons.buttons())
    assert after[:2] == [first, second] and set(after[2:]) == set(buttons.buttons())
    assert buttons.parentWidget() is dialog and layout.indexOf(buttons) == 2


def test_naming_a_message_box_keeps_its_clicked_button(qtbot):
    """Walking the layout of Qt's button box broke `clickedButton()` (PySide 6.12)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setText("Reload or overwrite?")
    box.addButton("Reload", QMessageBox.ButtonRole.ResetRole)
    overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.show()
    name_controls(box)
    QTimer.singleShot(50, overwrite.click)
    box.exec()
    assert box.clickedButton() is overwrite
