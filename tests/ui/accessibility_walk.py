"""Walk a window for controls a screen reader cannot name or the keyboard cannot reach.

The name checked is the one Qt hands to AT-SPI (what Orca reads), read back through
`QAccessible.queryAccessibleInterface`: the control's `accessibleName`, else the text
of a label whose buddy it is (`QLabel.setBuddy`; `QFormLayout.addRow(text, field)`
sets it), else the title of the group box it sits in directly, else a button's own
text. A placeholder or tooltip alone is only a description. A control is reachable when
Tab, pressed often enough from the window, lands on it: it takes Tab focus and is in
the window's focus chain (`nextInFocusChain`).

Dialogs are found generically, by scanning the modules of `gwa_desktop.ui` for QDialog
subclasses, so new dialogs are walked without being listed here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

import gwa_desktop.ui

#: What a user operates: buttons, fields, pickers, lists and tables.
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
)
#: Headers are parts of their table (sorting is in the table's keys and menus).
#: Composite Qt widgets whose inner parts speak through the composite.
COMPOSITES = (QComboBox, QAbstractSpinBox, QCalendarWidget, QTabBar)


def interactive_controls(root: QWidget) -> Iterator[QWidget]:
    """The visible, enabled controls of `root`, without the inner parts of Qt's own."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QScrollBar, QHeaderView)):
            continue
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if _inside_composite(widget, root):
            continue
        if widget.window() is not root.window():
            continue
        yield widget


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    # The clear button of a line edit, the scroll buttons of a tab bar and the corner
    # button of a table (select all, also Ctrl+A) are Qt's.
    return isinstance(widget, QAbstractButton) and isinstance(
        widget.parentWidget(), (QLineEdit, QTabBar, QAbstractItemView)
    )


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader gets for `widget`.

    A combo box reports its current entry as its name on Linux and gets its label
    through the "labelled by" relation of a buddy label instead, so for combo boxes only
    an accessible name or a buddy label counts.
    """
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    parent = widget.parentWidget()
    for label in parent.findChildren(QLabel) if parent is not None else []:
        if label.buddy() is widget and label.parentWidget() is parent and label.text().strip():
            return label.text().strip()
    if isinstance(widget, QComboBox):
        return ""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `root`, in order, once round."""
    chain = []
    widget = root.nextInFocusChain()
    for _step in range(5000):
        if widget is root:
            break
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _reachable(widget: QWidget, chain: set[int]) -> bool:
    """Tab lands on it; or it is a button of an exclusive group whose checked button Tab
    lands on: Qt gives Tab to the checked one only, the arrow keys move within the group."""
    if _takes_tab(widget) and id(widget) in chain:
        return True
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is None or not group.exclusive():
        return False
    checked = group.checkedButton()
    return (
        checked is not None
        and checked is not widget
        and _takes_tab(checked)
        and (id(checked) in chain)
    )


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _focus_target(widget: QWidget) -> QWidget:
    """The widget that takes the focus for `widget` (an editable combo's line edit)."""
    proxy = widget.focusProxy()
    while proxy is not None:
        widget = proxy
        proxy = widget.focusProxy()
    return widget


@dataclass(frozen=True)
class Finding:
    problem: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.problem}: {self.kind} {self.text!r}"


def describe(widget: QWidget) -> str:
    for reader in ("text", "placeholderText", "toolTip", "objectName"):
        value = getattr(widget, reader, None)
        if callable(value) and isinstance(value(), str) and value():
            return value()
    parent = widget.parentWidget()
    return f"in {type(parent).__name__}" if parent is not None else ""


def findings(root: QWidget) -> list[Finding]:
    """Every control of `root` on view without a name, or that Tab does not reach."""
    chain = set(map(id, focus_chain(root.window())))
    found = []
    for widget in interactive_controls(root):
        kind = type(widget).__name__
        if not accessible_name(widget):
            found.append(Finding("no accessible name", kind, describe(widget)))
        if not _reachable(_focus_target(widget), chain):
            found.append(Finding("not reachable by Tab", kind, describe(widget)))
    return found


def each_tab(root: QWidget) -> Iterator[None]:
    """Show every tab of every tab widget in `root` in turn (hidden tabs hide controls)."""
    yield
    for tabs in root.findChildren(QTabWidget):
        shown = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != shown:
                tabs.setCurrentIndex(index)
                yield
        tabs.setCurrentIndex(shown)


def dialog_classes() -> list[type[QDialog]]:
    """Every QDialog subclass defined in a module of `gwa_desktop.ui`."""
    found: dict[str, type[QDialog]] = {}
    for module_info in pkgutil.walk_packages(gwa_desktop.ui.__path__, "gwa_desktop.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    classes = list(found.values())
    # A base that others extend (the form, the print dialog) is walked through them.
    return [c for c in classes if not any(o is not c and issubclass(o, c) for o in classes)]


class Unsatisfied(Exception):
    """A constructor asks for something the walk has no value for."""


def construct(cls: type[QDialog], values: Callable[[inspect.Parameter], object]) -> QDialog:
    """`cls` built with a value for each parameter its constructor requires."""
    arguments = {}
    for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        value = values(parameter)
        if value is inspect.Parameter.empty:
            if parameter.default is inspect.Parameter.empty:
                raise Unsatisfied(f"{cls.__name__}({parameter.name}: {parameter.annotation})")
            continue
        arguments[parameter.name] = value
    return cls(**arguments)
