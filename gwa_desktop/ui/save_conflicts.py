"""Saving a form when someone else got there first, or the database is busy.

Two windows or two computers may edit the same entry. A save based on an older version
is refused by the services (ConflictError); here the officer decides: reload the saved
entry (and lose what she typed, which the question says), overwrite the other change
with her input, or cancel and keep the form. "Database is locked" after the busy
timeout becomes a question with a Retry button. An entry deleted meanwhile is named as
such; the form stays open so nothing typed disappears unannounced.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ConflictError, NotFoundError
from gwa_desktop.storage.errors import DatabaseBusyError
from gwa_desktop.ui.operations import attempt, show_error

T = TypeVar("T")


class ConflictChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


def conflict_box(parent: QWidget | None) -> tuple[QMessageBox, dict[object, ConflictChoice]]:
    """The question, built but not shown (tests and screenshots look at it as it is)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Changed in the meantime"))
    box.setText(
        _(
            "This entry was changed in the meantime, in another window or on another computer — reload or overwrite?"
        )
    )
    box.setInformativeText(
        _(
            "Reload: the form shows the entry as it is saved now; what you changed in this form is discarded.\n"
            "Overwrite: your input is saved and replaces the other change, which is lost.\n"
            "Cancel: nothing is saved; the form stays open with your input."
        )
    )
    reload = box.addButton(_("Reload"), QMessageBox.ButtonRole.ResetRole)
    overwrite = box.addButton(_("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, {
        reload: ConflictChoice.RELOAD,
        overwrite: ConflictChoice.OVERWRITE,
        cancel: ConflictChoice.CANCEL,
    }


def ask_conflict(parent: QWidget | None) -> ConflictChoice:
    box, choices = conflict_box(parent)
    box.exec()
    return choices.get(box.clickedButton(), ConflictChoice.CANCEL)


def busy_box(parent: QWidget | None, message: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("GWA Desktop"),
        message,
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Retry).setText(_("Retry"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box


def ask_retry(parent: QWidget | None, message: str) -> bool:
    return busy_box(parent, message).exec() == QMessageBox.StandardButton.Retry


def attempt_save(
    parent: QWidget,
    save: Callable[[], T],
    reload: Callable[[], None],
    overwrite: Callable[[int], None],
) -> tuple[bool, T | None]:
    """`attempt(parent, save)` that also answers a busy database, a conflict and a deletion.

    `reload()` shows the saved entry in the form; `overwrite(version)` makes the next
    save build on `version`, the one the other save left. Validation errors still reach
    the caller, which shows them at their fields.
    """
    while True:
        caught: list[Exception] = []

        def run(caught: list[Exception] = caught) -> T | None:
            try:
                return save()
            except (DatabaseBusyError, ConflictError, NotFoundError) as problem:
                caught.append(problem)
                return None

        ok, result = attempt(parent, run)
        if not caught:
            return ok, result
        error = caught[0]
        if isinstance(error, DatabaseBusyError):
            if ask_retry(parent, str(error)):
                continue
        elif isinstance(error, ConflictError):
            choice = ask_conflict(parent)
            if choice is ConflictChoice.OVERWRITE:
                overwrite(error.current_version)
                continue
            if choice is ConflictChoice.RELOAD:
                reload()
        else:
            show_error(
                parent,
                _(
                    "This entry was deleted in the meantime, in another window or on another computer, so "
                    "your input cannot be saved to it. It is still in this form: copy what you need, then close it."
                ),
            )
        return False, None
