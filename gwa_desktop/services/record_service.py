"""What contacts, offers and activities share: transactional writes and paged lists.

Each write validates first (so a form keeps its input and shows every problem), then
runs in one transaction; subclasses say how data is validated, applied to a row and
listed.

No lost updates: data read with `get()` carries the row's `version`. An update based on
an older version is refused with a ConflictError instead of overwriting what another
window or computer saved meanwhile; the UPDATE itself names the version in its WHERE
clause (SQLAlchemy's `version_id_col`), so a save racing another one between the check
and the write is refused as well. Data without a version (scripts, demo data) is
written as is.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, TypeVar

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from gwa_desktop.services.counts import count_statement
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.services.listing import FullTextIndex, ListQuery, count, page, probe
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import utcnow
from gwa_desktop.storage.search_index import INDEXED, fts_table, purge

#: Searches whose frequency `_rows_found` remembers, per service.
PROBES_KEPT = 256


class RecordData(Protocol):
    """What the services' data classes share: the row they describe and its version."""

    id: int | None
    version: int | None


Data = TypeVar("Data", bound=RecordData)


class RecordService(Generic[Data]):
    # Any mapped class with `id` and `version` columns; Base itself declares neither.
    model: ClassVar[type[Any]]
    #: Whether a delete merges the FTS5 index at once, so no trigram of a deleted row stays
    #: on disk. Contacts (persons' names) and offers do; activities hold headcounts, and
    #: merging their index costs seconds (it follows with FTS5's own merges).
    purges_search_index: ClassVar[bool] = True

    def __init__(self, database: Database) -> None:
        self.database = database
        self._probed: dict[tuple[str, str], int] = {}

    def validate(self, data: Data) -> None:
        raise NotImplementedError

    def _apply(self, session: Session, record: Any, data: Data) -> None:
        raise NotImplementedError

    def _list_statement(self, query: ListQuery, paged: bool = False) -> Select[Any]:
        """The list's SELECT; `paged` when one page of it is fetched (see `_full_text`)."""
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
            record_id: int = record.id
            return record_id

    def update(self, data: Data) -> None:
        self.update_many([data])

    def update_many(self, records: list[Data]) -> None:
        """Save several records in one transaction, all or none (e.g. imported translations).

        Each data's `version` is set to the saved row's version afterwards.
        """
        for data in records:
            if data.id is None:
                raise ValueError("update needs an id")
            self.checked(data)
        saved = []
        try:
            with self.database.session() as session:
                for data in records:
                    record_id = data.id
                    assert record_id is not None, "checked above"
                    record = session.get(self.model, record_id)
                    if record is None:
                        raise NotFoundError(record_id)
                    if data.version is not None and record.version != data.version:
                        raise ConflictError(record_id, record.version)
                    # One UPDATE per save: a query inside _apply would flush half of it first.
                    with session.no_autoflush:
                        self._apply(session, record, data)
                    touch(record)
                    saved.append(record)
                session.flush()
        except StaleDataError as error:
            raise self._stale(records) from error
        # The data now describes the saved row: a form that stays open saves again.
        for data, record in zip(records, saved):
            data.version = record.version

    def _stale(self, records: list[Data]) -> Exception:
        """Which record another save overtook between our read and our write."""
        with self.database.session() as session:
            versions: dict[int, int] = dict(
                session.execute(
                    select(self.model.id, self.model.version).where(
                        self.model.id.in_([d.id for d in records])
                    )
                ).all()
            )
        for data in records:
            assert data.id is not None, "update_many refuses data without an id"
            if data.id not in versions:
                return NotFoundError(data.id)
            if versions[data.id] != data.version:
                return ConflictError(data.id, versions[data.id])
        first = records[0].id
        assert first is not None
        return ConflictError(first, versions[first])

    def delete(self, record_ids: list[int]) -> None:
        """Delete for real; what the database links to a record follows its foreign keys.

        A record saved elsewhere between reading and deleting it is read once more and
        deleted in its newer version: the officer asked for the record to go.
        """
        try:
            self._delete(record_ids)
        except StaleDataError:
            self._delete(record_ids)

    def _delete(self, record_ids: list[int]) -> None:
        with self.database.session() as session:
            for record_id in record_ids:
                record = session.get(self.model, record_id)
                if record is not None:
                    session.delete(record)
            session.flush()
            self._purge_search_index(session)

    def _purge_search_index(self, session: Session) -> None:
        """What erased rows left in the full-text index goes too (storage.search_index)."""
        if self.purges_search_index and self.model.__tablename__ in INDEXED:
            purge(session.connection(), self.model.__tablename__)

    def _full_text(self, row_id: Any, paged: bool = False) -> FullTextIndex | None:
        """The FTS5 index of this list on SQLite; PostgreSQL's trigram index serves LIKE.

        `paged`: the statement fetches one page, so frequent words are tested in list
        order (listing.FREQUENT); counts and totals always take the rows from the index.
        """
        if not self.database.is_sqlite:
            return None
        return FullTextIndex(
            fts_table(self.model.__tablename__), row_id, self._rows_found if paged else None
        )

    def _rows_found(self, fts: str, match: str) -> int:
        """`listing.probe`, remembered: it only chooses the plan, never the rows found, so
        an answer from before the last write is still a good choice (and saves a query per
        page and per branch of the contacts' search)."""
        key = (fts, match)
        if key not in self._probed:
            if len(self._probed) > PROBES_KEPT:
                self._probed.clear()
            with self.database.session() as session:
                self._probed[key] = int(session.scalar(probe(fts, match)) or 0)
        return self._probed[key]

    def list_rows(
        self, query: ListQuery, offset: int = 0, limit: int = 500
    ) -> list[tuple[Any, ...]]:
        with self.database.session() as session:
            return page(session, self._list_statement(query, paged=True), offset, limit)

    def count(self, query: ListQuery | None = None) -> int:
        """The rows of the list for `query`; without one, of the unfiltered list.

        The unfiltered list holds one row per record, so its table is counted, with the
        statement `gwa count` runs without SQLAlchemy (services.counts): the list's ORM
        statement would first configure every mapper (tests/test_cli_count.py compares
        both)."""
        with self.database.session() as session:
            if query is None:
                statement = text(count_statement(self.model.__tablename__))
                return int(session.execute(statement).scalar_one())
            return count(session, self._list_statement(query))


def touch(record: Any) -> None:
    """Mark the row itself as saved, raising its version.

    SQLAlchemy raises the version only when the row's own columns change; a save that
    changes only linked rows (tags, texts, contact persons, consents) must count as a
    change too, or a form opened earlier would overwrite it unnoticed.
    """
    record.updated_at = utcnow()
    flag_modified(record, "updated_at")
