"""The district package: a signed zip with a JSON manifest, JSON data, the workbook and the CSVs.

Format 3. The manifest names the format version, program version, municipality,
district, period, time of creation, whether personal data are inside, the SHA-256 of
every other member, the public key of the installation that wrote it, and the identity
(exchange/identity.py): the installation's stable id, the package's own id and the id of
the earlier package of the same period it replaces;
`manifest.sig` holds the Ed25519 signature over the manifest's exact bytes (see
exchange/signing.py). The receiving installation verifies all of it, within the
bounds of exchange/limits.py, before anything reaches its database; whether the key
is the one it knows for that municipality is the import service's question.

With a password the whole zip is encrypted as one blob (exchange/encrypted.py), so
member names and sizes are hidden too; such files end in `.gwa` instead of `.zip`.

Format 2 (signed, without identity) is still read: such a package is known by its
municipality's name only (`Manifest.identity` is None), as before format 3, and the
import says so. Format 1 (unsigned, encrypted member by member with WinZip AE-2) is
refused with a message asking for a new export.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from gwa_desktop import __version__
from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD
from gwa_desktop.exchange import encrypted, limits, signing
from gwa_desktop.exchange.activity_json import ActivityJson
from gwa_desktop.exchange.columns import ACTIVITY_COLUMNS, CONTACT_COLUMNS, OFFER_COLUMNS
from gwa_desktop.exchange.csv_export import ActivityRows, TableWriter, months_csv, records_csv
from gwa_desktop.exchange.errors import PackageError, damaged_package, not_a_package
from gwa_desktop.exchange.identity import PackageIdentity, identity_from_json
from gwa_desktop.exchange.json_stream import ArrayStream
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.record_columns import RecordColumns
from gwa_desktop.exchange.records import (
    ACTIVITY_FIELDS,
    DistrictData,
    Period,
    parse_offers,
    to_json_value,
)
from gwa_desktop.exchange.summary import Figures
from gwa_desktop.exchange.xlsx_report import write_workbook
from gwa_desktop.i18n import _

FORMAT = "gwa-district-package"
FORMAT_VERSION = 3
#: The oldest format still read: 2 is signed, but carries no identity.
OLDEST_READ_VERSION = 2
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
OFFERS = "data/offers.json"
ACTIVITIES = "data/activities.json"
CONTACTS = "data/contacts.json"
WORKBOOK = "bericht.xlsx"
OFFERS_CSV = "csv/angebote.csv"
ACTIVITIES_CSV = "csv/aktivitaeten.csv"
MONTHS_CSV = "csv/monate.csv"
CONTACTS_CSV = "csv/kontakte.csv"
PROGRESS_STEP = 5000
PLAIN_SUFFIX = ".zip"
ENCRYPTED_SUFFIX = ".gwa"
#: How far ahead of this computer's clock a package's time of creation may lie.
CLOCK_SKEW = timedelta(days=1)
COPY_CHUNK = 1 << 20
_ENCRYPTED_MEMBER = 0x1
#: What reading a damaged zip can raise, from the zip structure up to the JSON inside.
DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    struct.error,
    OSError,
    KeyError,
    IndexError,
    OverflowError,
    TypeError,
    AttributeError,
    RuntimeError,
)


@dataclass(frozen=True)
class Manifest:
    program_version: str
    municipality: str
    district: str
    period: Period
    created_at: datetime
    personal_data: bool
    members: dict[str, str]
    signer_key: bytes
    format_version: int = FORMAT_VERSION
    #: None only in a format-2 package, known by its municipality's name.
    identity: PackageIdentity | None = None

    def to_json(self) -> bytes:
        content: dict[str, Any] = {
            "format": FORMAT,
            "format_version": self.format_version,
            "program_version": self.program_version,
            "municipality": self.municipality,
            "district": self.district,
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "personal_data": self.personal_data,
            "members": self.members,
            "signer": {
                "algorithm": signing.ALGORITHM,
                "public_key": signing.encode_key(self.signer_key),
            },
        }
        if self.identity is not None:
            content.update(self.identity.to_json())
        return json.dumps(content, ensure_ascii=False, indent=1).encode("utf-8")

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signer_key)


@dataclass(frozen=True)
class Package:
    """A verified package read from a file; `sha256` is the checksum of the whole file."""

    path: Path
    sha256: str
    manifest: Manifest
    data: DistrictData
    #: `data.activities`, the checked columns the import inserts.
    activities: RecordColumns


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class PackageContent:
    """What a package is written from: `data` without its activities, which come from
    `activities`, one pass over `count` records, and `figures`, their sums.

    The activity records are as records.ACTIVITY_FIELDS describes them, their fields in
    that order (as services/district_collect reads them and a package holds them)."""

    data: DistrictData
    activities: Iterable[dict[str, Any]]
    count: int
    figures: Figures
    #: The suppression threshold of the workbook and csv/monate.csv (domain/suppression).
    threshold: int = DEFAULT_THRESHOLD


def write_package(
    stream: BinaryIO,
    content: PackageContent,
    created: datetime,
    signing_key: bytes,
    password: str | None = None,
    progress: Progress = no_progress,
    identity: PackageIdentity | None = None,
) -> Manifest:
    """Write the package for `content`, signed with `signing_key`; with a password, encrypted as a whole.

    `identity` names the installation and the package (services/district_export.py);
    without one, as for packages made outside an installation (simulations, tests), the
    package gets a fresh one: an installation of its own that replaces nothing.

    Members go into the zip one after the other, each hashed while it is written; the
    activities are read once and go to their JSON and CSV members in the same pass (the
    CSV through a temporary file), so memory holds one activity, not all of them. The
    manifest, which lists the checksums, comes last; readers find members by name.
    """
    data = content.data
    workbook = io.BytesIO()
    write_workbook(workbook, [(data, content.figures)], created, threshold=content.threshold)
    # The archive is assembled in memory (the compressed package, a tenth of its
    # content) and then copied: a write error on the stick then interrupts a plain copy,
    # not the zip writer, which cannot be abandoned halfway.
    buffer = io.BytesIO()
    digests: dict[str, str] = {}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:

        def put(name: str, member: bytes, compress_type: int = zipfile.ZIP_DEFLATED) -> None:
            digests[name] = sha256(member)
            archive.writestr(name, member, compress_type=compress_type)

        put(OFFERS, _json(data.offers))
        with tempfile.TemporaryFile() as spool:
            with _member(archive, ACTIVITIES, digests) as json_member:
                table = TableWriter(spool, [c.header for c in ACTIVITY_COLUMNS])
                _stream_activities(content, json_member, table, progress)
                table.finish()
            spool.seek(0)
            put(WORKBOOK, workbook.getvalue(), zipfile.ZIP_STORED)
            del workbook
            put(OFFERS_CSV, records_csv(OFFER_COLUMNS, [(data.municipality, data.offers)]))
            with _member(archive, ACTIVITIES_CSV, digests) as csv_member:
                shutil.copyfileobj(spool, csv_member, COPY_CHUNK)
        put(MONTHS_CSV, months_csv(content.figures, content.threshold))
        if data.contacts:
            put(CONTACTS_CSV, records_csv(CONTACT_COLUMNS, [("", data.contacts)]))
            put(CONTACTS, _json(data.contacts))
        manifest = Manifest(
            __version__,
            data.municipality,
            data.district,
            data.period,
            created,
            bool(data.contacts),
            digests,
            signing.public_key_of(signing_key),
            identity=identity or PackageIdentity.fresh(),
        )
        manifest_bytes = manifest.to_json()
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(
            SIGNATURE, signing.sign(signing_key, manifest_bytes), compress_type=zipfile.ZIP_STORED
        )
    view = buffer.getbuffer()
    pieces = encrypted.encrypt(view, password) if password is not None else _pieces(view)
    written = 0
    for piece in pieces:
        stream.write(piece)
        written += len(piece)
        progress(written, len(view), "")
    return manifest


class _HashingWriter(io.RawIOBase):
    """A zip member being written, hashed on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, chunk: Any) -> int:
        self.digest.update(chunk)
        return self._target.write(chunk)


