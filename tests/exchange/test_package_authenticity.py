"""Forged, re-signed, renamed, replayed and future-dated packages: refused, the district file untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange import signing
from gwa_desktop.exchange.errors import SignerChanged
from gwa_desktop.exchange.records import Period
from gwa_desktop.services import installation_key
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import (
    IMPORTED,
    OLDER,
    REPLACED,
    UNCHANGED,
    import_package,
    import_packages,
)
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import open_database
from tests.exchange.sample_data import PERIOD

ATTACKER = signing.new_private_key()


def members_of(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build(target: Path, members: dict[str, bytes], stored: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(
                name,
                content,
                compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED,
            )
    return target


def mark_encrypted(target: Path) -> Path:
    """Set the "encrypted" flag of every member, as a WinZip AE-2 archive (format 1) has it."""
    content = bytearray(target.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = content.find(signature)
        while at >= 0:
            content[at + offset] |= 0x1
            at = content.find(signature, at + 4)
    target.write_bytes(bytes(content))
    return target


def resigned(members: dict[str, bytes], manifest: dict, key: bytes | None) -> dict[str, bytes]:
    """The members with `manifest` written and, with a key, signed by it (signer set to that key)."""
    if key is not None:
        manifest = dict(
            manifest,
            signer={
                "algorithm": "Ed25519",
                "public_key": signing.encode_key(signing.public_key_of(key)),
            },
        )
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    changed = dict(members, **{"manifest.json": raw})
    if key is not None:
        changed["manifest.sig"] = signing.sign(key, raw)
    return changed


def snapshot(database) -> tuple[bytes, list[str]]:
    """The district database file's bytes and its dump, with every connection closed."""
    database.engine.dispose()
    path = database.file_path
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    with sqlite3.connect(path) as connection:
        dump = list(connection.iterdump())
    connection.close()
    return path.read_bytes(), dump


@pytest.fixture
def genuine(filled, tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return export_district(
        filled.database, Period(*PERIOD), folder, created=datetime(2026, 11, 15, 10)
    )


@pytest.fixture
def second_village(tmp_path, template_database):
    """Another municipality's installation, with its own key."""
    path = tmp_path / "birkenau.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    SettingsService(database).save(
        MunicipalityData(name="Gemeinde Birkenau", district="Landkreis Süd")
    )
    yield database
    database.close()


