"""District mode: the list of municipalities read from a CSV or Excel file.

Districts keep their municipalities in a spreadsheet already (often the statistics
office's list with the AGS). The first row names the columns: the headings `gwa district
municipalities list` prints, in any UI language, or the field names (name, official_key,
installation_id, cycle, active_from, grace_days, contact_note); "AGS" and "Gemeinde" are
understood too. Only the name is required. The whole file is refused on any bad row,
with every problem found and its row number, so the list is never half imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from gwa_desktop.i18n import N_, UI_LANGUAGES, _, translation_for
from gwa_desktop.services.district_municipalities import (
    FIELDS,
    MunicipalityInput,
    MunicipalityListService,
)
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.reporting_cycles import CYCLE_LABELS, DEFAULT_GRACE_DAYS, ReportingCycle
from gwa_desktop.services.village_profile import MAX_FILE_BYTES, _csv_rows, _xlsx_rows
from gwa_desktop.storage.database import Database

#: The headings of `gwa district municipalities list` (message ids) per field.
HEADINGS = {
    "name": N_("Municipality"),
    "official_key": N_("Official key"),
    "installation_id": N_("Installation id"),
    "cycle": N_("Cycle"),
    "active_from": N_("Active from"),
    "grace_days": N_("Days of grace"),
    "contact_note": N_("Contact"),
}
#: Further names districts' own lists use.
ALIASES = {"ags": "official_key", "gemeinde": "name", "gemeindename": "name"}
#: More problems than this are not listed one by one.
SHOWN_PROBLEMS = 15
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def import_municipalities(database: Database, path: Path) -> list[int]:
    """Add every row of the file to the list, or none (a ValidationError says why)."""
    entries = read_municipality_file(path)
    return MunicipalityListService(database).add_all(entries, first_row=2)


def read_municipality_file(path: Path) -> list[MunicipalityInput]:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            {
                "": _("The file {path} cannot be read: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            }
        ) from error
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError({"": _("This file is too large for a list of municipalities.")})
    rows = _xlsx_rows(content) if path.suffix.lower() == ".xlsx" else _table_rows(content)
    return entries_from_rows(rows)


def _table_rows(content: bytes) -> list[list[str]]:
    """The rows of a CSV file; one with a single column (just the names) has no
    delimiter for the sniffer to find, and is read line by line."""
    try:
        return _csv_rows(content)
    except csv.Error:
        text = content.decode("utf-8-sig", errors="replace")
        return [row for row in csv.reader(io.StringIO(text), delimiter=";") if any(row)]


def _column_names() -> dict[str, str]:
    names = {field: field for field in FIELDS} | ALIASES
    for field, heading in HEADINGS.items():
        for language in UI_LANGUAGES:
            names[translation_for(language).gettext(heading).casefold()] = field
    return names


def _cycles() -> dict[str, ReportingCycle]:
    cycles: dict[str, ReportingCycle] = {}
    for cycle, label in CYCLE_LABELS.items():
        cycles[cycle.value] = cycle
        for language in UI_LANGUAGES:
            cycles[translation_for(language).gettext(label).casefold()] = cycle
    return cycles


def entries_from_rows(rows: Sequence[Sequence[str]]) -> list[MunicipalityInput]:
    """The entries of a header row and data rows; every problem at once."""
    if not rows:
        raise ValidationError({"": _("The file is empty.")})
    names = _column_names()
    columns: dict[str, int] = {}
    problems: list[str] = []
    for index, heading in enumerate(rows[0]):
        field = names.get(heading.strip().casefold())
        if field is None and heading.strip():
            problems.append(_("Unknown column: {heading}").format(heading=heading.strip()))
        elif field is not None:
            columns.setdefault(field, index)
    if "name" not in columns:
        problems.append(_("The file has no column with the municipality's name."))
    if problems:
        raise ValidationError({"": "\n".join(problems)})
    cycles = _cycles()
    entries = []
    for number, row in enumerate(rows[1:], 2):

        def cell(field: str, row: Sequence[str] = row) -> str:
            index = columns.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        values: dict[str, object] = {
            "name": cell("name"),
            "official_key": cell("official_key"),
            "installation_id": cell("installation_id"),
            "contact_note": cell("contact_note"),
        }
        if cell("cycle"):
            cycle = cycles.get(cell("cycle").casefold())
            if cycle is None:
                problems.append(
                    _("Row {number}: {value!r} is no reporting cycle (e.g. quarterly).").format(
                        number=number, value=cell("cycle")
                    )
                )
            values["cycle"] = cycle or ReportingCycle.QUARTERLY
        if cell("active_from"):
            day = _date(cell("active_from"))
            if day is None:
                problems.append(
                    _("Row {number}: {value!r} is not a date (e.g. 01.01.2026).").format(
                        number=number, value=cell("active_from")
                    )
                )
            else:
                values["active_from"] = day
        grace = cell("grace_days")
        if grace:
            try:
                values["grace_days"] = int(float(grace.replace(",", ".")))
            except ValueError:
                problems.append(
                    _("Row {number}: {value!r} is not a number of days.").format(
                        number=number, value=grace
                    )
                )
        else:
            values["grace_days"] = DEFAULT_GRACE_DAYS
        entries.append(MunicipalityInput(**values))  # type: ignore[arg-type]
    if problems:
        shown = problems[:SHOWN_PROBLEMS]
        if len(problems) > SHOWN_PROBLEMS:
            shown.append(_("… and {n} more problems.").format(n=len(problems) - SHOWN_PROBLEMS))
        raise ValidationError({"": _("Nothing was imported.") + "\n" + "\n".join(shown)})
    if not entries:
        raise ValidationError({"": _("The file has no municipalities below its header row.")})
    return entries


def _date(text: str) -> date | None:
    """01.07.2026, 2026-07-01, or a spreadsheet's date cell ("2026-07-01 00:00:00")."""
    match = GERMAN_DATE.match(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None