@contextmanager
def _member(archive: zipfile.ZipFile, name: str, digests: dict[str, str]) -> Iterator[BinaryIO]:
    """A deflated member written piece by piece; its SHA-256 lands in `digests` when done."""
    with archive.open(name, "w") as target:
        writer = _HashingWriter(target)
        buffered = io.BufferedWriter(writer, COPY_CHUNK)
        yield cast(BinaryIO, buffered)
        buffered.flush()
        buffered.detach()
    digests[name] = writer.digest.hexdigest()


def _stream_activities(
    content: PackageContent, json_member: BinaryIO, table: TableWriter, progress: Progress
) -> None:
    """activities.json exactly as `json.dumps` writes the whole list, and the CSV rows, in one pass.

    A batch of records at a time is encoded (exchange/activity_json.py) and spelled
    (csv_export.ActivityRows), each distinct value once."""
    encode = ActivityJson().batch
    row = ActivityRows(content.data.municipality)
    json_member.write(b"[")
    separator = b""
    done = 0
    records = iter(content.activities)
    while batch := list(itertools.islice(records, PROGRESS_STEP)):
        json_member.write(separator + encode(batch).encode("utf-8"))
        separator = b","
        table.spelled_rows(map(row, batch))
        done += len(batch)
        progress(done, content.count, ACTIVITIES)
    json_member.write(b"]")


