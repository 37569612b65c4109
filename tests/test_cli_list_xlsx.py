"""`gwa list … --format xlsx --out FILE` writes the window's workbook (issue 13, item 8)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from gwa_desktop.cli.main import main
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.list_export import list_table, subtitle_of, workbook_bytes
from gwa_desktop.services.listing import ListQuery
from tests.services.service_builders import activity_data, person


def test_cli_workbook_round_trip(database, database_path, tmp_path, capsys):
    contacts = ContactService(database)
    person(contacts, "Farid Ahmadi", languages=["prs", "ps"], phone="0176 5550199")
    person(contacts, "Olena Kowalenko", languages=["uk"])
    ActivityService(database).create(activity_data("Sprachcafé", occurred_on=date(2026, 3, 10)))
    target = tmp_path / "dari.xlsx"

    code = main(
        [
            "--database",
            str(database_path),
            "list",
            "contacts",
            "--search",
            "Farid",
            "--format",
            "xlsx",
            "--out",
            str(target),
        ]
    )

    assert code == 0 and "1 Zeilen" in capsys.readouterr().out
    sheet = load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert len(rows) == 1 and rows[0][1] == "Farid Ahmadi"
    assert "Dari, Paschtu" in rows[0]
    assert "Suche „Farid“" in sheet["A2"].value
    # The same workbook as the window's service function (same cells).
    same = load_workbook(
        io.BytesIO(
            workbook_bytes(
                list_table("contacts", contacts, ListQuery(text="Farid")),
                "Kontakte",
                subtitle_of(["Suche „Farid“"]),
            )
        )
    ).active
    assert [[c.value for c in r] for r in same.iter_rows()] == [
        [c.value for c in r] for r in sheet.iter_rows()
    ]

    activities = tmp_path / "aktivitaeten.xlsx"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "list",
                "activities",
                "--format",
                "xlsx",
                "--out",
                str(activities),
            ]
        )
        == 0
    )
    cell = load_workbook(activities).active.cell(5, 2)
    assert cell.value.date() == date(2026, 3, 10) and cell.number_format == "DD.MM.YYYY"


def test_xlsx_without_out_is_refused(database, database_path, capsys):
    assert main(["--database", str(database_path), "list", "contacts", "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_cli_lists_and_filters_every_role(database, database_path, capsys):
    from gwa_desktop.domain.enums import ContactRole

    contacts = ContactService(database)
    person(
        contacts,
        "Amal Nasser",
        role=ContactRole.VOLUNTEER,
        other_roles=[ContactRole.LANGUAGE_MEDIATOR],
    )
    person(contacts, "Bernd Vogel", role=ContactRole.VOLUNTEER)
    arguments = ["--database", str(database_path), "list", "contacts", "--format", "json"]
    assert main([*arguments, "--role", "language_mediator"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in listed] == ["Amal Nasser"]
    assert sorted(listed[0]["role"].split(", ")) == ["language_mediator", "volunteer"]
