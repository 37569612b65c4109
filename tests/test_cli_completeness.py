"""`gwa district completeness|reminders|municipalities`: the list, the grid, the reminder PDF."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

from gwa_desktop.cli.main import main
from gwa_desktop.storage.database import open_database
from tests.services.district_rows import add_package as add_row


def add_package(path, municipality, start, end, imported):
    database = open_database(str(path))
    try:
        add_row(database, municipality, start, end, imported)
    finally:
        database.close()


def test_the_list_the_grid_and_the_reminders(database_path, tmp_path, capsys):
    base = ["--database", str(database_path)]
    gwa = lambda *words: main([*base, *words])  # noqa: E731
    assert (
        gwa(
            "district",
            "municipalities",
            "add",
            "Lindental",
            "--ags",
            "09162000",
            "--active-from",
            "2026-01-01",
            "--note",
            "Frau Beispiel, Tel. 0151 2345678",
        )
        == 0
    )
    assert gwa("district", "municipalities", "add", "Birkenau", "--active-from", "2026-01-01") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Als Nummer 1 hinzugefügt.",
        "Als Nummer 2 hinzugefügt.",
    ]
    # A bad key is refused with the reason, and nothing is stored.
    assert gwa("district", "municipalities", "add", "Eichberg", "--ags", "0916200") == 2
    assert "genau acht Ziffern" in capsys.readouterr().err
    assert gwa("district", "municipalities", "edit", "7", "--grace-days", "10") == 1
    assert "keinen Eintrag mit der Nummer 7" in capsys.readouterr().err
    assert gwa("district", "municipalities", "edit", "2", "--cycle", "half_yearly") == 0
    assert gwa("district", "municipalities", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:5] for line in lines[1:]] == [
        ["2", "Birkenau", "", "halbjährlich", "01.01.2026"],
        ["1", "Lindental", "09162000", "vierteljährlich", "01.01.2026"],
    ]

    add_package(
        database_path, "Lindental", date(2026, 1, 1), date(2026, 3, 31), datetime(2026, 4, 9)
    )
    add_package(
        database_path, "Kiefersee", date(2026, 1, 1), date(2026, 3, 31), datetime(2026, 4, 9)
    )
    on = ["--from", "2026-01-01", "--to", "2026-09-30", "--on", "2026-08-15"]
    assert gwa("district", "completeness", *on) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == [
        "Gemeinde",
        "Q1 2026",
        "Q2 2026",
        "1. Hj. 2026",
        "Q3 2026",
        "2. Hj. 2026",
    ]
    assert rows[1] == ["Birkenau", "", "", "✗ überfällig", "", "○ noch nicht fällig"]
    assert rows[2] == ["Lindental", "✓ eingegangen", "✗ überfällig", "", "○ noch nicht fällig", ""]
    assert rows[3][:3] == [
        "Meldequote",
        "1 von 1 (100 %), pünktlich 1 (100 %)",
        "0 von 1 (0 %), pünktlich 0 (0 %)",
    ]
    assert rows[-1] == ["Pakete von Gemeinden, die nicht auf der Liste stehen: Kiefersee"]

    assert gwa("district", "completeness", *on, "--format", "json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(p["start"], p["expected"], p["received"]) for p in shown["periods"]] == [
        ("2026-01-01", 1, 1),
        ("2026-04-01", 1, 0),
        ("2026-01-01", 1, 0),
        ("2026-07-01", 1, 0),
        ("2026-07-01", 1, 0),
    ]
    lindental = shown["municipalities"][1]
    assert [p["status"] for p in lindental["periods"]] == ["on_time", "overdue", "not_yet_due"]
    assert shown["unknown"] == ["Kiefersee"]

    assert gwa("district", "completeness", *on, "--format", "csv") == 0
    csv_lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
    assert csv_lines[0].startswith("Gemeinde;Gemeindeschlüssel;Erster Tag;Letzter Tag;Status")
    assert csv_lines[1].startswith("Birkenau;;01.01.2026;30.06.2026;überfällig")

    pdf = tmp_path / "erinnerung.pdf"
    assert gwa("district", "reminders", *on, "--out", str(pdf)) == 0
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Erinnerungsliste: fehlende Meldungen" in text
    assert "Stand: 15.08.2026" in text
    assert "Birkenau 1. Hj. 2026 31.07.2026 (16 Tage)" in text
    assert (
        "Lindental 09162000 Q2 2026 31.07.2026 (16 Tage) Frau Beispiel, Tel. 0151 2345678" in text
    )
    assert "Kiefersee" not in text

    printed = tmp_path / "print.pdf"
    assert gwa("print", "reminders", *on, "--out", str(printed)) == 0
    assert printed.read_bytes()[:5] == b"%PDF-"
    # Before anything is overdue there is nothing to remind of.
    assert (
        gwa(
            "district",
            "reminders",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--on",
            "2026-04-20",
            "--out",
            str(tmp_path / "none.pdf"),
        )
        == 1
    )
    assert "nichts wurde gedruckt" in capsys.readouterr().err
    assert not (tmp_path / "none.pdf").exists()

    assert gwa("district", "municipalities", "add-unknown") == 0
    assert "1 Gemeinde hinzugefügt." in capsys.readouterr().out
    assert gwa("district", "municipalities", "remove", "1") == 0
    assert gwa("district", "municipalities", "list") == 0
    assert [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()[1:]] == [
        "Birkenau",
        "Kiefersee",
    ]
