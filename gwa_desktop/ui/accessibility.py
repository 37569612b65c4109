"""Names for screen readers, given once per window from what a sighted user reads.

Orca reads the name Qt reports for a control (AT-SPI). Qt takes it from
`setAccessibleName`, else from a label whose buddy the control is, else from the title of
the group box it sits in, else from a button's text. The rule of this program:

1. A field with a label beside it is that label's buddy. `QFormLayout.addRow(text, field)`
   does this by itself; a label placed before a field in a row of its own
   (`QLabel("Men"), spin_box`) is made its buddy here.
2. A form row whose field is a composite (a date with its calendar button, a picker with
   its list, a field with its error line) names the composite's first control after the
   row's label and the others "label: their tooltip or placeholder".
3. What is left takes its tooltip, else its placeholder: an icon button, a search field.
4. A window's only list or table without a label takes the window's title.
5. What none of these names gets `setAccessibleName` where it is built.

`tests/ui/test_accessibility_walk.py` walks every screen and dialog and fails on a control
without a name, so rule 5 is where a new control lands when 1–4 do not name it.

Names are given when a window is first shown (`name_on_show`, a filter on each of the
program's windows) and again on later shows, so controls added meanwhile are named too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: WCAG AA: normal text against its background.
AA_TEXT = 4.5
#: WCAG AA: large text, and frames or icons a user must see (non-text contrast).
AA_LARGE = 3.0

#: What a user operates; their names are what a screen reader says on focus.
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)
#: Qt's own composites: their inner parts speak through them.
_COMPOSITES = (QComboBox, QAbstractSpinBox, QCalendarWidget, QTabBar)


def is_control(widget: QWidget) -> bool:
    return isinstance(widget, CONTROLS) and not isinstance(widget, (QHeaderView, QScrollBar))


def reported_name(widget: QWidget) -> str:
    """The name Qt hands to a screen reader for `widget`.

    A combo box reports its current entry as its name on Linux (its label travels as
    the "labelled by" relation of a buddy), so only a set name or a buddy counts there.
    """
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QComboBox):
        parent = widget.parentWidget()
        siblings = parent.findChildren(QLabel) if parent is not None else []
        return next((plain(s.text()) for s in siblings if s.buddy() is widget), "")
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def plain(text: str) -> str:
    """A label's text as spoken: without mnemonic "&" and the trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def name_controls(root: QWidget) -> None:
    """Give each control of `root` that has no name one, by the rules above."""
    for layout in root.findChildren(QBoxLayout):
        # A button row holds no labels. Reading the items of Qt's own button-box layout
        # from Python made PySide 6.12 hand out a second wrapper for its buttons, so
        # `QMessageBox.clickedButton()` no longer matched the button added.
        if not isinstance(layout.parent(), (QDialogButtonBox, *_COMPOSITES)):
            _buddy_labels_in_row(layout)
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            text = plain(label.widget().text())
            if text:
                _name_composite(text, list(_controls_of_item(field)))
    unnamed_views = []
    for widget in _own_controls(root):
        if reported_name(widget):
            continue
        hint = _hint(widget)
        if hint:
            widget.setAccessibleName(hint)
        elif isinstance(widget, QAbstractItemView):
            unnamed_views.append(widget)
    if len(unnamed_views) == 1 and root.isWindow() and plain(root.windowTitle()):
        unnamed_views[0].setAccessibleName(plain(root.windowTitle()))


