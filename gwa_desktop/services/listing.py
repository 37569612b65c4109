"""What every list screen asks of a service: search text, sort, and a page of rows.

Lists are fetched page by page with SQL doing the sorting and filtering, so a view over
100,000 activities holds only the rows the user has scrolled to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, String, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import LabelledEnum
from gwa_desktop.services.validation import search_words


@dataclass
class ListQuery:
    text: str = ""
    sort_key: str = ""
    descending: bool = False
    filters: dict[str, Any] = field(default_factory=dict)


def search_condition(column: SQLColumnExpression[str], text: str) -> ColumnElement[bool] | None:
    """Every word of `text` must occur in the case-folded search column."""
    words = search_words(text)
    if not words:
        return None
    return and_(*(column.contains(word, autoescape=True) for word in words))


def label_order(
    column: SQLColumnExpression[Any], enum_cls: type[LabelledEnum]
) -> ColumnElement[str]:
    """Sort key for an enum column: its label in the UI language, not the stored code.

    Sorting "Kategorie" by the codes put "Arbeit" (work) last in a German list; the labels
    are ranked by the collation of names, so "Ärztlicher Dienst" stands among the A's.
    """
    ranked = sorted(enum_cls, key=lambda member: sort_key(member.label))
    return case(
        {member.value: rank for rank, member in enumerate(ranked, 1)},
        value=type_coerce(column, String),
        else_=0,
    )


def ordered(expression: SQLColumnExpression[Any], descending: bool) -> UnaryExpression[Any]:
    """Empty values first going up, last going down, on SQLite and PostgreSQL alike."""
    return expression.desc().nulls_last() if descending else expression.asc().nulls_first()


def page(
    session: Session, statement: Select[Any], offset: int, limit: int
) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in session.execute(statement.offset(offset).limit(limit))]


def count(session: Session, statement: Select[Any]) -> int:
    return (
        session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
    )
