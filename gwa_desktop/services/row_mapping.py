"""Copying a record's plain fields between its data class and its table row.

Each service used to name every field twice, once reading a row into data and once
writing data back into the row, and a field added to one copy but not the other was
silently lost. The data class is the one description: a field stored in a column of the
same name is copied both ways as is (text stripped of surrounding blanks); only fields
that need more (sort keys, linked rows, conversions) are written out by hand.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

#: Bookkeeping the services handle themselves: the row's identity and its version check.
_NOT_COPIED = frozenset({"id", "version"})


def plain_columns(data_class: type, model: type[Any]) -> tuple[str, ...]:
    """The fields of `data_class` that `model` keeps in a column of the same name."""
    columns = set(model.__table__.columns.keys())
    return tuple(
        field.name
        for field in fields(data_class)
        if field.name in columns and field.name not in _NOT_COPIED
    )


def stored(value: object) -> object:
    """What the database keeps of a value: text without blanks around it.

    Only plain `str`: a StrEnum member is text too, but must stay the member.
    """
    return value.strip() if type(value) is str else value


def write_columns(row: object, data: object, names: tuple[str, ...]) -> None:
    for name in names:
        setattr(row, name, stored(getattr(data, name)))


def read_columns(row: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}
