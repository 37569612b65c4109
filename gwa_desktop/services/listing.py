"""What every list screen asks of a service: search text, sort, and a page of rows.

Lists are fetched page by page with SQL doing the sorting and filtering, so a view over
100,000 activities holds only the rows the user has scrolled to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from gwa_desktop.services.validation import search_words


@dataclass
class ListQuery:
    text: str = ""
    sort_key: str = ""
    descending: bool = False
    filters: dict[str, Any] = field(default_factory=dict)


def search_condition(column, text: str):
    """Every word of `text` must occur in the case-folded search column."""
    words = search_words(text)
    if not words:
        return None
    return and_(*(column.contains(word, autoescape=True) for word in words))


def page(session: Session, statement: Select, offset: int, limit: int) -> list[tuple]:
    return [tuple(row) for row in session.execute(statement.offset(offset).limit(limit))]


def count(session: Session, statement: Select) -> int:
    return session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
