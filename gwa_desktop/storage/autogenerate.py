"""Write a new migration from the difference between the models and the migrations' schema.

`alembic revision --autogenerate` needs a database at the current head to compare the
models against; the program has none (env.py works on the connection the program hands
over). This builds one in memory from the migrations themselves, so the draft shows only
what the models changed, and numbers it after the newest revision as the existing files
are (0009, 0010, …). The draft is a starting point: read it, rename what SQLite batch mode
renders as drop-and-add, and write the data steps by hand.

    ./dev migration "what the change is for"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alembic import command
from alembic.script import Script

from gwa_desktop.storage.database import (
    alembic_config,
    head_revision,
    migration_engine,
)


def next_revision_id(head: str) -> str:
    """The next number in the four-digit series the migrations use."""
    return f"{int(head) + 1:04d}"


def write_migration(message: str) -> Path:
    """Compare the models with an in-memory database at head and write the draft file."""
    head = head_revision()
    engine = migration_engine("sqlite://")
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, head)
            script = command.revision(
                config,
                message=message,
                autogenerate=True,
                rev_id=next_revision_id(head),
            )
    finally:
        engine.dispose()
    if not isinstance(script, Script):
        raise RuntimeError("Alembic wrote no single revision file.")
    return Path(script.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("message", help="what the migration is for (becomes its docstring)")
    arguments = parser.parse_args(argv)
    path = write_migration(arguments.message)
    print(f"Wrote {path}: read it before committing.")
    print(
        "When it is final, record the new head schema in gwa_desktop/storage/revisions.py: "
        ".venv/bin/python -m gwa_desktop.storage.revisions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
