"""`gwa district overview|workbook`: the combined figures from scripts, hidden as everywhere."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from gwa_desktop.cli.main import main
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from tests.exchange.sample_data import fill


def test_the_district_commands_show_and_write_the_hidden_figures(
    database_path, template_database, tmp_path, capsys
):
    village = open_database(str(database_path))
    fill(Services.on(village))
    package = export_district(village, Period(date(2026, 1, 1), date(2026, 12, 31)), tmp_path)
    village.close()
    district = tmp_path / "district.sqlite"
    shutil.copy(template_database, district)
    base = ["--database", str(district)]
    assert main([*base, "import", str(package)]) == 0
    assert main([*base, "threshold", "10"]) == 0  # 8 activities are now a small count
    capsys.readouterr()

    assert main([*base, "district", "overview"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:5] == [
        "Gemeinde",
        "Zeitraum",
        "Angebote",
        "Aktivitäten",
        "Teilnehmende",
    ]
    assert lines[1].split("\t")[:5] == [
        "Gemeinde Lindental",
        "01.01.2026 – 31.12.2026",
        "3",
        ".",
        "202",
    ]
    assert lines[-1] == ". = weniger als 10 Fälle, oder aus einer Summe errechenbar"

    assert main([*base, "district", "workbook", "--out", str(tmp_path)]) == 0

    written = Path(capsys.readouterr().out.strip())
    rows = list(load_workbook(written, read_only=True)["Gemeinden"].iter_rows(values_only=True))
    assert rows[1][:5] == ("Gemeinde Lindental", "01.01.2026 – 31.12.2026", 3, ".", 202)
