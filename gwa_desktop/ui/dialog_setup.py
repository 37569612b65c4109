"""What every dialog of the program gets when it is built: F1 and names for screen readers.

One call at the top of each dialog's `__init__` (`FormDialog`, `PrintDialog` and the
dialogs built on `QDialog` directly), so a new dialog cannot get one and miss the other.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gwa_desktop.ui.accessibility import name_on_show
from gwa_desktop.ui.help_viewer import add_help_key


def prepare_dialog(dialog: QWidget) -> None:
    add_help_key(dialog)
    name_on_show(dialog)
