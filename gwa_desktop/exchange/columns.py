"""The columns of the offer, activity and contact tables, shared by the workbook and the CSVs.

Each column turns a record into a cell value once; the workbook formats it (dates,
numbers) and the CSV writer spells it the way German Excel reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from gwa_desktop.exchange.vocabulary import german, language_names

TEXT, DATE, TIME, INTEGER, DECIMAL, MONEY = "text", "date", "time", "integer", "decimal", "money"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    kind: str
    value: Callable[[dict[str, Any]], Any]


def _plain(key: str, header: str, width: float, kind: str = TEXT) -> Column:
    return Column(header, width, kind, lambda record: record[key])


def _label(key: str, header: str, width: float) -> Column:
    return Column(header, width, TEXT, lambda record: german(record[key]))


def _labels(key: str, header: str, width: float) -> Column:
    return Column(header, width, TEXT, lambda record: ", ".join(german(v) for v in record[key]))


def _languages(header: str = "Sprachen", width: float = 26) -> Column:
    return Column(header, width, TEXT, lambda record: language_names(record["languages"]))


#: Filled from the dataset, not from the record: one package holds one municipality.
MUNICIPALITY = Column("Gemeinde", 22, TEXT, lambda record: "")

OFFER_COLUMNS = (
    MUNICIPALITY,
    _plain("title", "Titel", 30),
    _label("category", "Bereich", 16),
    _label("status", "Status", 10),
    _label("recurrence", "Rhythmus", 16),
    _plain("start_date", "Beginn", 12, DATE),
    _plain("end_date", "Ende", 12, DATE),
    _plain("start_time", "Von", 8, TIME),
    _plain("end_time", "Bis", 8, TIME),
    _plain("place_name", "Treffpunkt", 22),
    _plain("city", "Ort", 16),
    _labels("target_groups", "Zielgruppen", 24),
    _languages("Sprachen im Angebot"),
    _plain("provider", "Träger", 24),
    Column("Kosten (€)", 11, MONEY, lambda r: (r["cost_cents"] or 0) / 100),
    Column("Anmeldung nötig", 10, TEXT, lambda r: "ja" if r["registration_required"] else "nein"),
    _plain("description", "Beschreibung", 50),
)

ACTIVITY_COLUMNS = (
    MUNICIPALITY,
    _plain("occurred_on", "Datum", 12, DATE),
    _label("kind", "Art", 18),
    _plain("title", "Titel", 30),
    _plain("offer", "Angebot", 24),
    _plain("participants_total", "Teilnehmende gesamt", 12, INTEGER),
    _plain("participants_women", "Frauen", 9, INTEGER),
    _plain("participants_men", "Männer", 9, INTEGER),
    _plain("participants_diverse", "Divers", 9, INTEGER),
    _plain("age_under_18", "unter 18", 9, INTEGER),
    _plain("age_18_26", "18–26", 9, INTEGER),
    _plain("age_27_64", "27–64", 9, INTEGER),
    _plain("age_65_plus", "65+", 9, INTEGER),
    _plain("newcomers", "Neu dabei", 10, INTEGER),
    _plain("regulars", "Regelmäßig", 11, INTEGER),
    _plain("volunteers_count", "Ehrenamtliche", 12, INTEGER),
    _plain("volunteer_hours", "Ehrenamtsstunden", 12, DECIMAL),
    _languages(),
)

CONTACT_COLUMNS = (
    _plain("name", "Name", 26),
    _label("kind", "Art", 12),
    _plain("organisation", "Organisation", 24),
    _label("role", "Rolle", 20),
    _plain("phone", "Telefon", 16),
    _plain("email", "E-Mail", 28),
    _plain("street", "Straße", 22),
    _plain("postal_code", "PLZ", 7),
    _plain("city", "Ort", 16),
    _languages(),
    Column("Zuständig für", 24, TEXT, lambda r: ", ".join(r["topics"])),
    _label("legal_basis", "Rechtsgrundlage", 18),
    _plain("consents", "Einwilligungen", 30),
    _plain("notes", "Notizen", 40),
)


def row_maker(
    columns: tuple[Column, ...], municipality: str = ""
) -> Callable[[dict[str, Any]], list[Any]]:
    """A function from a record to its cell values; the municipality column is filled from the dataset.

    Values stay raw here: each writer passes every cell through `cell_text`."""
    getters = [(lambda record: municipality) if c is MUNICIPALITY else c.value for c in columns]
    return lambda record: [get(record) for get in getters]


def rows(
    columns: tuple[Column, ...], records: Iterable[dict[str, Any]], municipality: str = ""
) -> Iterator[list[Any]]:
    """Cell values per record (see `row_maker`)."""
    return map(row_maker(columns, municipality), records)