def forged_variants(filled, genuine: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Each attack as a file and the words its refusal must contain."""
    folder.mkdir(exist_ok=True)
    members = members_of(genuine)
    manifest = json.loads(members["manifest.json"])
    village_key = installation_key.private_key(filled.database)
    activities = json.loads(members["data/activities.json"])
    for activity in activities:
        activity["participants_total"] *= 100
    inflated = json.dumps(activities).encode()
    forged_manifest = dict(
        manifest,
        members=dict(
            manifest["members"], **{"data/activities.json": hashlib.sha256(inflated).hexdigest()}
        ),
    )
    forged_members = dict(members, **{"data/activities.json": inflated})
    future = (datetime.now() + timedelta(days=3)).replace(microsecond=0).isoformat()
    without_signature = {
        name: content for name, content in members.items() if name != "manifest.sig"
    }
    variants = {
        "figures x100, checksums recomputed": (
            resigned(forged_members, forged_manifest, None),
            "signature",
        ),
        "figures x100, re-signed with another key": (
            resigned(forged_members, forged_manifest, ATTACKER),
            "another key",
        ),
        "re-signed with another key, unchanged figures": (
            resigned(members, manifest, ATTACKER),
            "another key",
        ),
        "renamed, not re-signed": (
            resigned(members, dict(manifest, municipality="Gemeinde Birkenau"), None),
            "signature",
        ),
        "renamed, re-signed with another key": (
            resigned(members, dict(manifest, municipality="Gemeinde Birkenau"), ATTACKER),
            "another key",
        ),
        "future created date, signed by the village": (
            resigned(members, dict(manifest, created_at=future), village_key),
            "future",
        ),
        "future created date, not re-signed": (
            resigned(members, dict(manifest, created_at=future), None),
            "signature",
        ),
        "unsigned": (without_signature, "not signed"),
        "truncated signature": (
            dict(members, **{"manifest.sig": members["manifest.sig"][:-1]}),
            "signature",
        ),
        "empty signature": (dict(members, **{"manifest.sig": b""}), "signature"),
        "signature of another manifest": (
            dict(
                resigned(members, dict(manifest, district="Anderswo"), None),
                **{"manifest.sig": signing.sign(village_key, b"{}")},
            ),
            "signature",
        ),
        "altered member, old checksum": (
            dict(members, **{"csv/aktivitaeten.csv": members["csv/aktivitaeten.csv"] + b"x"}),
            "checksum",
        ),
        "extra member": (dict(members, **{"data/extra.json": b"[]"}), "damaged"),
        "format 1 (old, unsigned)": (
            resigned(without_signature, dict(manifest, format_version=1), None),
            "older version",
        ),
        "old AE-2 encryption": ("ae2", "older version"),
        "signer key malformed": (
            resigned(
                members, dict(manifest, signer={"algorithm": "Ed25519", "public_key": "AAAA"}), None
            ),
            "damaged",
        ),
        "other signature algorithm": (
            resigned(
                members, dict(manifest, signer=dict(manifest["signer"], algorithm="RSA")), None
            ),
            "damaged",
        ),
    }
    for version in (0, -1, 999, "2", 2.0, True, None):
        words = "newer version" if version == 999 else "does not know"
        variants[f"format version {version!r}, signed by the village"] = (
            resigned(members, dict(manifest, format_version=version), village_key),
            words,
        )
    paths = {}
    for number, (name, (content, words)) in enumerate(variants.items()):
        target = folder / f"Kreisbericht_{number:02}.zip"
        if content == "ae2":
            mark_encrypted(build(target, members))
        else:
            build(target, content)
        paths[name] = (target, words)
    return paths


def test_every_forged_package_is_refused_and_the_district_file_is_unchanged(
    filled, genuine, second_village, other_database, tmp_path
):
    birkenau = export_district(
        second_village, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 14, 9)
    )
    assert [
        r.outcome for r in import_packages(other_database, [genuine, birkenau], receipts=tmp_path)
    ] == [IMPORTED, IMPORTED]
    variants = forged_variants(filled, genuine, tmp_path / "forged")
    before = snapshot(other_database)

    refused = []
    for name, (path, words) in variants.items():
        (result,) = import_packages(other_database, [path], receipts=tmp_path / "receipts")
        assert result.refused, name
        assert words in result.message, (name, result.message)
        refused.append(name)

    assert snapshot(other_database) == before
    assert not (tmp_path / "receipts").exists()
    assert len(refused) == len(variants) == 24
    assert [v.figures.participants_total for v in village_figures(other_database)] == [0, 202]


def test_a_replayed_package_changes_no_byte(filled, genuine, other_database, tmp_path):
    from datetime import date

    from gwa_desktop.domain.activity import ActivityData
    from gwa_desktop.domain.enums import ActivityKind

    import_package(other_database, genuine, receipts=tmp_path)
    filled.activities.create(
        ActivityData(
            occurred_on=date(2026, 11, 5),
            kind=ActivityKind.EVENT,
            title="Laternenlauf",
            participants_total=40,
        )
    )
    newer = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 20, 9)
    )
    assert import_package(other_database, newer, receipts=tmp_path).outcome == REPLACED
    before = snapshot(other_database)

    assert import_package(other_database, newer, receipts=tmp_path).outcome == UNCHANGED
    assert import_package(other_database, genuine, receipts=tmp_path).outcome == OLDER

    assert snapshot(other_database) == before


def test_a_future_dated_package_cannot_block_the_genuine_newer_one(
    filled, genuine, other_database, tmp_path
):
    import_package(other_database, genuine, receipts=tmp_path)
    (forged, words) = forged_variants(filled, genuine, tmp_path / "forged")[
        "future created date, signed by the village"
    ]
    (result,) = import_packages(other_database, [forged])
    assert result.refused and words in result.message
    newer = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime.now().replace(microsecond=0)
    )
    assert import_package(other_database, newer, receipts=tmp_path).outcome == REPLACED


def test_the_first_import_pins_the_key_and_the_receipt_shows_its_fingerprint(
    filled, genuine, other_database, tmp_path
):
    fingerprint = installation_key.fingerprint(filled.database)
    assert len(fingerprint) == 19 and fingerprint.count("-") == 3

    result = import_package(other_database, genuine, receipts=tmp_path)

    assert fingerprint in result.message and "phone" in result.message
    receipt = result.receipt.read_text(encoding="utf-8-sig")
    assert f"Schlüssel:       {fingerprint}" in receipt and "erstmals festgehalten" in receipt
    again = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 16, 10)
    )
    receipt = import_package(other_database, again, receipts=tmp_path).receipt.read_text(
        encoding="utf-8-sig"
    )
    assert f"bekannt seit {datetime.now():%d.%m.%Y}" in receipt


def test_a_new_laptop_is_accepted_only_with_the_fingerprint_read_out_by_phone(
    filled, genuine, other_database, tmp_path
):
    import_package(other_database, genuine, receipts=tmp_path)
    with filled.database.session() as session:  # the village's laptop was replaced: a new key
        session.execute(__import__("sqlalchemy").text("DELETE FROM installation_keys"))
    new_fingerprint = installation_key.fingerprint(filled.database)
    newer = export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 20, 9)
    )

    (refused,) = import_packages(other_database, [newer])
    assert isinstance(refused.error, SignerChanged) and refused.error.offered == new_fingerprint
    (still_refused,) = import_packages(other_database, [newer], accept_key="AAAA-BBBB-CCCC-DDDD")
    assert still_refused.refused

    (accepted,) = import_packages(
        other_database,
        [newer],
        receipts=tmp_path,
        accept_key=new_fingerprint.lower().replace("-", " "),
    )
    assert accepted.outcome == REPLACED and new_fingerprint in accepted.message
    assert "ersetzt" in accepted.receipt.read_text(encoding="utf-8-sig")
    with sqlite3.connect(other_database.file_path) as connection:
        (changes,) = connection.execute("SELECT COUNT(*) FROM village_key_changes").fetchone()
    connection.close()
    assert changes == 1
    # the old key is now the stranger
    (old_again,) = import_packages(other_database, [genuine])
    assert isinstance(old_again.error, SignerChanged)


def test_the_key_travels_with_the_database(filled, tmp_path):
    before = installation_key.fingerprint(filled.database)
    copy = tmp_path / "copy.sqlite"
    filled.database.engine.dispose()
    shutil.copy(filled.database.file_path, copy)
    restored = open_database(str(copy))
    try:
        assert installation_key.fingerprint(restored) == before
    finally:
        restored.close()
