"""The application's QScreen is never handed to Python as a widget's child.

PySide6 6.11 records the QScreen returned by `QWidget.screen()` or `QWindow.screen()` as
a Python child of that widget. After enough widgets had asked and been collected, the
garbage collector freed the screen's wrapper as its owner and so deleted the only
QScreen; the next widget built crashed in `QScreen::virtualSiblings` (the accessibility
walk of every dialog, first at DistrictExportDialog). The program asks the application
(`widgets.screen_of`) instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget
from shiboken6 import Shiboken

import gwa_desktop
from gwa_desktop.ui.widgets import fit_to_screen, narrow_combo, screen_of


def _parent_of(wrapper) -> str:
    """The parent `Shiboken.dump` reports ("parent....... <QWidget …>"), else ""."""
    return "".join(line for line in Shiboken.dump(wrapper).splitlines() if "parent" in line)


def test_the_screen_a_window_is_fitted_to_stays_nobodys_child(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    combo = narrow_combo(QComboBox(window))
    combo.addItems(["kurz", "ein deutlich längerer Eintrag"])
    fit_to_screen(window, 4000, 3000)
    screen = screen_of(combo)
    assert screen is not None
    assert _parent_of(screen) == ""
    assert not Shiboken.ownedByPython(screen)
    assert window.width() <= screen.availableGeometry().width()


def test_no_module_asks_a_widget_or_window_for_its_screen():
    root = Path(gwa_desktop.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<!QWidget)(?<!QWindow)\.screen\(\)", line)
    ]
    assert offenders == []
