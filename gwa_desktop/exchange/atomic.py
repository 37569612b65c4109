"""Writing files so that they either appear complete or not at all.

A USB stick can be full or pulled out in the middle of an export. Every file is
therefore written to a temporary name in the target folder, flushed to the medium with
fsync, and only then renamed over the target with `os.replace` (atomic on one file
system). On any failure or cancellation the temporary file is removed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from gwa_desktop.exchange.errors import WriteError
from gwa_desktop.i18n import _

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_error(error: OSError, target: Path) -> WriteError:
    """A message naming the folder and the likely cause: full, removed or read-only."""
    folder = str(target.parent)
    if error.errno in _FULL:
        text = _(
            "The medium {folder} is full. The file was not written and no incomplete file was left behind. "
            "Free some space or use another USB stick."
        )
    elif error.errno in _GONE:
        text = _(
            "The folder {folder} can no longer be reached (was the USB stick removed?). The file was not "
            "written. Connect the stick again and repeat the export."
        )
    elif error.errno in _DENIED:
        text = _(
            "The folder {folder} cannot be written to (read-only or no permission). Choose another folder."
        )
    else:
        text = _("Writing to {folder} failed ({reason}). The file was not written.")
    return WriteError(text.format(folder=folder, reason=error.strerror or error))


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target` that becomes `target` when the block succeeds."""
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        os.close(handle)
    except OSError as error:
        raise write_error(error, target) from error
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except OSError as error:
        _remove(temporary)
        raise write_error(error, target) from error
    except BaseException:
        _remove(temporary)
        raise


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """An open binary file whose content replaces `target` only when the block succeeds."""
    with atomic_path(target) as temporary, temporary.open("wb") as handle:
        yield handle


def write_bytes_atomically(target: Path, content: bytes) -> Path:
    with atomic_output(target) as handle:
        handle.write(content)
    return Path(target)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened on Windows."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
