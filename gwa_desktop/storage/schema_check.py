"""Is a SQLite file intact, and is its schema the one the program itself creates?

A backup or database file may come from a failing disk, a USB stick pulled mid-write or
from someone who altered it. Before the program accepts one it must be intact (SQLite's
full `integrity_check`, which also compares every index with its table, and
`foreign_key_check`) and have exactly the structure the program's own migrations give a
database at that revision: a missing table crashes later, an extra trigger (say one that
deletes all activities on every insert) does damage at the next write.

The expected structure is never a hand-written list: it is read the same way from a
scratch database that the migrations built to the same revision (see
`database.expected_schema`), so whatever a migration creates is expected and nothing else.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: Tables SQLite itself maintains (AUTOINCREMENT counters, ANALYZE statistics); their
#: presence depends on use, not on the schema.
_INTERNAL = re.compile(r"^sqlite_(sequence|stat\d)$")


@dataclass(frozen=True)
class Schema:
    """The structure of one database, object by object: what two schemas are compared by.

    Each entry maps a readable key such as "table contacts" or "column contacts.name" to
    a description of that object; two schemas are equal when these maps are.
    """

    objects: dict[str, tuple[Any, ...]]


def sqlite_driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy connection to a SQLite database."""
    return cast(sqlite3.Connection, connection.connection.driver_connection)


def read_schema(connection: sqlite3.Connection) -> Schema:
    """Tables with their columns, indexes and foreign keys, and every view and trigger."""
    objects: dict[str, tuple[Any, ...]] = {}
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if kind in ("view", "trigger"):
            objects[f"{kind} {name}"] = (table, _normalized(sql))
        elif kind == "table" and not _INTERNAL.match(name):
            objects[f"table {name}"] = ()
            _read_table(connection, name, objects)
    return Schema(objects)


def _read_table(
    connection: sqlite3.Connection, table: str, objects: dict[str, tuple[Any, ...]]
) -> None:
    quoted = _quoted(table)
    for _cid, column, declared, notnull, _default, pk, hidden in connection.execute(
        f"PRAGMA table_xinfo({quoted})"
    ):
        objects[f"column {table}.{column}"] = (_normalized(declared), notnull, pk, hidden)
    for _seq, index, unique, origin, partial in connection.execute(f"PRAGMA index_list({quoted})"):
        keys = tuple(
            (name, desc, collation)
            for _seqno, _cid, name, desc, collation, key in connection.execute(
                f"PRAGMA index_xinfo({_quoted(index)})"
            )
            if key
        )
        objects[f"index {index}"] = (table, unique, origin, partial, keys)
    references = connection.execute(f"PRAGMA foreign_key_list({quoted})").fetchall()
    for key_id in sorted({row[0] for row in references}):
        parts = [row for row in references if row[0] == key_id]
        parent, on_update, on_delete = parts[0][2], parts[0][5], parts[0][6]
        columns = tuple((row[3], row[4]) for row in sorted(parts, key=lambda row: row[1]))
        objects[f"foreign key {table}({', '.join(c for c, _ in columns)})"] = (
            parent,
            columns,
            on_update,
            on_delete,
        )


def schema_differences(actual: Schema, expected: Schema) -> list[str]:
    """What `actual` has more, lacks or has otherwise than `expected`: "+trigger wipe" etc."""
    extra = [f"+{key}" for key in sorted(actual.objects.keys() - expected.objects.keys())]
    missing = [f"-{key}" for key in sorted(expected.objects.keys() - actual.objects.keys())]
    changed = [
        f"~{key}"
        for key in sorted(actual.objects.keys() & expected.objects.keys())
        if actual.objects[key] != expected.objects[key]
    ]
    return extra + missing + changed


def integrity_problems(
    connection: sqlite3.Connection, *, full: bool, tables: Sequence[str] | None = None
) -> list[str]:
    """SQLite's complaints about the file, empty when it is intact.

    `full` runs `integrity_check` (also compares each index with its table; reads the
    whole file, so it is kept for restores and upgrades) instead of `quick_check`; both
    are followed by `foreign_key_check`, since a row pointing at nothing is as damaging
    as a broken page. With `tables`, only those tables and their indexes are checked
    (SQLite 3.33 and later): what a print reads, without the activities that make up
    most of the file.
    """
    pragma = "integrity_check" if full else "quick_check"
    statements = (
        [
            (f"PRAGMA {pragma}({_quoted(t)})", f"PRAGMA foreign_key_check({_quoted(t)})")
            for t in tables
        ]
        if tables is not None
        else [(f"PRAGMA {pragma}", "PRAGMA foreign_key_check")]
    )
    for check, _keys in statements:
        rows = [row[0] for row in connection.execute(check)]
        if rows != ["ok"]:
            return rows
    return [
        f"foreign key {table} row {rowid} -> {parent}"
        for _check, keys in statements
        for table, rowid, parent, _key in connection.execute(keys)
    ]


def _normalized(text: str | None) -> str:
    return " ".join((text or "").upper().split())


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
