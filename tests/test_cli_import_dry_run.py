"""`gwa import --dry-run`: the verdict on each package, printed, and nothing stored."""

from __future__ import annotations

import shutil
from datetime import date, datetime

from gwa_desktop.cli.main import main
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from tests.exchange.sample_data import fill


def test_the_dry_run_prints_each_verdict_and_stores_nothing(
    database_path, template_database, tmp_path, capsys
):
    village = open_database(str(database_path))
    fill(Services.on(village))
    first, second = (tmp_path / "a", tmp_path / "b")
    first.mkdir(), second.mkdir()
    quarter = Period(date(2026, 1, 1), date(2026, 3, 31))
    old = export_district(village, quarter, first, created=datetime(2026, 4, 1, 9))
    new = export_district(village, quarter, second, created=datetime(2026, 4, 2, 9))
    village.close()
    district = tmp_path / "district.sqlite"
    shutil.copy(template_database, district)
    base = ["--database", str(district)]
    assert main([*base, "import", str(old)]) == 0
    before = district.read_bytes()
    capsys.readouterr()

    code = main([*base, "import", "--dry-run", str(new), str(old)])

    out = capsys.readouterr().out
    assert code == 2  # the older package would not be taken
    lines = out.splitlines()
    assert lines[0].split("\t") == [
        new.name,
        "ersetzt",
        "Gemeinde Lindental, 01.01.2026 – 31.03.2026",
    ]
    assert lines[1].startswith("  Ersetzt das Paket für 01.01.2026 – 31.03.2026 vom 01.04.2026")
    assert lines[2].split("\t")[1] == "abgelehnt" and "neueres Paket" in lines[3]
    assert lines[-1] == "Probelauf: nichts wurde importiert."
    assert district.read_bytes() == before
