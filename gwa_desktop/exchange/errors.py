"""Failures of exports, imports and backups that the user can understand and act on.

`str(error)` is a translated message saying what happened and that nothing was changed;
the UI and the command line show it as it is.
"""

from __future__ import annotations

from gwa_desktop.i18n import _


class ExchangeError(Exception):
    """Base class: an export, import, backup or restore was refused or rolled back."""


class PackageError(ExchangeError):
    """A file offered for import or restore was refused; nothing was changed."""


class WriteError(ExchangeError):
    """A file could not be written completely; no partial file is left behind."""


class Cancelled(ExchangeError):
    """The user cancelled a long step; whatever it had begun was undone."""

    def __init__(self) -> None:
        super().__init__(_("Cancelled. Nothing was written or changed."))
