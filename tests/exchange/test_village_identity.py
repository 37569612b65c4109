"""Villages known by installation id (issue 17, item 1): renaming, replacement chains, bad input.

The district runs on SQLite and, when GWA_TEST_POSTGRESQL_URL names a database, on
PostgreSQL too; the villages are SQLite files.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange import signing
from gwa_desktop.exchange.package import FORMAT_VERSION, read_package
from gwa_desktop.exchange.records import Period
from gwa_desktop.services import district_identity, installation_identity, installation_key
from gwa_desktop.services.district_dry_run import (
    NEW,
    NEW_VILLAGE,
    REFUSED,
    REPLACES,
    SAME,
    dry_run,
)
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, REPLACED, import_package
from gwa_desktop.services.district_overview import export_combined, village_figures
from gwa_desktop.services.registry import Services
from tests.exchange.package_helpers import as_another_installation
from tests.exchange.sample_data import PERIOD, fill
from tests.exchange.test_package_authenticity import build, members_of, resigned
from tests.services.backends import each_backend

YEAR = Period(*PERIOD)


@pytest.fixture(params=["sqlite", "postgresql"])
def district(request):
    """The district office's database (the village's is `database`)."""
    yield from each_backend(request, "other_database")


def dump(database) -> list[tuple]:
    """Every row of the tables an import writes."""
    tables = (
        "district_packages",
        "district_offers",
        "district_activities",
        "village_keys",
        "village_key_changes",
        "received_packages",
        "import_lock",
    )
    with database.engine.connect() as connection:
        return [
            (table, *row)
            for table in tables
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
        ]


Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))


def folder(tmp_path, name: str):
    """A stick of its own per package, since packages of one period share a file name."""
    path = tmp_path / name
    path.mkdir(exist_ok=True)
    return path


def manifest_of(path) -> dict:
    return json.loads(zipfile.ZipFile(path).read("manifest.json"))


def add_activity(services: Services, day: date, people: int = 40) -> None:
    services.activities.create(
        ActivityData(
            occurred_on=day,
            kind=ActivityKind.EVENT,
            title="Laternenlauf",
            participants_total=people,
        )
    )


def rename(services: Services, name: str) -> None:
    services.settings.save(MunicipalityData(name=name, district="Landkreis Süd"))


def stored(database) -> list[tuple]:
    with database.engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text(
                    "SELECT municipality, sent_name, period_start, installation_id, package_id, "
                    "replaces FROM district_packages ORDER BY period_start"
                )
            )
        ]


def test_each_installation_has_one_stable_id_and_packages_carry_it(filled, tmp_path):
    first = installation_identity.installation_id(filled.database)
    assert installation_identity.installation_id(filled.database) == first
    package = export_district(filled.database, YEAR, tmp_path, created=datetime(2026, 11, 1, 9))
    manifest = manifest_of(package)
    assert manifest["format_version"] == FORMAT_VERSION == 3
    assert manifest["installation_id"] == first and manifest["replaces"] is None
    assert read_package(package).manifest.identity.package == manifest["package_id"] != first


def test_a_renamed_village_keeps_its_history_under_its_current_name(filled, district, tmp_path):
    first = export_district(filled.database, Q1, tmp_path, created=datetime(2026, 4, 2, 9))
    rename(filled, "Lindental-Nord")
    second = export_district(filled.database, Q2, tmp_path, created=datetime(2026, 7, 2, 9))

    assert import_package(district, first).outcome == IMPORTED
    result = import_package(district, second)

    assert result.outcome == IMPORTED and "Gemeinde Lindental is now called" in result.message
    assert [v.municipality for v in village_figures(district)] == ["Lindental-Nord"] * 2
    rows = stored(district)
    assert [(r[0], r[1]) for r in rows] == [
        ("Lindental-Nord", "Gemeinde Lindental"),
        ("Lindental-Nord", "Lindental-Nord"),
    ]
    assert {r[3] for r in rows} == {installation_identity.installation_id(filled.database)}
    book = load_workbook(export_combined(district, tmp_path))
    names = {row[0] for row in book["Gemeinden"].iter_rows(min_row=2, values_only=True)}
    assert "Lindental-Nord" in names and "Gemeinde Lindental" not in names
    with district.engine.connect() as connection:
        keys = connection.execute(text("SELECT municipality FROM village_keys")).all()
    assert keys == [("Lindental-Nord",)]


def test_an_older_package_arriving_late_does_not_bring_the_old_name_back(
    filled, district, tmp_path
):
    first = export_district(filled.database, Q1, tmp_path, created=datetime(2026, 4, 2, 9))
    rename(filled, "Lindental-Nord")
    second = export_district(filled.database, Q2, tmp_path, created=datetime(2026, 7, 2, 9))
    import_package(district, second)
    import_package(district, first)
    assert [v.municipality for v in village_figures(district)] == ["Lindental-Nord"] * 2


def test_a_replacement_chain_counts_only_the_last_package(filled, district, tmp_path):
    a = export_district(
        filled.database, YEAR, folder(tmp_path, "a"), created=datetime(2026, 11, 1, 9)
    )
    add_activity(filled, date(2026, 11, 2), 40)
    b = export_district(
        filled.database, YEAR, folder(tmp_path, "b"), created=datetime(2026, 11, 2, 9)
    )
    add_activity(filled, date(2026, 11, 3), 50)
    c = export_district(
        filled.database, YEAR, folder(tmp_path, "c"), created=datetime(2026, 11, 3, 9)
    )
    ids = [manifest_of(p)["package_id"] for p in (a, b, c)]
    assert [manifest_of(p)["replaces"] for p in (a, b, c)] == [None, ids[0], ids[1]]

    results = [import_package(district, p, receipts=tmp_path) for p in (a, b, c)]

    assert [r.outcome for r in results] == [IMPORTED, REPLACED, REPLACED]
    receipt = results[2].receipt.read_text(encoding="utf-8-sig")
    assert f"Paket-Kennung:   {ids[2]}" in receipt and f"Ersetzt Paket:   {ids[1]}" in receipt
    ((_name, _sent, _start, _installation, package_id, replaces),) = stored(district)
    assert (package_id, replaces) == (ids[2], ids[1])
    (village,) = village_figures(district)
    assert village.figures.activities == len(read_package(c).data.activities) == 10
    assert village.figures.participants_total == 202 + 40 + 50
    # B came and went: its id is remembered, so B again is judged against C and not taken.
    (verdict,) = dry_run(district, [b])
    assert verdict.verdict == REFUSED and "newer package" in verdict.reason


def test_the_dry_run_names_each_case(filled, district, tmp_path):
    a = export_district(filled.database, Q1, folder(tmp_path, "a"), created=datetime(2026, 4, 1, 9))
    import_package(district, a)
    add_activity(filled, date(2026, 2, 2))
    b = export_district(filled.database, Q1, folder(tmp_path, "b"), created=datetime(2026, 4, 2, 9))
    q2 = export_district(
        filled.database, Q2, folder(tmp_path, "q2"), created=datetime(2026, 7, 1, 9)
    )

    verdicts = dry_run(district, [a, b, q2])

    assert [v.verdict for v in verdicts] == [SAME, REPLACES, NEW]
    assert "01.01.2026 – 31.03.2026" in verdicts[1].reason
    assert manifest_of(a)["package_id"][:8] in verdicts[1].reason
    assert verdicts[2].municipality == "Gemeinde Lindental" and not verdicts[2].warnings


def test_a_package_from_an_unknown_installation_is_a_new_village_to_confirm(
    filled, district, tmp_path
):
    package = export_district(filled.database, YEAR, tmp_path)
    (verdict,) = dry_run(district, [package])
    assert verdict.verdict == NEW_VILLAGE and verdict.taken
    assert installation_key.fingerprint(filled.database) in verdict.reason


def test_a_package_replacing_one_the_district_never_got_is_pointed_out(filled, district, tmp_path):
    export_district(
        filled.database, YEAR, folder(tmp_path, "lost"), created=datetime(2026, 11, 1, 9)
    )
    second = export_district(filled.database, YEAR, tmp_path, created=datetime(2026, 11, 2, 9))

    (verdict,) = dry_run(district, [second])

    assert verdict.verdict == NEW_VILLAGE
    assert any("never received" in w for w in verdict.warnings)
    result = import_package(district, second)
    assert result.outcome == IMPORTED and "never received" in result.message


def test_a_package_id_seen_before_with_other_content_is_refused(
    filled, district, tmp_path, monkeypatch
):
    first = export_district(
        filled.database, YEAR, folder(tmp_path, "a"), created=datetime(2026, 11, 1, 9)
    )
    import_package(district, first)
    reused = manifest_of(first)["package_id"]
    with filled.database.session() as session:
        session.execute(text("DELETE FROM exported_packages"))
    monkeypatch.setattr(installation_identity, "new_id", lambda: reused)
    add_activity(filled, date(2026, 11, 2))
    second = export_district(
        filled.database, YEAR, folder(tmp_path, "b"), created=datetime(2026, 11, 2, 9)
    )
    before = stored(district)

    (verdict,) = dry_run(district, [second])
    assert verdict.verdict == REFUSED and "imported before, with other content" in verdict.reason
    with pytest.raises(district_identity.PackageIdReused):
        import_package(district, second)
    assert stored(district) == before


def test_two_installations_claiming_one_name_are_refused(
    filled, district, tmp_path, template_database
):
    import shutil

    from gwa_desktop.storage.database import open_database

    import_package(district, export_district(filled.database, YEAR, folder(tmp_path, "a")))
    path = tmp_path / "copycat.sqlite"
    shutil.copy(template_database, path)
    copycat = open_database(str(path))
    try:
        fill(Services.on(copycat))  # the same name, another installation
        package = export_district(copycat, Q1, folder(tmp_path, "b"))
    finally:
        copycat.close()
    before = stored(district)

    (verdict,) = dry_run(district, [package])

    assert (
        verdict.verdict == REFUSED and "already sends its packages under the name" in verdict.reason
    )
    assert stored(district) == before


def test_two_new_villages_with_one_name_in_one_batch_are_seen_in_the_dry_run(
    filled, district, tmp_path
):
    a = export_district(filled.database, YEAR, folder(tmp_path, "a"))
    as_another_installation(filled.database)
    b = export_district(filled.database, Q1, folder(tmp_path, "b"))
    assert [v.verdict for v in dry_run(district, [a, b])] == [NEW_VILLAGE, REFUSED]
    assert stored(district) == []


def test_one_installation_under_two_keys_is_refused(filled, district, tmp_path):
    import_package(district, export_district(filled.database, Q1, folder(tmp_path, "a")))
    with filled.database.session() as session:  # a copied database that made itself a new key
        session.execute(text("DELETE FROM installation_keys"))
    package = export_district(filled.database, Q2, folder(tmp_path, "b"))

    (verdict,) = dry_run(district, [package])

    assert verdict.verdict == REFUSED and "another key" in verdict.reason
    assert len(stored(district)) == 1


def test_a_period_the_district_does_not_expect_is_a_warning(
    filled, district, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        district_identity,
        "unexpected_period",
        lambda session, installation, municipality, period: f"{municipality}: not expected",
    )
    (verdict,) = dry_run(district, [export_district(filled.database, YEAR, tmp_path)])
    assert verdict.verdict == NEW_VILLAGE
    assert "Gemeinde Lindental: not expected" in verdict.warnings


def format_2(filled, package, target):
    """The package as the previous version wrote it: format 2, without ids, signed by the village."""
    members = members_of(package)
    manifest = json.loads(members["manifest.json"])
    for key in ("installation_id", "package_id", "replaces"):
        del manifest[key]
    manifest["format_version"] = 2
    key = installation_key.private_key(filled.database)
    return build(target, resigned(members, manifest, key))


def test_a_format_2_package_is_known_by_name_and_adopted_by_the_first_format_3(
    filled, district, tmp_path
):
    old = format_2(
        filled,
        export_district(
            filled.database, Q1, folder(tmp_path, "a"), created=datetime(2026, 4, 1, 9)
        ),
        tmp_path / "old.zip",
    )
    (verdict,) = dry_run(district, [old])
    assert verdict.verdict == NEW_VILLAGE
    assert any("package format 2" in w for w in verdict.warnings)
    assert import_package(district, old).outcome == IMPORTED
    assert stored(district)[0][3:] == (None, None, None)

    rename(filled, "Lindental-Nord")
    new = export_district(
        filled.database, Q2, folder(tmp_path, "b"), created=datetime(2026, 7, 1, 9)
    )
    (verdict,) = dry_run(district, [new])
    assert verdict.verdict == NEW, verdict
    import_package(district, new)

    installation = installation_identity.installation_id(filled.database)
    assert [(r[0], r[3]) for r in stored(district)] == [("Lindental-Nord", installation)] * 2
    with district.engine.connect() as connection:
        keys = connection.execute(
            text("SELECT municipality, installation_id, public_key FROM village_keys")
        ).all()
    assert keys == [
        (
            "Lindental-Nord",
            installation,
            signing.public_key_of(installation_key.private_key(filled.database)),
        )
    ]


def test_the_dry_run_stores_nothing(filled, district, tmp_path):
    from gwa_desktop.storage.database import open_database

    first = export_district(
        filled.database, Q1, folder(tmp_path, "a"), created=datetime(2026, 4, 1, 9)
    )
    import_package(district, first)
    add_activity(filled, date(2026, 2, 2))
    packages = [
        first,
        export_district(
            filled.database, Q1, folder(tmp_path, "b"), created=datetime(2026, 4, 2, 9)
        ),
        export_district(
            filled.database, Q2, folder(tmp_path, "c"), created=datetime(2026, 7, 1, 9)
        ),
    ]
    rows = dump(district)
    if not district.is_sqlite:
        assert [v.verdict for v in dry_run(district, packages)] == [SAME, REPLACES, NEW]
        assert dump(district) == rows
        return
    path = district.file_path
    district.close()
    before = path.read_bytes()
    reopened = open_database(str(path))
    try:
        verdicts = dry_run(reopened, packages)
        assert dump(reopened) == rows
    finally:
        reopened.close()
    assert [v.verdict for v in verdicts] == [SAME, REPLACES, NEW]
    assert path.read_bytes() == before
