"""CSV files for other tools, spelled the way German Excel opens them with a double click.

UTF-8 with BOM (otherwise Excel guesses a Windows code page and breaks umlauts),
semicolon as separator and decimal comma, dates as DD.MM.YYYY.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, time
from typing import Any

from gwa_desktop.exchange import vocabulary as v
from gwa_desktop.exchange.cell_text import cell_text
from gwa_desktop.exchange.columns import (
    ACTIVITY_COLUMNS,
    CONTACT_COLUMNS,
    OFFER_COLUMNS,
    Column,
    rows,
)
from gwa_desktop.exchange.records import DistrictData
from gwa_desktop.exchange.summary import KINDS, compute

ENCODING = "utf-8-sig"


def spell(value: Any) -> str:
    """A cell value as German Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


def csv_text(value: str) -> str:
    """Text for a CSV cell: the apostrophe keeps "=…" text in Excel (see `cell_text`)."""
    cell = cell_text(value)
    return "'" + cell.text if cell.formula_like else cell.text


def spreadsheet_csv(header: list[str], body: Iterable[Iterable[Any]]) -> bytes:
    """A whole CSV file as German Excel opens it with a double click (see the module's docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([spell(text) for text in header])
    writer.writerows([spell(value) for value in row] for row in body)
    return buffer.getvalue().encode(ENCODING)


def _records(columns: tuple[Column, ...], datasets: list[DistrictData], attribute: str) -> bytes:
    body = (
        row
        for data in datasets
        for row in rows(columns, getattr(data, attribute), data.municipality)
    )
    return spreadsheet_csv([c.header for c in columns], body)


def csv_members(datasets: list[DistrictData]) -> dict[str, bytes]:
    """File name → content of every CSV file for `datasets`."""
    total = compute(
        [o for d in datasets for o in d.offers], [a for d in datasets for a in d.activities]
    )
    months = (
        [
            month,
            *(total.months[month].by_kind[k] for k in KINDS),
            total.months[month].activities,
            total.months[month].participants,
            total.months[month].volunteers,
            round(total.months[month].volunteer_hours, 2),
        ]
        for month in sorted(total.months)
    )
    members = {
        "csv/angebote.csv": _records(OFFER_COLUMNS, datasets, "offers"),
        "csv/aktivitaeten.csv": _records(ACTIVITY_COLUMNS, datasets, "activities"),
        "csv/monate.csv": spreadsheet_csv(
            [
                "Monat",
                *(v.german(k) for k in KINDS),
                "Aktivitäten gesamt",
                "Teilnehmende",
                "Ehrenamtliche",
                "Ehrenamtsstunden",
            ],
            months,
        ),
    }
    if any(d.contacts for d in datasets):
        members["csv/kontakte.csv"] = _records(CONTACT_COLUMNS, datasets, "contacts")
    return members
