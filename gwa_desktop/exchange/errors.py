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


def damaged_package(name: str) -> PackageError:
    """The one message for a package whose bytes do not hold together: copy again or ask anew."""
    return PackageError(
        _(
            "{path} is damaged or incomplete (was it copied completely?). Nothing was imported; copy it again "
            "or ask for a new export."
        ).format(path=name)
    )


def not_a_package(name: str) -> PackageError:
    return PackageError(
        _("{path} is not a GWA district package. Nothing was imported.").format(path=name)
    )


class SignerChanged(PackageError):
    """A verified package signed by another key than the one pinned for its municipality."""

    def __init__(self, name: str, municipality: str, pinned: str, offered: str) -> None:
        self.municipality, self.pinned, self.offered = municipality, pinned, offered
        super().__init__(
            _(
                "{path}: this package of {municipality} is signed with another key than the one recorded at its first "
                "import (recorded: {pinned}; this package: {offered}). Nothing was imported. Call the municipality "
                "and ask them to read out the fingerprint shown under File → Fingerprint of this installation. Only "
                'if it is {offered} (e.g. after a new laptop), accept the new key: "Accept new key…" in the import '
                "dialog, or gwa import --accept-key {offered}. Otherwise the package is forged."
            ).format(path=name, municipality=municipality, pinned=pinned, offered=offered)
        )


class ImportBusy(ExchangeError):
    """Another import holds this database's import lock."""

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "Another import into this database is running (in another window or on another computer). "
                "{path} was not imported; import it again when the other one has finished."
            ).format(path=name)
        )
