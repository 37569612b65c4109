"""What every list screen asks of a service: search text, sort, and a page of rows.

Lists are fetched page by page with SQL doing the sorting and filtering, so a view over
100,000 activities holds only the rows the user has scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Select,
    SQLColumnExpression,
    String,
    and_,
    case,
    func,
    literal_column,
    select,
    table,
    type_coerce,
)
from sqlalchemy import column as sa_column
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import LabelledEnum
from gwa_desktop.i18n import ui_language
from gwa_desktop.services.validation import search_words
from gwa_desktop.storage.search_index import MIN_INDEXED_LENGTH


@dataclass
class ListQuery:
    text: str = ""
    sort_key: str = ""
    descending: bool = False
    filters: dict[str, Any] = field(default_factory=dict)


def search_condition(
    column: SQLColumnExpression[str],
    text: str,
    index: FullTextIndex | None = None,
) -> ColumnElement[bool] | None:
    """Every word of `text` must occur in the case-folded search column.

    With an `index` (SQLite), words of three letters or more are looked up as trigram
    phrases in the FTS5 table, which matches exactly where LIKE '%word%' does; shorter
    words, which have no trigram, keep the LIKE (unless a longer word contains them).
    """
    words = search_words(text)
    if not words:
        return None
    if index is None:
        return _all_contained(column, words)
    long = [word for word in words if len(word) >= MIN_INDEXED_LENGTH]
    short = [
        word
        for word in words
        if len(word) < MIN_INDEXED_LENGTH and not any(word in other for other in long)
    ]
    conditions = [column.contains(word, autoescape=True) for word in short]
    if long:
        conditions.insert(0, index.matching(column, long))
    return and_(*conditions)


def _all_contained(column: SQLColumnExpression[str], words: list[str]) -> ColumnElement[bool]:
    return and_(*(column.contains(word, autoescape=True) for word in words))


#: A page of a list is found faster by reading the list in its order and testing each
#: row (it stops after one page) once a search matches this many rows; below it, the
#: rows the index names are fetched and sorted.
FREQUENT = 2000


@dataclass(frozen=True)
class FullTextIndex:
    """An FTS5 table over a list's `search_text` (storage.search_index), with its row id.

    `rows_found(table, match)` counts the rows a match finds, stopping at FREQUENT
    (`probe`). Given for a paged list, it lets a search that matches thousands of rows
    test them in list order with LIKE instead: the same rows, without reading every
    match before the first page.
    """

    table: str
    row_id: SQLColumnExpression[int | None]
    rows_found: Callable[[str, str], int] | None = None

    def matching(self, column: SQLColumnExpression[str], words: list[str]) -> ColumnElement[bool]:
        match = phrase_query(words)
        if self.rows_found is not None and self.rows_found(self.table, match) >= FREQUENT:
            return _all_contained(column, words)
        return self.row_id.in_(matched_rows(self.table, match))


def matched_rows(fts_table: str, match: str) -> Select[Any]:
    fts = table(fts_table, sa_column("rowid"))
    return select(fts.c.rowid).where(literal_column(fts_table).op("MATCH")(match))


def probe(fts_table: str, match: str) -> Select[Any]:
    """How many rows `match` finds, counted up to FREQUENT."""
    return select(func.count()).select_from(
        matched_rows(fts_table, match).limit(FREQUENT).subquery()
    )


def phrase_query(words: list[str]) -> str:
    """An FTS5 query of one quoted phrase per word: quotes, `*`, `-`, `NEAR`, `AND`,
    parentheses or colons typed by the user are text to find, never query syntax."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def label_order(
    column: SQLColumnExpression[Any], enum_cls: type[LabelledEnum]
) -> ColumnElement[str]:
    """Sort key for an enum column: its label in the UI language, not the stored code.

    Sorting "Kategorie" by the codes put "Arbeit" (work) last in a German list; the labels
    are ranked by the collation of names, so "Ärztlicher Dienst" stands among the A's.
    Built once per column and language: every list statement names it, and building the
    CASE took longer than running a search.
    """
    key = (id(column), enum_cls, ui_language())
    if key not in _label_orders:
        ranked = sorted(enum_cls, key=lambda member: sort_key(member.label))
        order = case(
            {member.value: rank for rank, member in enumerate(ranked, 1)},
            value=type_coerce(column, String),
            else_=0,
        )
        _label_orders[key] = (column, order)  # the column kept alive keeps its id unique
    return _label_orders[key][1]


_label_orders: dict[tuple[int, type[LabelledEnum], str], tuple[Any, ColumnElement[str]]] = {}


def ordered(expression: SQLColumnExpression[Any], descending: bool) -> UnaryExpression[Any]:
    """Empty values first going up, last going down, on SQLite and PostgreSQL alike."""
    return expression.desc().nulls_last() if descending else expression.asc().nulls_first()


def page(
    session: Session, statement: Select[Any], offset: int, limit: int
) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in session.execute(statement.offset(offset).limit(limit))]


def count(session: Session, statement: Select[Any]) -> int:
    return session.scalar(count_statement(statement)) or 0


def count_statement(statement: Select[Any]) -> Select[Any]:
    """How many rows `statement` lists, in one SELECT."""
    return select(func.count()).select_from(statement.order_by(None).subquery())
