"""Where the program keeps its files, in one place.

platformdirs gives the per-user folders of each operating system; environment variables
override them so tests, portable installs and a shared district database can point
elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "GWA-Desktop"
DATABASE_ENV = "GWA_DATABASE"
DATA_DIR_ENV = "GWA_DATA_DIR"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "gwa.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_location(cli_value: str | None = None) -> str:
    """The database the user asked for: command line, then environment, then default.

    The value may be a file path or a full SQLAlchemy URL (e.g. for a shared PostgreSQL
    database at the district office).
    """
    return cli_value or os.environ.get(DATABASE_ENV) or str(default_database_path())
