"""The district package: one zip with a JSON manifest, JSON data, the workbook and the CSVs.

The manifest names the format version, program version, municipality, period, time of
creation and the SHA-256 of every member, so the receiving installation can refuse a
damaged or manipulated stick before anything reaches its database.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyzipper

from gwa_desktop import __version__
from gwa_desktop.exchange import encrypted
from gwa_desktop.exchange.csv_export import csv_members
from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.records import DistrictData, Period, parse_activities, parse_offers, to_json_value
from gwa_desktop.exchange.xlsx_report import write_workbook
from gwa_desktop.i18n import _

FORMAT = "gwa-district-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
OFFERS = "data/offers.json"
ACTIVITIES = "data/activities.json"
CONTACTS = "data/contacts.json"
WORKBOOK = "bericht.xlsx"
MAX_MEMBER_BYTES = 1 << 30
COPY_CHUNK = 1 << 20
#: What reading a damaged zip can raise, from the zip structure up to the JSON inside.
DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, pyzipper.BadZipFile, pyzipper.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
          struct.error, OSError, KeyError, IndexError, OverflowError, TypeError, AttributeError)


@dataclass(frozen=True)
class Manifest:
    program_version: str
    municipality: str
    district: str
    period: Period
    created_at: datetime
    personal_data: bool
    members: dict[str, str]
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        content = {
            "format": FORMAT, "format_version": self.format_version, "program_version": self.program_version,
            "municipality": self.municipality, "district": self.district,
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "created_at": self.created_at.isoformat(timespec="seconds"), "personal_data": self.personal_data,
            "members": self.members,
        }
        return json.dumps(content, ensure_ascii=False, indent=1).encode("utf-8")


@dataclass(frozen=True)
class Package:
    """A verified package read from a file; `sha256` is the checksum of the whole file."""

    path: Path
    sha256: str
    manifest: Manifest
    data: DistrictData


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_package(stream: BinaryIO, data: DistrictData, created: datetime, password: str | None = None,
                  progress: Progress = no_progress) -> Manifest:
    """Write the package for `data`; with a password every member is AES-256 encrypted."""
    if password is not None:
        encrypted.check_password(password)
    workbook = io.BytesIO()
    write_workbook(workbook, [data], created, progress)
    members = {
        OFFERS: _json(data.offers),
        ACTIVITIES: _json(data.activities),
        WORKBOOK: workbook.getvalue(),
        **csv_members([data]),
    }
    if data.contacts:
        members[CONTACTS] = _json(data.contacts)
    manifest = Manifest(__version__, data.municipality, data.district, data.period, created, bool(data.contacts),
                        {name: sha256(content) for name, content in members.items()})
    # The archive is assembled in memory and then copied: a write error on the stick then
    # interrupts a plain copy, not the zip writer, which cannot be abandoned halfway.
    buffer = io.BytesIO()
    with encrypted.open_for_writing(buffer, password) as archive:
        archive.writestr(MANIFEST, manifest.to_json())
        for name, content in members.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED if name == WORKBOOK else zipfile.ZIP_DEFLATED)
    view = buffer.getbuffer()
    for start in range(0, len(view), COPY_CHUNK):
        stream.write(view[start:start + COPY_CHUNK])
        progress(start, len(view), "")
    return manifest


def read_package(path: Path, password: str | None = None) -> Package:
    """Read and verify a package; raise PackageError saying why it is refused."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise PackageError(_("The file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror)) from error
    if not content.startswith(b"PK"):
        raise PackageError(_("{path} is not a GWA district package. Nothing was imported.").format(path=path.name))
    try:
        manifest, members = _verified_members(content, password, path)
        data = DistrictData(
            manifest.municipality, manifest.district, manifest.period,
            parse_offers(json.loads(members[OFFERS])), parse_activities(json.loads(members[ACTIVITIES])),
        )
    except RuntimeError as error:
        if "password" not in str(error).lower():
            raise _damaged(path) from error
        raise PackageError(_("The password for {path} is wrong. Nothing was imported.").format(path=path.name)) from error
    except DAMAGE as error:
        raise _damaged(path) from error
    return Package(path, sha256(content), manifest, data)


def _verified_members(content: bytes, password: str | None, path: Path) -> tuple[Manifest, dict[str, bytes]]:
    with encrypted.open_for_reading(io.BytesIO(content), password) as archive:
        names = archive.namelist()
        if MANIFEST not in names:
            raise PackageError(_("{path} is not a GWA district package. Nothing was imported.").format(path=path.name))
        if encrypted.is_encrypted(archive) and not password:
            raise PackageError(_("{path} is encrypted. Enter its password to import it.").format(path=path.name))
        manifest = _manifest(archive.read(MANIFEST), path)
        if len(names) != len(set(names)) or set(names) != {MANIFEST, *manifest.members}:
            raise _damaged(path)
        members = {}
        for name, expected in manifest.members.items():
            if archive.getinfo(name).file_size > MAX_MEMBER_BYTES:
                raise _damaged(path)
            member = archive.read(name)
            if sha256(member) != expected:
                raise PackageError(
                    _("The member {member} of {path} does not match its checksum: the package was changed or "
                      "damaged on the way. Nothing was imported; ask for a new export.").format(member=name, path=path.name)
                )
            members[name] = member
    return manifest, members


def _manifest(content: bytes, path: Path) -> Manifest:
    raw = json.loads(content)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PackageError(_("{path} is not a GWA district package. Nothing was imported.").format(path=path.name))
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged(path)
    if version > FORMAT_VERSION:
        raise PackageError(
            _("{path} was written by a newer version of GWA Desktop (package format {version}). Please install "
              "the newer program version to import it.").format(path=path.name, version=version)
        )
    members = raw["members"]
    if not isinstance(members, dict) or not {OFFERS, ACTIVITIES} <= set(members) or not all(
        isinstance(k, str) and isinstance(s, str) and len(s) == 64 for k, s in members.items()
    ):
        raise _damaged(path)
    texts = [raw[key] for key in ("program_version", "municipality", "district")]
    if not all(isinstance(t, str) for t in texts) or not texts[1].strip() or not isinstance(raw["personal_data"], bool):
        raise _damaged(path)
    period = Period(date.fromisoformat(raw["period"]["from"]), date.fromisoformat(raw["period"]["to"]))
    return Manifest(texts[0], texts[1], texts[2], period, datetime.fromisoformat(raw["created_at"]),
                    raw["personal_data"], members, version)


def _damaged(path: Path) -> PackageError:
    return PackageError(
        _("{path} is damaged or incomplete (was it copied completely?). Nothing was imported; copy it again "
          "or ask for a new export.").format(path=path.name)
    )


def _json(records: list[dict[str, Any]]) -> bytes:
    return json.dumps(records, ensure_ascii=False, default=to_json_value, separators=(",", ":")).encode("utf-8")
