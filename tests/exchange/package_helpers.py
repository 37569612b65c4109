"""Reading back what an export wrote: every member, every workbook cell, figures from SQL."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import text

from gwa_desktop.exchange import encrypted
from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.exchange.records import Period


def open_package(package: Path, password: str | None = None) -> zipfile.ZipFile:
    """The package's zip; an encrypted package is decrypted first (PackageError without the password)."""
    content = Path(package).read_bytes()
    if encrypted.is_encrypted(content):
        if password is None:
            raise PackageError("encrypted")
        content = encrypted.decrypt(
            io.BytesIO(content), len(content), password, Path(package).name, hashlib.sha256()
        )
    return zipfile.ZipFile(io.BytesIO(bytes(content)))


def all_texts(package: Path, password: str | None = None) -> dict[str, str]:
    """Every member as text (the signature as hex); the workbook's own zip members are opened too."""
    texts = {}
    with open_package(package, password) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(content)) as workbook:
                    for inner in workbook.namelist():
                        texts[f"{name}/{inner}"] = workbook.read(inner).decode("utf-8")
            elif name == "manifest.sig":
                texts[name] = content.hex()
            else:
                texts[name] = content.decode("utf-8-sig")
    return texts


def workbook_of(package: Path, password: str | None = None):
    with open_package(package, password) as archive:
        return load_workbook(io.BytesIO(archive.read("bericht.xlsx")))


def labelled_values(sheet) -> dict[str, object]:
    return {
        row[0]: row[1]
        for row in sheet.iter_rows(values_only=True)
        if row and row[0] is not None and len(row) > 1
    }


def figures_from_sql(database, period: Period) -> dict[str, float]:
    """The source figures straight from the tables, independent of the export code."""
    with database.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT COUNT(*), COALESCE(SUM(participants_total), 0), COALESCE(SUM(volunteer_hours), 0),"
                " COALESCE(SUM(participants_women), 0), COALESCE(SUM(age_under_18), 0), COALESCE(SUM(volunteers_count), 0)"
                " FROM activities WHERE occurred_on BETWEEN :start AND :end"
            ),
            {"start": period.start, "end": period.end},
        ).one()
    return {
        "activities": row[0],
        "participants": row[1],
        "hours": round(float(row[2]), 2),
        "women": row[3],
        "under_18": row[4],
        "volunteers": row[5],
    }


def day(text_value: str) -> date:
    return date.fromisoformat(text_value)


def as_another_installation(database) -> None:
    """Make `database` a different village's installation: new id, new key, no exports yet.

    Every test database is a copy of one template, so all start as one installation."""
    with database.session() as session:
        for table in ("installation_identity", "installation_keys", "exported_packages"):
            session.execute(text(f"DELETE FROM {table}"))
