"""Full-text indexes for the search as you type: FTS5 trigrams on SQLite, pg_trgm on PostgreSQL.

Every keystroke tested each row's `search_text` with LIKE '%word%': 100,000 activities
were read per keystroke (and again for the status-bar totals). SQLite now keeps an FTS5
table per list with the trigram tokenizer, its content read from the list's table and
kept in step by triggers; PostgreSQL gets a GIN trigram index that serves the LIKE. The
index is filled from the rows already stored (see storage/search_index.py).

Where the role may not create the pg_trgm extension, the index is left out and said so
in the log: the search still works, by scanning.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("contacts", "offers", "activities")
log = logging.getLogger(__name__)


def _sqlite_statements(table: str) -> list[str]:
    # A frozen copy of storage.search_index.sqlite_statements at this revision.
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
        "content_rowid='id', tokenize='trigram case_sensitive 1')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        "END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text ON {table} "
        "WHEN old.search_text IS NOT new.search_text BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in TABLES:
            for statement in _sqlite_statements(table):
                bind.exec_driver_sql(statement)
    elif bind.dialect.name == "postgresql":
        _postgresql_trigram_indexes(bind)


def _postgresql_trigram_indexes(bind: sa.Connection) -> None:
    try:
        # A savepoint: a refused CREATE EXTENSION must not abort the migrations' transaction.
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError as error:
        log.warning(
            "pg_trgm is not available (%s); searches scan the tables instead of an index",
            type(error.orig).__name__,
        )
        return
    for table in TABLES:
        bind.exec_driver_sql(
            f"CREATE INDEX ix_{table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        if bind.dialect.name == "sqlite":
            for trigger in ("insert", "delete", "update"):
                bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_fts_{trigger}")
            bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table}_fts")
        else:
            bind.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_search_trgm")