def read_package(path: Path, password: str | None = None) -> Package:
    """Read and verify a package; raise PackageError saying why it is refused."""
    path = Path(path)
    name = path.name
    digest = hashlib.sha256()
    with limits.open_regular_file(path, limits.MAX_PACKAGE_BYTES) as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(len(encrypted.MAGIC))
        handle.seek(0)
        try:
            if encrypted.is_encrypted(head):
                if not password:
                    raise PackageError(
                        _("{path} is encrypted. Enter its password to import it.").format(path=name)
                    )
                content = encrypted.decrypt(handle, size, password, name, digest)
            else:
                content = bytearray(limits.read_at_most(handle, size, name))
                digest.update(content)
        except OSError as error:
            raise PackageError(
                _("The file {path} cannot be read ({reason}).").format(
                    path=path, reason=error.strerror
                )
            ) from error
    if not content.startswith(b"PK"):
        raise not_a_package(name)
    activities = RecordColumns(ACTIVITY_FIELDS)
    stream = ArrayStream(ACTIVITIES, name, activities.add)
    try:
        manifest, members = _verified_members(content, name, stream)
        del content
        offers = parse_offers(limits.parse_json(members.pop(OFFERS), OFFERS, name))
        # Parsed while it was unpacked and hashed; its faults count after every check of
        # the package and of the offers, as when it was parsed whole after them.
        stream.close()
        data = DistrictData(
            manifest.municipality, manifest.district, manifest.period, offers, activities
        )
    except DAMAGE as error:
        raise damaged_package(name) from error
    return Package(path, digest.hexdigest(), manifest, data, activities)


def _verified_members(
    content: bytes | bytearray, name: str, activities: ArrayStream
) -> tuple[Manifest, dict[str, bytes]]:
    """The verified manifest and the offers' bytes; the activities go to their stream as
    they are unpacked (the stream keeps its faults for `close`)."""
    limits.check_directory(content, name)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        infos = archive.infolist()
        limits.check_members(infos, name)
        names = {info.filename for info in infos}
        if MANIFEST not in names:
            raise not_a_package(name)
        if any(info.flag_bits & _ENCRYPTED_MEMBER for info in infos):
            raise _old_format(name)
        _digest, manifest_bytes = limits.read_member(
            archive, MANIFEST, limits.MAX_MANIFEST_BYTES, name
        )
        manifest = _manifest(limits.parse_json(manifest_bytes, MANIFEST, name), name)
        if SIGNATURE not in names:
            raise PackageError(
                _(
                    "{path} is not signed, so nobody can tell whether it was changed on the way. Nothing was imported. "
                    "Ask the municipality to install the current version of GWA Desktop and export again "
                    "(File → Export for the district)."
                ).format(path=name)
            )
        _digest, signature = limits.read_member(
            archive, SIGNATURE, limits.MAX_SIGNATURE_BYTES, name
        )
        if not signing.is_valid(manifest.signer_key, signature, manifest_bytes):
            raise PackageError(
                _(
                    "The signature of {path} does not match its content: the package was changed after it was "
                    "written. Nothing was imported; ask the municipality for a new export."
                ).format(path=name)
            )
        if names != {MANIFEST, SIGNATURE, *manifest.members}:
            raise damaged_package(name)
        _check_created(manifest, name)
        members = {}
        for member, expected in manifest.members.items():
            digest, member_bytes = limits.read_member(
                archive,
                member,
                limits.MAX_MEMBER_BYTES,
                name,
                keep=member == OFFERS,
                sink=activities.feed if member == ACTIVITIES else None,
            )
            if digest != expected:
                raise PackageError(
                    _(
                        "The member {member} of {path} does not match its checksum: the package was changed or "
                        "damaged on the way. Nothing was imported; ask for a new export."
                    ).format(member=member, path=name)
                )
            members[member] = member_bytes
    return manifest, members


