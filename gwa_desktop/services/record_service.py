"""What contacts, offers and activities share: transactional writes and paged lists.

Each write validates first (so a form keeps its input and shows every problem), then
runs in one transaction; subclasses say how data is validated, applied to a row and
listed.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery, count, page
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Base

Data = TypeVar("Data")


class RecordService(Generic[Data]):
    model: ClassVar[type[Base]]

    def __init__(self, database: Database) -> None:
        self.database = database

    def validate(self, data: Data) -> None:
        raise NotImplementedError

    def _apply(self, session: Session, record: Any, data: Data) -> None:
        raise NotImplementedError

    def _list_statement(self, query: ListQuery) -> Select:
        raise NotImplementedError

    def checked(self, data: Data) -> None:
        """The service's own rules, then the column lengths; all problems at once."""
        check = Checker()
        try:
            self.validate(data)
        except ValidationError as error:
            check.errors.update(error.errors)
        check.lengths(data, self.model)
        check.raise_if_any()

    def create(self, data: Data) -> int:
        self.checked(data)
        with self.database.session() as session:
            record = self.model()
            self._apply(session, record, data)
            session.add(record)
            session.flush()
            return record.id

    def update(self, data: Data) -> None:
        self.update_many([data])

    def update_many(self, records: list[Data]) -> None:
        """Save several records in one transaction, all or none (e.g. imported translations)."""
        for data in records:
            if data.id is None:
                raise ValueError("update needs an id")
            self.checked(data)
        with self.database.session() as session:
            for data in records:
                record = session.get(self.model, data.id)
                if record is None:
                    raise NotFoundError(data.id)
                self._apply(session, record, data)

    def delete(self, record_ids: list[int]) -> None:
        """Delete for real; what the database links to a record follows its foreign keys."""
        with self.database.session() as session:
            for record_id in record_ids:
                record = session.get(self.model, record_id)
                if record is not None:
                    session.delete(record)

    def list_rows(self, query: ListQuery, offset: int = 0, limit: int = 500) -> list[tuple]:
        with self.database.session() as session:
            return page(session, self._list_statement(query), offset, limit)

    def count(self, query: ListQuery | None = None) -> int:
        with self.database.session() as session:
            return count(session, self._list_statement(query or ListQuery()))
