"""Checked records kept as one list per field, the way a package's activities are read.

A dict per activity costs about a kilobyte; 80,000 activities of a big village were
100 MB of dicts before a row reached the database. As columns they are one pointer
per field and record, and the values repeat: the dates, kinds, titles, offer names
and language lists of a village are a few hundred distinct values, each held once.
The import inserts the columns (`column`); everything else may use the records as a
sequence of dicts, made when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from gwa_desktop.exchange.records import Column, check_columns


class RecordColumns(Sequence[dict[str, Any]]):
    """Records with the fields of `fields` (records.ACTIVITY_FIELDS), checked as they are added."""

    def __init__(self, fields: dict[str, Callable[[Column], Column]]) -> None:
        self._fields = fields
        self._columns: list[Column] = [[] for _ in fields]
        #: Per column: one object for each distinct text or code list.
        self._shared: list[dict[Any, Any]] = [{} for _ in fields]
        #: The columns holding lists, kept as shared tuples and given out as lists.
        self._lists: set[int] = set()
        self._size = 0

    def add(self, records: list[Any]) -> None:
        """Check `records` (raises records.InvalidRecord, as `check_columns`) and append them."""
        converted = check_columns(records, self._fields)
        for index, (column, values) in enumerate(zip(self._columns, converted)):
            sample = next((v for v in values if v is not None), None)
            if type(sample) is list:
                self._lists.add(index)
                values = list(map(tuple, values))
            if type(sample) in (str, list):
                share = self._shared[index].setdefault
                values = list(map(share, values, values))
            column.extend(values)
        self._size += len(records)

    def column(self, key: str) -> Column:
        """The values of field `key`, one per record (a list field's as tuples)."""
        return self._columns[list(self._fields).index(key)]

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        return {
            key: list(column[index]) if number in self._lists else column[index]
            for number, (key, column) in enumerate(zip(self._fields, self._columns))
        }

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(self._size))