def _manifest(raw: Any, name: str) -> Manifest:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise not_a_package(name)
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(
            _(
                "{path} names a package format that GWA Desktop does not know ({version}). Nothing was imported; "
                "ask the municipality for a new export."
            ).format(path=name, version=json.dumps(version)[:20])
        )
    if version > FORMAT_VERSION:
        raise PackageError(
            _(
                "{path} was written by a newer version of GWA Desktop (package format {version}). Please install "
                "the newer program version to import it."
            ).format(path=name, version=version)
        )
    if version < OLDEST_READ_VERSION:
        raise _old_format(name)
    members = raw["members"]
    if (
        not isinstance(members, dict)
        or not {OFFERS, ACTIVITIES} <= set(members)
        or not all(
            isinstance(k, str) and isinstance(s, str) and len(s) == 64 for k, s in members.items()
        )
        or {MANIFEST, SIGNATURE} & set(members)
    ):
        raise damaged_package(name)
    texts = [raw[key] for key in ("program_version", "municipality", "district")]
    if (
        not all(isinstance(t, str) for t in texts)
        or not texts[1].strip()
        or not isinstance(raw["personal_data"], bool)
    ):
        raise damaged_package(name)
    signer = raw["signer"]
    key = (
        signing.decode_key(signer["public_key"])
        if isinstance(signer, dict) and isinstance(signer.get("public_key"), str)
        else None
    )
    if key is None or signer.get("algorithm") != signing.ALGORITHM:
        raise damaged_package(name)
    created = datetime.fromisoformat(raw["created_at"])
    if created.tzinfo is not None:
        raise damaged_package(name)
    period = Period(
        date.fromisoformat(raw["period"]["from"]), date.fromisoformat(raw["period"]["to"])
    )
    identity = identity_from_json(raw) if version >= 3 else None
    if version >= 3 and identity is None:
        raise damaged_package(name)
    return Manifest(
        texts[0],
        texts[1],
        texts[2],
        period,
        created,
        raw["personal_data"],
        members,
        key,
        version,
        identity,
    )


def _check_created(manifest: Manifest, name: str) -> None:
    """A package "from the future" would make every genuine newer one look older; refuse it."""
    if manifest.created_at > datetime.now() + CLOCK_SKEW:
        raise PackageError(
            _(
                "{path} says it was written on {date}, which is in the future. The clock of the municipality's "
                "computer or of this one is wrong, or the package was manipulated. Nothing was imported; check "
                "both dates and ask for a new export."
            ).format(path=name, date=f"{manifest.created_at:%d.%m.%Y %H:%M}")
        )


def _old_format(name: str) -> PackageError:
    return PackageError(
        _(
            "{path} was written by an older version of GWA Desktop (package format 1, without signature). Nothing "
            "was imported. Ask the municipality to install the current version and export again "
            "(File → Export for the district)."
        ).format(path=name)
    )


def _pieces(view: memoryview) -> list[memoryview]:
    return [view[start : start + COPY_CHUNK] for start in range(0, len(view), COPY_CHUNK)]


def _json(records: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        records, ensure_ascii=False, default=to_json_value, separators=(",", ":")
    ).encode("utf-8")
