"""Writing the report for funders as a PDF or an XLSX workbook, chosen by the file's ending.

Shared by `gwa report` and the dashboard: the content is built once (services/report.py),
anonymised (services/report_document.py) and written atomically, so a failed write
leaves an older report file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.report import build_content
from gwa_desktop.services.report_document import report_document
from gwa_desktop.storage.database import Database

FORMATS = (".pdf", ".xlsx")


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    pages: int
    empty: bool
    warnings: list[str] = field(default_factory=list)


def report_format(path: Path) -> str:
    """ ".pdf" or ".xlsx" from the file name; anything else is refused before any work."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            {
                "out": _("The report is written as .pdf or .xlsx; “{name}” is neither.").format(
                    name=path.name
                )
            }
        )
    return suffix


def write_report(
    database: Database,
    period: Period,
    path: Path,
    programme_id: int | None = None,
    today: date | None = None,
) -> WrittenReport:
    suffix = report_format(path)
    content = build_content(database, period, programme_id, today)
    document = report_document(content)
    if suffix == ".xlsx":
        from gwa_desktop.exchange.atomic import atomic_output
        from gwa_desktop.exchange.report_workbook import write_report_workbook

        with atomic_output(path) as stream:
            write_report_workbook(stream, document)
        return WrittenReport(path, 0, content.is_empty)
    from gwa_desktop.exchange.atomic import write_bytes_atomically
    from gwa_desktop.output.pdf.report import build_report

    result = build_report(document, content.municipality)
    write_bytes_atomically(path, result.pdf)
    return WrittenReport(path, result.pages, content.is_empty, [w.message for w in result.warnings])
