"""A print preview asks the database a fixed number of questions, however many offers it shows.

The preview is rebuilt on every option change; it used to read each contact person's
whole record (five statements each), about a hundred statements for a dozen offers.
"""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.services.printing import OverviewSelection, PrintingService
from tests.services.service_builders import offer_data, person


@contextmanager
def counted_statements(database):
    statements: list[str] = []

    def count(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def _add_offers(contacts, offers, count: int, first: int) -> None:
    for number in range(first, first + count):
        people = [
            person(
                contacts,
                f"Kontakt {number} {n}",
                phone=f"0151 {number:04d}{n}",
                legal_basis=LegalBasis.PUBLIC_TASK,
            )
            for n in range(2)
        ]
        offers.create(offer_data(f"Angebot {number}", contact_person_ids=people))


def _preview_statements(database, printing: PrintingService) -> int:
    options = OverviewOptions(("de", "ar"), "A4", False, "weekday")
    with counted_statements(database) as statements:
        printing.overview(OverviewSelection(), options)
    return len(statements)


def test_overview_preview_needs_the_same_few_statements_for_10_and_40_offers(
    database, contacts, offers, settings
):
    settings.save(
        MunicipalityData(name="Lindental", officer_name="Eva Beispiel", officer_phone="06221 12345")
    )
    printing = PrintingService(offers, contacts, settings)
    _add_offers(contacts, offers, 10, first=1)
    for_ten = _preview_statements(database, printing)
    _add_offers(contacts, offers, 30, first=11)
    for_forty = _preview_statements(database, printing)

    assert for_forty == for_ten, "statements grow with the number of offers"
    assert for_forty <= 12
    print(f"overview preview of 40 offers with 80 contact persons: {for_forty} SQL statements")
