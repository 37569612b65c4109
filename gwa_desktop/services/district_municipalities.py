"""District mode: the list of municipalities the district expects packages from.

Every write checks the whole entry first and runs in one transaction; `add_all` (the
municipalities seen in packages, a list read from a file) stores all entries or none,
so a refused row leaves the list as it was. Names, official keys and installation ids
are unique in the list: two entries claiming one package would make the reporting rate
count it twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.reporting_cycles import (
    DEFAULT_GRACE_DAYS,
    MAX_GRACE_DAYS,
    ReportingCycle,
    normalised_key,
    official_key_problem,
)
from gwa_desktop.services.validation import Checker, length_problem, table_columns
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.municipality_list_models import DistrictMunicipality

#: The fields of an entry, in the order forms, lists and files show them.
FIELDS = (
    "name",
    "official_key",
    "installation_id",
    "cycle",
    "active_from",
    "grace_days",
    "contact_note",
)
#: The longest contact note taken: a few lines (phone, e-mail, who to ask).
NOTE_LIMIT = 1_000


def name_key(name: str) -> str:
    """A name as the list compares it with others and with packages: case and spacing aside."""
    return " ".join(name.split()).casefold()


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


@dataclass(frozen=True)
class MunicipalityInput:
    """An entry as typed in a form, given on the command line or read from a file."""

    name: str
    official_key: str = ""
    installation_id: str = ""
    cycle: ReportingCycle = ReportingCycle.QUARTERLY
    active_from: date = field(default_factory=lambda: date(date.today().year, 1, 1))
    grace_days: int = DEFAULT_GRACE_DAYS
    contact_note: str = ""


@dataclass(frozen=True)
class MunicipalityEntry:
    """An entry as stored."""

    id: int
    name: str
    official_key: str
    installation_id: str
    cycle: ReportingCycle
    active_from: date
    grace_days: int
    contact_note: str

    def as_input(self) -> MunicipalityInput:
        return MunicipalityInput(
            self.name,
            self.official_key,
            self.installation_id,
            self.cycle,
            self.active_from,
            self.grace_days,
            self.contact_note,
        )


class MunicipalityListService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def entries(self) -> list[MunicipalityEntry]:
        """Every entry, in alphabetical order of the names."""
        with self.database.session() as session:
            rows = session.scalars(select(DistrictMunicipality)).all()
            entries = [entry_of(row) for row in rows]
        return sorted(entries, key=lambda e: sort_key(e.name))

    def get(self, entry_id: int) -> MunicipalityEntry:
        with self.database.session() as session:
            return entry_of(_row(session, entry_id))

    def add(self, data: MunicipalityInput) -> int:
        return self.add_all([data])[0]

    def add_all(
        self, entries: Sequence[MunicipalityInput], first_row: int | None = None
    ) -> list[int]:
        """Store every entry, or none when any is refused. The error names the entry by its
        number (from 1), or by its row in a file when `first_row` says where the first one was."""
        with self.database.session() as session:
            existing = list(session.scalars(select(DistrictMunicipality)))
            rows = []
            for number, data in enumerate(entries, 1):
                try:
                    cleaned = _checked(data, existing)
                except ValidationError as error:
                    if len(entries) == 1 and first_row is None:
                        raise
                    where = (
                        _("Entry {number}").format(number=number)
                        if first_row is None
                        else _("Row {number}").format(number=first_row + number - 1)
                    )
                    raise ValidationError(
                        {
                            "": _("{where} ({name}): {problems}").format(
                                where=where, name=data.name.strip(), problems=error
                            )
                        }
                    ) from error
                row = DistrictMunicipality(**_values(cleaned))
                existing.append(row)
                rows.append(row)
            session.add_all(rows)
            session.flush()
            return [row.id for row in rows]

    def edit(self, entry_id: int, data: MunicipalityInput) -> None:
        with self.database.session() as session:
            row = _row(session, entry_id)
            others = [
                other
                for other in session.scalars(select(DistrictMunicipality))
                if other.id != entry_id
            ]
            for key, value in _values(_checked(data, others)).items():
                setattr(row, key, value)

    def remove(self, entry_id: int) -> None:
        """Take the entry off the list; its packages and figures stay."""
        with self.database.session() as session:
            session.delete(_row(session, entry_id))


def _row(session: Session, entry_id: int) -> DistrictMunicipality:
    row = session.get(DistrictMunicipality, entry_id)
    if row is None:
        raise NotFoundError(entry_id)
    return row


def entry_of(row: DistrictMunicipality) -> MunicipalityEntry:
    return MunicipalityEntry(
        row.id,
        row.name,
        row.official_key or "",
        row.installation_id or "",
        ReportingCycle(row.cycle),
        row.active_from,
        row.grace_days,
        row.contact_note,
    )


def _values(data: MunicipalityInput) -> dict[str, object]:
    return {
        "name": data.name,
        "official_key": data.official_key or None,
        "installation_id": data.installation_id or None,
        "cycle": data.cycle.value,
        "active_from": data.active_from,
        "grace_days": data.grace_days,
        "contact_note": data.contact_note,
    }


def _checked(data: MunicipalityInput, others: Iterable[DistrictMunicipality]) -> MunicipalityInput:
    """The entry cleaned (trimmed, key without spaces, id in lower case), or a ValidationError."""
    checker = Checker()
    columns = {column.name: column for column in table_columns(DistrictMunicipality)}
    name = " ".join(data.name.split())
    checker.required("name", name, _("Name"))
    checker.add("name", length_problem(name, columns["name"]))
    key = normalised_key(data.official_key)
    if key:
        problem = official_key_problem(key)
        checker.add("official_key", _(problem) if problem else None)
    installation = data.installation_id.strip().lower()
    if installation:
        try:
            installation = str(uuid.UUID(installation))
        except ValueError:
            checker.add(
                "installation_id",
                _(
                    "This is not an installation id. It looks like "
                    "1b4e28ba-2fa1-11d2-883f-0016d3cca427 (shown on the package's receipt)."
                ),
            )
    if not isinstance(data.cycle, ReportingCycle):
        checker.add("cycle", _("Choose how often the municipality reports."))
    if not 0 <= data.grace_days <= MAX_GRACE_DAYS:
        checker.add(
            "grace_days",
            _("The days of grace lie between 0 and {n}.").format(n=MAX_GRACE_DAYS),
        )
    note = data.contact_note.strip()
    if len(note) > NOTE_LIMIT:
        checker.add(
            "contact_note", _("This is too long: at most {n} characters.").format(n=NOTE_LIMIT)
        )
    for other in others:
        if name and same_name(other.name, name):
            checker.add("name", _("{name} is already on the list.").format(name=other.name))
        if key and other.official_key == key:
            checker.add(
                "official_key",
                _("{name} already has this official key.").format(name=other.name),
            )
        if installation and other.installation_id == installation:
            checker.add(
                "installation_id",
                _("{name} already has this installation id.").format(name=other.name),
            )
    if checker.errors:
        raise ValidationError(checker.errors)
    return MunicipalityInput(
        name, key, installation, data.cycle, data.active_from, data.grace_days, note
    )
