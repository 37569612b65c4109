"""One place where the UI turns failures into messages: writes, reads and the unexpected.

Whatever goes wrong below (a full disk, a pulled USB stick, a read-only database), the
user sees what happened and what to do, and the form they typed into stays open.
Anything nobody foresaw (a bug) is written to the log and explained calmly; the window
stays usable, because Qt's slots and overrides report it here instead of aborting.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from gwa_desktop.i18n import _
from gwa_desktop.logbook import log_path
from gwa_desktop.paths import DataFolderError, check_data_dir
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)
T = TypeVar("T")

#: A broken cell is painted again and again: such failures are logged and shown once a run.
_reported_once: set[tuple] = set()
_message_pending = False


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.critical(parent, _("GWA Desktop"), message)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run `action`; on a storage failure show a message and return (False, None).

    Validation errors are not caught: forms show them next to their fields. In portable
    mode a pulled stick is noticed before the action, so nothing goes elsewhere.
    """
    try:
        check_data_dir()
        return True, action()
    except (StorageError, DataFolderError, NotFoundError) as error:
        show_error(parent, message_for(error))
    except SQLAlchemyError as error:
        log.exception("unexpected database error")
        show_error(parent, message_for(error))
    return False, None


def opened(parent: QWidget | None, make: Callable[[], T]) -> T | None:
    """Build a dialog that reads what it shows (a record, its pickers, the settings).

    A foreseen failure (the entry was deleted meanwhile, the database went away) is told
    and None returned. Unlike `attempt` there is no check of the data folder first: with
    the stick pulled the form still opens on the open database, and the save says so,
    keeping what was typed.
    """
    try:
        return make()
    except Exception as error:
        if not is_foreseen(error):
            raise
        show_error(parent, message_for(error))
        return None


def unexpected_error_message() -> str:
    try:
        where = str(log_path())
    except OSError:
        where = _("(no log file: the data folder cannot be reached)")
    return _(
        "Something unexpected went wrong. What was saved before is safe; the last step may not have been "
        "completed. Please check it and try again. If it happens again, restart the program and send the "
        "log file to your support (it contains no names or other personal data):\n{path}"
    ).format(path=where)


def message_for(error: BaseException) -> str:
    """What to tell the user about `error`, in the UI language.

    A pulled stick makes SQLite fail with a bare I/O error; the user is told the cause.
    """
    try:
        check_data_dir()
    except DataFolderError as gone:
        return str(gone)
    if isinstance(error, (StorageError, DataFolderError)):
        return str(error)
    if isinstance(error, NotFoundError):
        return _("This entry was deleted in the meantime. The list will be refreshed.")
    if isinstance(error, SQLAlchemyError):
        return _(
            "The database reported an unexpected error. Nothing was saved. Please try again; if it happens again, restore a backup."
        )
    return unexpected_error_message()


def is_foreseen(error: BaseException) -> bool:
    """A failure `attempt` explains itself (storage, a deleted entry, the database)."""
    return isinstance(error, (StorageError, DataFolderError, NotFoundError, SQLAlchemyError))


def report_unexpected(error: BaseException, *, once: bool = False) -> None:
    """Log `error` and show a calm message once the current event is handled.

    The message waits for the event loop: the failure may come from inside a paint or a
    layout pass of a view, where a modal dialog must not open. With `once`, the same
    failure at the same place is reported only the first time (a view asks again after
    every repaint, which would otherwise open box after box).
    """
    global _message_pending
    if once:
        signature = (
            type(error),
            tuple((f.filename, f.lineno) for f in traceback.extract_tb(error.__traceback__)),
        )
        if signature in _reported_once:
            return
        _reported_once.add(signature)
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    if _message_pending:
        return
    _message_pending = True
    message = message_for(error)
    QTimer.singleShot(0, lambda: _show_pending(message))


def _show_pending(message: str) -> None:
    global _message_pending
    try:
        show_error(QApplication.activeWindow(), message)
    finally:
        _message_pending = False


def guarded(default: object = None) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """For Qt virtual overrides (a model's data, fetchMore, sort): report and return `default`.

    An exception must not escape into Qt's C++ code; the view then simply shows less.
    """

    def decorate(method: Callable[..., T]) -> Callable[..., T]:
        @wraps(method)
        def run(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception as error:
                report_unexpected(error, once=True)
                return default

        return run

    return decorate


def install_exception_hook() -> None:
    """Make every exception that reaches Qt's event loop (a slot, an override) a report.

    PySide hands such exceptions to `sys.excepthook` and carries on with the next event,
    so the window stays usable; by default they would only be printed to a console the
    user of a desktop program never sees.
    """

    def hook(kind, error, trace) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        report_unexpected(error)

    sys.excepthook = hook
