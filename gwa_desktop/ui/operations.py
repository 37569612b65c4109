"""One place where the UI calls services that write, and turns failures into messages.

Whatever goes wrong below (a full disk, a pulled USB stick, a read-only database), the
user sees what happened and what to do, and the form they typed into stays open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)
T = TypeVar("T")


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.critical(parent, _("GWA Desktop"), message)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run `action`; on a storage failure show a message and return (False, None).

    Validation errors are not caught: forms show them next to their fields.
    """
    try:
        return True, action()
    except StorageError as error:
        show_error(parent, str(error))
    except NotFoundError:
        show_error(parent, _("This entry was deleted in the meantime. The list will be refreshed."))
    except SQLAlchemyError:
        log.exception("unexpected database error")
        show_error(
            parent,
            _("The database reported an unexpected error. Nothing was saved. Please try again; if it happens again, restore a backup."),
        )
    return False, None
