"""The program's log: a few rotating files in the data folder, free of personal data.

When something goes wrong at a village office, support asks for this file. It holds
what the program did and the tracebacks of errors, but never the names, phone numbers
or other values the user typed: exception messages are left out (they often quote
values, e.g. SQL parameters or a key that was not found); only exception types, error
numbers, SQL statements with their placeholders and the lines of code are written.
"""

from __future__ import annotations

import errno
import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from gwa_desktop import __version__
from gwa_desktop.paths import data_dir, portable_folder

LOG_FOLDER = "logs"
LOG_FILE = "gwa.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_handlers: list[logging.Handler] = []


def log_path() -> Path:
    """The current log file (it need not exist yet). Raises OSError without a data folder."""
    return data_dir() / LOG_FOLDER / LOG_FILE


def start_logging(*, console: bool, program: str = "gwa-desktop") -> Path | None:
    """Log to the rotating file (and warnings to stderr when `console`); returns the file.

    Calling it again replaces the handlers of the previous call (a language switch or a
    test starting the program twice). Without a usable data folder the program still
    runs, only without a log file, and None is returned.
    """
    stop_logging()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    # Alembic reports every migration it runs at INFO, also for the in-memory reference
    # schema built at each start: a dozen lines per start would fill the log.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    formatter = PrivateFormatter(FORMAT)
    path: Path | None
    try:
        path = log_path()
        path.parent.mkdir(exist_ok=True)
        file_handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        path = None
    else:
        file_handler.setFormatter(formatter)
        _add(root, file_handler)
    if console:
        console_handler = logging.StreamHandler(sys.stderr)
        console_handler.setLevel(logging.WARNING)
        console_handler.setFormatter(formatter)
        _add(root, console_handler)
    mode = " (portable)" if portable_folder() is not None else ""
    logging.getLogger(__name__).info("%s %s started%s", program, __version__, mode)
    return path


def stop_logging() -> None:
    """Close the log file (the program ends, or a test started it in-process)."""
    root = logging.getLogger()
    while _handlers:
        handler = _handlers.pop()
        root.removeHandler(handler)
        handler.close()


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    root.addHandler(handler)
    _handlers.append(handler)


def describe_exception(error: BaseException) -> str:
    """Type and, where it says something without personal data, the kind of failure."""
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    details = []
    if isinstance(error, OSError) and error.errno in errno.errorcode:
        details.append(errno.errorcode[error.errno])
    sqlite_code = getattr(error, "sqlite_errorname", None)
    if isinstance(sqlite_code, str):
        details.append(sqlite_code)
    statement = getattr(error, "statement", None)
    if isinstance(statement, str):
        details.append(f"SQL: {' '.join(statement.split())}")
    return f"{kind} ({'; '.join(details)})" if details else kind


class PrivateFormatter(logging.Formatter):
    """Tracebacks with the code's lines and the exceptions' types, not their messages."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the usual traceback, message and all, on the record.
        if record.exc_info:
            record.exc_text = self.formatException(record.exc_info)
        return super().format(record)

    def formatException(self, ei) -> str:
        _kind, error, _tb = ei
        if error is None:
            return ""
        blocks: list[str] = []
        seen: set[int] = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
            blocks.append(
                "Traceback (most recent call last):\n" + frames + describe_exception(error)
            )
            error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
        return "\n\nThe above led to:\n".join(reversed(blocks))
