"""District mode: round trip, idempotent and replacing imports, receipts, refused packages."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.disclosure import suppression_footnote
from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import (
    IMPORTED,
    OLDER,
    REPLACED,
    UNCHANGED,
    import_package,
    import_packages,
)
from gwa_desktop.services.district_overview import (
    combined_datasets,
    export_combined,
    village_figures,
)
from tests.exchange.package_helpers import (
    as_another_installation,
    figures_from_sql,
    labelled_values,
)
from tests.exchange.reference_figures import compute
from tests.exchange.sample_data import PERIOD, PRIVATE_DETAILS

PASSWORD = "Lindental im Herbst 2026"


def district_rows(database) -> tuple[int, int, int]:
    with database.engine.connect() as connection:
        return tuple(
            connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
            for t in ("district_packages", "district_offers", "district_activities")
        )


def rewrite(source: Path, target: Path, changes: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, changes.get(name, old.read(name)))
    return target


@pytest.fixture
def package(filled, tmp_path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    return export_district(
        filled.database, Period(*PERIOD), stick, created=datetime(2026, 11, 15, 10)
    )


def test_round_trip_figures_in_the_district_equal_the_source(filled, package, other_database):
    period = Period(*PERIOD)
    (result,) = import_packages(other_database, [package])
    assert result.outcome == IMPORTED and not result.refused

    (village,) = village_figures(other_database)
    source = figures_from_sql(filled.database, period)
    assert village.municipality == "Gemeinde Lindental" and village.period == period
    assert (village.figures.activities, village.figures.participants_total) == (
        source["activities"],
        source["participants"],
    )
    assert village.figures.volunteer_hours == pytest.approx(source["hours"])
    exported = collect(filled.database, period)
    assert compute(exported.offers, exported.activities) == village.figures
    assert combined_datasets(other_database)[0].activities == exported.activities


def test_the_same_package_twice_changes_nothing(package, other_database):
    import_package(other_database, package)
    before = district_rows(other_database)
    result = import_package(other_database, package)
    assert result.outcome == UNCHANGED
    assert district_rows(other_database) == before


def test_a_newer_package_replaces_the_older_and_an_older_never_overwrites(
    filled, package, other_database, tmp_path
):
    import_package(other_database, package)
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

    assert import_package(other_database, newer).outcome == REPLACED
    (village,) = village_figures(other_database)
    assert village.figures.activities == 9 and district_rows(other_database)[0] == 1

    assert import_package(other_database, package).outcome == OLDER
    assert village_figures(other_database)[0].figures.activities == 9


def test_every_import_writes_a_receipt_with_checksums(package, other_database, tmp_path):
    result = import_package(other_database, package, receipts=tmp_path)
    receipt = result.receipt.read_text(encoding="utf-8-sig")
    manifest = json.loads(zipfile.ZipFile(package).read("manifest.json"))
    assert (
        "Gemeinde Lindental" in receipt
        and "01.01.2026 – 31.12.2026" in receipt
        and "3 Angebote, 8 Aktivitäten" in receipt
    )
    for name, digest in manifest["members"].items():
        assert f"{digest}  {name}" in receipt


def test_packages_of_several_villages_combine(filled, package, other_database, tmp_path):
    as_another_installation(filled.database)
    filled.settings.save(
        filled.settings.get().__class__(name="Gemeinde Birkenau", district="Landkreis Süd")
    )
    second = export_district(filled.database, Period(*PERIOD), tmp_path)
    results = import_packages(other_database, [package, second])
    assert [r.outcome for r in results] == [IMPORTED, IMPORTED]
    assert [v.municipality for v in village_figures(other_database)] == [
        "Gemeinde Birkenau",
        "Gemeinde Lindental",
    ]

    from openpyxl import load_workbook

    book = load_workbook(export_combined(other_database, tmp_path))
    overview = labelled_values(book["Übersicht"])
    assert overview["Gemeinde"] == "2 Gemeinden" and overview["Aktivitäten"] == 16
    assert [row[0] for row in book["Gemeinden"].iter_rows(min_row=2, values_only=True)] == [
        "Gemeinde Birkenau",
        "Gemeinde Lindental",
    ]
    rows = list(book["Aktivitäten je Gemeinde"].iter_rows(min_row=2, values_only=True))
    by_village = rows[: [row[0] for row in rows].index(None)]
    assert {row[0] for row in by_village} == {"Gemeinde Birkenau", "Gemeinde Lindental"}
    # A village's month of one activity is hidden, and so is a second cell of that sum;
    # the footnote says so.
    assert rows[-1][0] == suppression_footnote(3)
    shown = [row[-4] for row in by_village if row[-4] != HIDDEN]
    assert sum(shown) < 16 and len(shown) < len(by_village)
    assert sum(row[-3] for row in by_village) == 2 * 202  # no month has fewer than 3 people
    assert "Aktivitäten" not in book.sheetnames


def test_an_encrypted_package_needs_its_password_and_brings_no_personal_data(
    filled, other_database, tmp_path
):
    path = export_district(filled.database, Period(*PERIOD), tmp_path, password=PASSWORD)
    with pytest.raises(PackageError, match="encrypted"):
        import_package(other_database, path)
    with pytest.raises(PackageError, match="password"):
        import_package(other_database, path, password="falsches Passwort!")
    assert district_rows(other_database) == (0, 0, 0)
    assert import_package(other_database, path, password=PASSWORD).outcome == IMPORTED
    dump = "\n".join(sqlite3.connect(other_database.file_path).iterdump())
    for detail in PRIVATE_DETAILS:
        assert detail not in dump


def refused_variants(package: Path, folder: Path) -> dict[str, Path]:
    content = package.read_bytes()
    manifest = json.loads(zipfile.ZipFile(package).read("manifest.json"))
    variants = {
        "truncated": content[: len(content) // 2],
        "corrupt": content[:200] + bytes(b ^ 0x5A for b in content[200:400]) + content[400:],
        "not a package": b"Liebe Kreisverwaltung, anbei die Zahlen.",
        "empty": b"",
    }
    paths = {name: folder / f"{name}.zip" for name in variants}
    for name, data in variants.items():
        paths[name].write_bytes(data)
    activities = json.loads(zipfile.ZipFile(package).read("data/activities.json"))
    activities[0]["participants_total"] = 999
    paths["manipulated member"] = rewrite(
        package,
        folder / "manipulated.zip",
        {"data/activities.json": json.dumps(activities).encode()},
    )
    newer = dict(manifest, format_version=999)
    paths["newer format"] = rewrite(
        package, folder / "newer.zip", {"manifest.json": json.dumps(newer).encode()}
    )
    other_zip = folder / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff")
    paths["other zip"] = other_zip
    return paths


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        ("truncated", "damaged"),
        ("corrupt", "damaged"),
        ("not a package", "not a GWA district package"),
        ("empty", "not a GWA district package"),
        ("manipulated member", "checksum"),
        ("newer format", "newer version"),
        ("other zip", "not a GWA district package"),
    ],
)
def test_bad_packages_are_refused_and_change_nothing(
    package, other_database, tmp_path, variant, message
):
    folder = tmp_path / "bad"
    folder.mkdir()
    path = refused_variants(package, folder)[variant]
    (result,) = import_packages(other_database, [path], receipts=tmp_path / "receipts")
    assert result.refused and message in result.message
    assert district_rows(other_database) == (0, 0, 0)
    assert not (tmp_path / "receipts").exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in refused_variants(package, folder).values()
    )


def test_a_refused_package_does_not_stop_the_others(package, other_database, tmp_path):
    bad = tmp_path / "kaputt.zip"
    bad.write_bytes(package.read_bytes()[:-100])
    results = import_packages(other_database, [bad, package])
    assert [r.refused for r in results] == [True, False]
    assert district_rows(other_database)[0] == 1


def test_an_existing_database_is_upgraded_to_district_mode(tmp_path):
    from gwa_desktop.storage.database import open_database
    from tests.storage.test_migrations import old_database, row_counts

    path = old_database(tmp_path / "alt.sqlite")
    before = row_counts(path)
    database = open_database(str(path), backup_dir=tmp_path / "backups")
    try:
        assert district_rows(database) == (0, 0, 0)
        assert row_counts(path) == before
    finally:
        database.close()
