"""The migrations' revisions and the schema at head, known without importing Alembic.

Importing Alembic and letting it build the expected schema in memory took most of a
start (about 1.5 s of the 4 s before the window showed) although almost every start
finds the database already at head. The revision graph is read from the migration files
themselves (`revision = "0009"`, `down_revision = "0008"`), the way Alembic reads them,
and a database at head is accepted when its schema has the fingerprint recorded below:
tests/storage/test_head_schema.py checks both against Alembic's own answer, so they
cannot drift from the migrations. Anything else (an older revision, a schema with another
fingerprint, a migration file this scan cannot read) takes Alembic's full path.

After adding or changing a migration, print the new fingerprint with

    .venv/bin/python -m gwa_desktop.storage.revisions
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from gwa_desktop.storage.schema_check import Schema

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: The head revision whose schema has HEAD_SCHEMA_DIGEST (see `schema_digest`).
HEAD_SCHEMA_REVISION = "0022"
HEAD_SCHEMA_DIGEST = "5ce449a5c9ac592028a75ed6e6906cdf4570d584e77003c4754c05b374d764a4"

_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']\s*$", re.M)
_DOWN_REVISION = re.compile(
    r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|[\"']([^\"']+)[\"'])\s*$", re.M
)


def revision_graph(versions: Path) -> dict[str, str | None] | None:
    """Each revision in `versions` with the one before it; None if a file is not plain.

    A merge revision (a tuple of parents) or any other form this scan does not know
    returns None, and the callers ask Alembic instead. Read once per set of files (a
    migration written meanwhile, as `./dev migration` does, is read too).
    """
    return _graph_of(tuple(sorted(versions.glob("*.py"))))


@functools.cache
def _graph_of(paths: tuple[Path, ...]) -> dict[str, str | None] | None:
    graph: dict[str, str | None] = {}
    for path in paths:
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.findall(source)
        down = _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        graph[revision[0]] = down[0] or None
    return graph


def graph_head(graph: dict[str, str | None]) -> str | None:
    """The one revision no other revision follows, None when there is not exactly one."""
    heads = graph.keys() - set(graph.values())
    return next(iter(heads)) if len(heads) == 1 else None


def schema_digest(schema: Schema) -> str:
    """A fingerprint of every object of a schema (keys and descriptions, in a fixed order)."""
    return hashlib.sha256(repr(sorted(schema.objects.items())).encode()).hexdigest()


def is_known_head_schema(schema: Schema, revision: str) -> bool:
    """True when `schema` is exactly the one the migrations give a database at head."""
    return revision == HEAD_SCHEMA_REVISION and schema_digest(schema) == HEAD_SCHEMA_DIGEST


def main() -> int:
    from gwa_desktop.storage.database import expected_schema, head_revision

    head = head_revision()
    print(f'HEAD_SCHEMA_REVISION = "{head}"')
    print(f'HEAD_SCHEMA_DIGEST = "{schema_digest(expected_schema(head))}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
