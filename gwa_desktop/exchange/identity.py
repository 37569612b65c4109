"""Who sent a district package and which package it is: the ids of package format 3.

`installation` is the sending installation's stable id (a UUID4 made once per database,
storage/district_models.InstallationIdentity): the district knows a village by it, so a
renamed village keeps its history. `package` is a fresh UUID4 per export, and `replaces`
the id of this installation's earlier package of the same period, if it exported one
(like a DHIS2 data set's unit and report ids, or an ODK submission's instanceID and
deprecatedID). All three are written in their canonical lower-case form and read only in
that form, so one id cannot be spelled two ways.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any


def new_id() -> str:
    return str(uuid.uuid4())


def canonical_id(value: Any) -> str | None:
    """`value` if it is a UUID written as str(UUID) writes it, else None."""
    if not isinstance(value, str) or len(value) != 36:
        return None
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    return value if str(parsed) == value else None


def short(value: str) -> str:
    """The first block of an id, enough to tell packages apart in a message."""
    return value[:8]


@dataclass(frozen=True)
class PackageIdentity:
    installation: str
    package: str
    replaces: str | None = None

    @classmethod
    def fresh(cls) -> PackageIdentity:
        """A package of an installation never seen before, replacing nothing."""
        return cls(new_id(), new_id())

    def to_json(self) -> dict[str, Any]:
        return {
            "installation_id": self.installation,
            "package_id": self.package,
            "replaces": self.replaces,
        }


def identity_from_json(raw: dict[str, Any]) -> PackageIdentity | None:
    """The identity of a format-3 manifest; None if an id is missing or malformed, or a
    package names itself as the one it replaces."""
    installation = canonical_id(raw.get("installation_id"))
    package = canonical_id(raw.get("package_id"))
    replaces = raw.get("replaces")
    if installation is None or package is None:
        return None
    if replaces is not None and (canonical_id(replaces) is None or replaces == package):
        return None
    return PackageIdentity(installation, package, replaces)
