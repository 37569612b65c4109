"""The log file: rotating, in the data folder, and free of what the user typed."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from gwa_desktop.cli import count_commands
from gwa_desktop.cli import main as cli
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.logbook import BACKUP_COUNT, MAX_BYTES, log_path, start_logging, stop_logging

NAME = "Olena Koval"


@pytest.fixture
def log_file(tmp_path):
    path = start_logging(console=False)
    yield path
    stop_logging()


def read(path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_rotates_in_the_data_folder(log_file, tmp_path):
    assert log_file == tmp_path / "data" / "logs" / "gwa.log" == log_path()
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file)
    )
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUP_COUNT)
    assert 1024 * 1024 <= MAX_BYTES <= 5 * 1024 * 1024


def test_a_database_error_is_logged_with_its_statement_but_without_the_values(database, log_file):
    """The engine hides SQL parameters, and the log leaves out exception messages."""
    try:
        with database.session() as session:
            session.execute(text("SELECT * FROM no_such_table WHERE name = :name"), {"name": NAME})
    except Exception:
        logging.getLogger("test").exception("list fetch failed")
    content = read(log_file)
    assert "sqlalchemy.exc.OperationalError" in content
    assert (
        "SQL: SELECT * FROM no_such_table WHERE name = ?" in content and "SQLITE_ERROR" in content
    )
    assert NAME not in content and "Olena" not in content


def test_an_unexpected_error_in_gwa_gives_a_short_message_and_the_traceback_only_in_the_log(
    database, database_path, capsys, monkeypatch, tmp_path
):
    database.close()

    def broken(arguments, services):
        services.contacts.create(ContactData(name=NAME))
        raise KeyError(NAME)

    monkeypatch.setattr(count_commands, "run_count", broken)
    monkeypatch.setattr(count_commands, "quick_count", lambda arguments, location: None)
    try:
        assert cli.main(["--database", str(database_path), "count"]) == cli.UNEXPECTED_ERROR
        err = capsys.readouterr().err
        assert "Unerwarteter Fehler (KeyError)" in err and str(log_path()) in err
        assert "Traceback" not in err and NAME not in err
        content = log_path().read_text(encoding="utf-8")
        assert (
            "builtins.KeyError" in content and "test_logbook.py" in content and NAME not in content
        )
    finally:
        stop_logging()
