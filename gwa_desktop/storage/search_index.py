"""Full-text indexes over the `search_text` columns, so a keystroke does not scan a table.

Searching tests every word with `search_text LIKE '%word%'`: with 100,000 activities
that reads every row. The indexes answer the same question from trigrams:

- SQLite: an FTS5 table per list (`contacts_fts`, …) with the trigram tokenizer, its
  content read from the list's own table (no second copy of the text), kept in step
  by triggers, so every writer (the services, the bulk loader, a reindex, a restore of
  an older backup that is migrated) updates it without knowing about it. The tokenizer
  is case-sensitive because the stored text and the searched words are already folded
  the same way (services.validation.fold): a trigram phrase then matches exactly where
  LIKE does. Words shorter than three letters have no trigram and keep the LIKE.
- PostgreSQL: a GIN index with pg_trgm's operator class, which serves the LIKE itself.
  Where the extension cannot be created (a role without the right), the migration
  leaves the index out and the search keeps working by scanning.

FTS5 deletes by writing markers; the deleted row's trigrams stay in older segments
until they are merged. `purge` merges them away where personal data is erased, so
an erased name does not survive in the index (the freed pages are overwritten,
PRAGMA secure_delete).

The statements live here and are copied into migration 0010: a batch migration that
rebuilds one of these tables later drops its triggers and must create them again
(`sqlite_statements`).
"""

from __future__ import annotations

from sqlalchemy import Connection, MetaData, event, text

#: The tables whose `search_text` is indexed (their integer primary key is `id`).
INDEXED = ("contacts", "offers", "activities")
#: Shortest word the trigram index can find; shorter ones are tested with LIKE.
MIN_INDEXED_LENGTH = 3


def fts_table(table: str) -> str:
    return f"{table}_fts"


def trigram_index(table: str) -> str:
    return f"ix_{table}_search_trgm"


def sqlite_statements(table: str) -> list[str]:
    """The FTS5 table over `table.search_text` and the triggers that keep it in step."""
    fts = fts_table(table)
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
    ]


def is_index_object(name: str | None) -> bool:
    """An FTS5 table, one of its shadow tables, or a trigram index: not in the models.

    Alembic's comparison of the models with a database leaves these out (env.py and the
    migration tests), since they exist beside the models on one dialect only.
    """
    if not name:
        return False
    return any(
        name == trigram_index(table) or name.startswith(fts_table(table)) for table in INDEXED
    )


def include_object(
    _object: object, name: str | None, _type: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic's `include_object` hook: compare everything but the search indexes."""
    return not is_index_object(name)


def purge(connection: Connection, table: str) -> None:
    """Merge the FTS5 segments of `table`, dropping what deleted or erased rows left.

    Costs a rewrite of that index (a few hundred milliseconds for 100,000 activities),
    so it runs where personal data is erased, not on every write.
    """
    if connection.dialect.name == "sqlite":
        fts = fts_table(table)
        connection.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))


def create_for_models(metadata: MetaData) -> None:
    """Give databases made from the models (`create_all`) the same indexes as migrated ones."""

    @event.listens_for(metadata, "after_create")
    def _create(_target: MetaData, connection: Connection, **_kw: object) -> None:
        if connection.dialect.name != "sqlite":
            return
        for table in INDEXED:
            for statement in sqlite_statements(table):
                connection.exec_driver_sql(statement)
