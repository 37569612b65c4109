"""`gwa` and a damaged database: what writes or copies is refused, what only reads may run.

The quick check reads the whole file, most of a `gwa count`; commands that only read
and print (count, list, info) skip it, every other command still refuses to work on a
damaged file (cli.main.run).
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing

from sqlalchemy import event

from gwa_desktop.cli.exchange_commands import EXPORTED_TABLES
from gwa_desktop.cli.main import UNEXPECTED_ERROR, main
from gwa_desktop.cli.print_commands import PRINTED_TABLES
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reindex import ensure_current
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.schema_check import integrity_problems
from tests.exchange.sample_data import PERIOD, fill


def _damage_the_contacts(database, path) -> None:
    """Random bytes over a leaf page of the contacts table; the offers stay readable."""
    for n in range(300):
        ContactService(database).create(ContactData(name=f"Person {n:03d} " + "x" * 150))
    ensure_current(database)  # as after a first start: no reindex of the damaged rows
    database.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    content = bytearray(path.read_bytes())
    start = content.find(b"Person 150 " + b"x" * 150)
    while content[start // page_size * page_size] != 0x0D:  # a leaf page of a table b-tree
        start = content.find(b"Person 150 " + b"x" * 150, start + 1)
    page = start // page_size
    content[page * page_size : (page + 1) * page_size] = os.urandom(page_size)
    path.write_bytes(bytes(content))
    with closing(sqlite3.connect(path)) as connection:
        try:
            complaints = connection.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:
            complaints = []  # "malformed": damaged beyond what quick_check can list
        assert complaints != [("ok",)]


def test_a_backup_of_a_damaged_file_is_refused(database, database_path, tmp_path, capsys):
    _damage_the_contacts(database, database_path)
    before = database_path.read_bytes()
    assert main(["--database", str(database_path), "backup", "--out", str(tmp_path / "b")]) == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
    assert database_path.read_bytes() == before


def test_counting_what_is_intact_works_on_a_damaged_file(database, database_path, capsys):
    _damage_the_contacts(database, database_path)
    assert main(["--database", str(database_path), "count", "offers"]) == 0
    assert capsys.readouterr().out == "offers\t0\n"
    assert main(["--database", str(database_path), "info"]) == 0


def test_reading_what_is_damaged_ends_with_a_message_not_a_crash(database, database_path, capsys):
    _damage_the_contacts(database, database_path)
    for command in (["count"], ["list", "contacts"]):
        code = main(["--database", str(database_path), *command])
        assert code in (0, 2) and code != UNEXPECTED_ERROR, command
        if code == 2:
            assert capsys.readouterr().err.strip()


def test_a_print_from_a_damaged_table_is_refused(database, database_path, tmp_path, capsys):
    """A flyer names its contact persons: damaged contacts are not printed."""
    _damage_the_contacts(database, database_path)
    out = tmp_path / "flyer.pdf"
    assert main(["--database", str(database_path), "print", "flyer", "1", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip()
    assert not out.exists()


def test_a_print_checks_only_the_tables_it_reads(database, database_path):
    """The damage lies in the contacts; the offers' tables alone pass the check, the
    prints' tables (with the contacts) and the whole file do not."""
    _damage_the_contacts(database, database_path)
    with closing(sqlite3.connect(database_path)) as connection:

        def complaints(tables=None) -> list[str]:
            try:
                return integrity_problems(connection, full=False, tables=tables)
            except sqlite3.DatabaseError as error:  # "malformed": beyond what it can list
                return [str(error)]

        assert complaints(("offers", "offer_texts")) == []
        assert complaints(PRINTED_TABLES) != []
        assert complaints() != []


def test_an_export_of_a_damaged_table_is_refused(database, database_path, tmp_path, capsys):
    """The package carries the contacts' names through the privacy detector (and, with a
    password, the contacts): damaged contacts are not exported."""
    SettingsService(database).save(MunicipalityData(name="Lindental", district="Süd"))
    _damage_the_contacts(database, database_path)
    out = tmp_path / "stick"
    out.mkdir()
    period = ["--from", "2025-01-01", "--to", "2025-12-31"]
    code = main(
        ["--database", str(database_path), "export", "district", *period, "--out", str(out)]
    )
    assert code == 2
    assert str(database_path) in capsys.readouterr().err
    assert not any(out.iterdir())


def test_the_export_checks_every_table_it_reads_or_writes(database, tmp_path):
    """Every table any statement of an export (anonymous and with a password) names is
    among EXPORTED_TABLES, which `gwa export district` checks instead of the whole file."""
    fill(Services.on(database))
    with database.engine.connect() as connection:
        tables = set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            .scalars()
            .all()
        )
    named: set[str] = set()

    def record(_connection, _cursor, statement, *_rest) -> None:
        named.update(t for t in tables if re.search(rf"\b{t}\b", statement))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        for password in (None, "Lindental im Herbst 2026"):
            export_district(database, Period(*PERIOD), tmp_path, password=password)
    finally:
        event.remove(database.engine, "before_cursor_execute", record)

    assert {"contacts", "consent_records", "activities", "exported_packages"} <= named
    assert named <= set(EXPORTED_TABLES)
