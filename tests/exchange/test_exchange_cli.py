"""The exchange commands of `gwa`: the same use cases, driven from a script."""

from __future__ import annotations

import zipfile

from gwa_desktop.cli.main import main


def run(database_path, *arguments) -> int:
    return main(["--database", str(database_path), *arguments])


def test_export_district_import_backup_and_restore(
    filled, database_path, other_database, tmp_path, capsys
):
    stick = tmp_path / "stick"
    stick.mkdir()
    assert (
        run(
            database_path,
            "export",
            "district",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(stick),
        )
        == 0
    )
    (package,) = stick.glob("Kreisbericht_*.zip")
    assert zipfile.ZipFile(package).testzip() is None

    assert run(other_database.file_path, "import", str(package), "--receipts", str(tmp_path)) == 0
    assert "3 offers and 8 activities imported" in capsys.readouterr().out
    assert list(tmp_path.glob("Empfangsbestaetigung_*.txt"))

    assert run(database_path, "backup", "--out", str(tmp_path / "backups")) == 0
    (copy,) = (tmp_path / "backups").iterdir()
    assert run(database_path, "restore", str(copy)) == 0
    assert "4 contacts, 4 offers, 9 activities" in capsys.readouterr().out


def test_encrypted_export_reads_the_password_file(filled, database_path, tmp_path, capsys):
    secret = tmp_path / "passwort.txt"
    secret.write_text("ein langes geheimes Passwort\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert (
        run(
            database_path,
            "export",
            "district",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out),
            "--encrypted",
            "--password-file",
            str(secret),
        )
        == 0
    )
    (_package,) = out.glob("*_vertraulich.gwa")
    assert (
        run(
            database_path,
            "export",
            "district",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out),
            "--encrypted",
        )
        == 2
    )


def test_a_bad_package_gives_exit_code_2(database_path, tmp_path, capsys):
    bad = tmp_path / "brief.zip"
    bad.write_text("kein Paket")
    assert run(database_path, "import", str(bad)) == 2
    assert "not a GWA district package" in capsys.readouterr().out


def test_vcard_and_ical(filled, database_path, tmp_path, capsys):
    assert run(database_path, "export", "vcard", "--out", str(tmp_path / "k.vcf")) == 0
    assert run(database_path, "export", "ical", "--out", str(tmp_path / "k.ics")) == 0
    assert (tmp_path / "k.vcf").read_bytes().startswith(b"BEGIN:VCARD")
    assert b"RRULE:FREQ=WEEKLY" in (tmp_path / "k.ics").read_bytes()


def test_fingerprint_and_accepting_a_new_key_from_the_command_line(
    filled, database_path, other_database, tmp_path, capsys
):
    from gwa_desktop.services import installation_identity, installation_key

    assert run(database_path, "fingerprint") == 0
    fingerprint = installation_key.fingerprint(filled.database)
    out = capsys.readouterr().out
    assert fingerprint in out
    assert installation_identity.installation_id(filled.database) in out
    stick = tmp_path / "stick"
    stick.mkdir()
    arguments = (
        "export",
        "district",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        str(stick),
    )
    assert run(database_path, *arguments) == 0
    assert (
        run(
            other_database.file_path,
            "import",
            *map(str, stick.glob("*.zip")),
            "--receipts",
            str(tmp_path),
        )
        == 0
    )
    with filled.database.session() as session:
        session.execute(__import__("sqlalchemy").text("DELETE FROM installation_keys"))
    assert run(database_path, *arguments) == 0
    new = installation_key.fingerprint(filled.database)
    capsys.readouterr()

    assert (
        run(
            other_database.file_path,
            "import",
            *map(str, stick.glob("*.zip")),
            "--receipts",
            str(tmp_path),
        )
        == 2
    )
    assert new in capsys.readouterr().out
    assert (
        run(
            other_database.file_path,
            "import",
            *map(str, stick.glob("*.zip")),
            "--receipts",
            str(tmp_path),
            "--accept-key",
            new,
        )
        == 0
    )
    assert "replaces" in capsys.readouterr().out


def test_export_district_takes_a_named_period(filled, database_path, tmp_path, capsys):
    """The dialog's presets from a script: `--period last_year` instead of typing the dates."""
    from datetime import date

    from gwa_desktop.services.periods import named_period

    assert run(database_path, "export", "district", "--period", "year", "--out", str(tmp_path)) == 0
    year = named_period("year", date.today())
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith(f"_{year.start.isoformat()}_{year.end.isoformat()}.zip")
    )
    assert run(database_path, "export", "district", "--out", str(tmp_path)) == 2
    assert "--period" in capsys.readouterr().out
