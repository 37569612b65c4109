"""The `gwa` command reaches the services without a window."""

from __future__ import annotations

import json

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.services.backup import backup_database
from gwa_desktop.services.contacts import ContactService


def test_count_and_list_contacts(database, database_path, capsys):
    contacts = ContactService(database)
    contacts.create(ContactData(name="Familienzentrum Lindenbach", kind=ContactKind.ORGANISATION))
    contacts.create(ContactData(name="Jobcenter Außenstelle", kind=ContactKind.ORGANISATION))

    assert main(["--database", str(database_path), "count"]) == 0
    assert capsys.readouterr().out.splitlines() == ["contacts\t2", "offers\t0", "activities\t0"]

    assert (
        main(
            [
                "--database",
                str(database_path),
                "list",
                "contacts",
                "--search",
                "außen",
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(row["name"], row["kind"]) for row in rows] == [
        ("Jobcenter Außenstelle", "organisation")
    ]


def test_a_file_that_is_no_database_is_refused(tmp_path, capsys):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("Einkaufsliste: Kaffee, Milch", encoding="utf-8")

    assert main(["--database", str(bogus), "count"]) == 2
    assert str(bogus) in capsys.readouterr().err
    assert bogus.read_text(encoding="utf-8") == "Einkaufsliste: Kaffee, Milch"


def test_print_refuses_unknown_language_and_unwritable_target(
    database, database_path, tmp_path, capsys
):
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "--database",
                str(database_path),
                "print",
                "consent",
                "--lang",
                "xx",
                "--out",
                str(tmp_path / "a.pdf"),
            ]
        )
    assert caught.value.code == 2
    assert "xx" in capsys.readouterr().err

    missing_folder = tmp_path / "USB-Stick" / "form.pdf"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "consent",
                "--lang",
                "ar",
                "--out",
                str(missing_folder),
            ]
        )
        == 2
    )
    assert str(missing_folder.parent) in capsys.readouterr().err
    assert not missing_folder.exists()


def test_restore_puts_a_backup_where_a_damaged_database_lies(database, tmp_path, capsys):
    ContactService(database).create(
        ContactData(name="Familienzentrum Lindenbach", kind=ContactKind.ORGANISATION)
    )
    saved = backup_database(database, tmp_path / "backups")
    damaged = tmp_path / "gwa.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    assert main(["--database", str(damaged), "restore", str(saved)]) == 0
    assert main(["--database", str(damaged), "count", "contacts"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "contacts\t1"