def _own_controls(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if is_control(widget) and not _inside_composite(widget, root):
            yield widget


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _buddy_labels_in_row(layout: QBoxLayout) -> None:
    """A label followed by a field in the same row becomes that field's buddy."""
    items = [layout.itemAt(i).widget() for i in range(layout.count())]
    for label, field in itertools.pairwise(items):
        if (
            isinstance(label, QLabel)
            and label.buddy() is None
            and field is not None
            and is_control(field)
            and not isinstance(field, QAbstractButton)
            and not field.accessibleName()
        ):
            label.setBuddy(field)


def _controls_of_item(item) -> Iterator[QWidget]:
    """The controls in a form row's field, in the order they were built."""
    widget = item.widget()
    if widget is not None:
        if is_control(widget):
            yield widget
        else:
            yield from (w for w in widget.findChildren(QWidget) if is_control(w))
        return
    layout = item.layout()
    if isinstance(layout, QLayout):
        for index in range(layout.count()):
            yield from _controls_of_item(layout.itemAt(index))


def _name_composite(label: str, controls: list[QWidget]) -> None:
    """The row's label names the first control; the others add their own words to it."""
    controls = [c for c in controls if not _inside_any_composite(c)]
    first = True
    for control in controls:
        if isinstance(control, QAbstractButton) and control.text():
            continue  # its own text names it
        if not control.accessibleName():
            own = reported_name(control) if _has_buddy(control) else ""
            own = own or ("" if first else _hint(control))
            control.setAccessibleName(f"{label}: {own}" if own and own != label else label)
        first = False


def _has_buddy(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and any(
        label.buddy() is widget for label in parent.findChildren(QLabel)
    )


def _inside_any_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _hint(widget: QWidget) -> str:
    """A control's own words: its tooltip, else its placeholder."""
    tooltip = plain(widget.toolTip())
    if tooltip and "<" not in tooltip:
        return tooltip
    placeholder = getattr(widget, "placeholderText", None)
    return plain(placeholder()) if callable(placeholder) else ""


def widgets_of_layout(layout: QLayout) -> Iterator[QWidget]:
    """The widgets of `layout` and its nested layouts, in the order they are laid out."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from widgets_of_layout(item.layout())


def tab_in_order(widgets: list[QWidget]) -> None:
    """Tab visits `widgets` one after the other (from the first on)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


def buttons_last(window: QWidget) -> None:
    """A dialog's OK/Save/Cancel row comes after its fields in Tab order.

    The buttons are often built first (in a base class), which put them at the start of
    the focus chain: Tab from the first field jumped to "Cancel". A widget given a
    parent joins the end of the chain, so the button box is taken out of its place in
    the layout and put back. (`QWidget.setTabOrder` cannot move a widget behind the
    last one of a window: Qt 6.12 leaves the chain as it is.)
    """
    for box in window.findChildren(QDialogButtonBox):
        parent = box.parentWidget()
        layout = next(
            (
                candidate
                for candidate in [parent.layout(), *parent.findChildren(QBoxLayout)]
                if isinstance(candidate, QBoxLayout) and candidate.indexOf(box) >= 0
            ),
            None,
        )
        if layout is None or box.window() is not window:
            continue
        index, shown = layout.indexOf(box), not box.isHidden()
        layout.removeWidget(box)
        box.setParent(None)
        box.setParent(parent)
        layout.insertWidget(index, box)
        box.setVisible(shown)


class AccessibleNames(QObject):
    """Names the controls of its window each time the window is shown, and puts its
    buttons last (once).

    A filter on each of the program's windows (`name_on_show`), not on the application:
    with a Python event filter on the application PySide6 6.11 converts every object an
    event is sent to, and one being destroyed crashed the process. Qt's own message
    boxes and file dialogs name their parts themselves and get none.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parent()
        if watched is window and event.type() == QEvent.Type.Show and isinstance(window, QWidget):
            name_controls(window)
            if not window.property("gwa_tab_order_set"):
                buttons_last(window)
                window.setProperty("gwa_tab_order_set", True)
        return False


def name_on_show(window: QWidget) -> None:
    """Called by each window the program builds (the main window, `prepare_dialog`)."""
    window.installEventFilter(AccessibleNames(window))


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; AA asks 4.5 for text, 3 for large text and frames."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(foreground: QColor, background: QColor, opacity: float) -> QColor:
    """`foreground` painted at `opacity` over `background`, as the eye sees it."""
    return QColor.fromRgbF(
        *(
            opacity * f + (1 - opacity) * b
            for f, b in zip(
                (foreground.redF(), foreground.greenF(), foreground.blueF()),
                (background.redF(), background.greenF(), background.blueF()),
                strict=True,
            )
        )
    )


def muted_text(palette: QPalette) -> QColor:
    """A quieter text colour that still reads at 4.5:1 (disabled grey reads at 1.8:1)."""
    return blend(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.65
    )


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` with a selection dark (or light) enough for its text to read at 4.5:1.

    Fusion's light blue selection under white text reaches 3.6:1; every selected row
    of every list is text on it. Other colours of the system's palette stay as they are.
    """
    result = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = result.color(group, QPalette.ColorRole.HighlightedText)
        highlight = QColor(result.color(group, QPalette.ColorRole.Highlight))
        darken = relative_luminance(text) > relative_luminance(highlight)
        for _step in range(40):
            if contrast_ratio(text, highlight) >= AA_TEXT:
                break
            highlight = highlight.darker(108) if darken else highlight.lighter(108)
        result.setColor(group, QPalette.ColorRole.Highlight, highlight)
    return result


def use_readable_palette(application: QApplication) -> None:
    application.setPalette(readable_palette(application.palette()))
