"""The record of processing activities (Art. 30 GDPR), made from the settings and the data.

The controller comes from the municipality's settings, the retention periods from
services.retention, and the categories of data from the columns the program stores:
`CONTACT_CATEGORIES` names every column of `contacts` that holds something about a
person (a test fails when a column is added without saying here what it is), and the
counts per legal basis say how many persons the record covers today.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.retention import BASIS_KEYS, NO_BASIS, basis_label
from gwa_desktop.i18n import N_, _, ui_language
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.output.pdf.document import PrintResult
from gwa_desktop.services.retention import RetentionService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Contact

#: Each column of `contacts` with the data category it belongs to (untranslated label).
CONTACT_CATEGORIES: dict[str, str] = {
    "name": N_("Name"),
    "kind": N_("Person or organisation"),
    "organisation_id": N_("Organisation the person belongs to"),
    "role": N_("Roles (e.g. volunteer, language mediator)"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "street": N_("Postal address"),
    "postal_code": N_("Postal address"),
    "city": N_("Postal address"),
    "notes": N_("Notes of the officer"),
    "legal_basis": N_("Legal basis"),
}
#: Columns that hold no fact about the person: keys, copies for search and sorting, versions.
TECHNICAL_COLUMNS = ("id", "sort_key", "search_text", "version", "created_at", "updated_at")
#: Tables beside `contacts` that hold data of persons, with their category.
RELATED_CATEGORIES = (
    N_("Languages spoken, topics and tags"),
    N_(
        "Consents: date, purpose, form, method, withdrawal; being named publicly as its own purpose"
    ),
    N_("Contact person of offers, and who is printed on an offer's flyer"),
    N_("Erasure log: former record number, date, action and reason (no personal data)"),
    N_("Salted hashes of erased names and numbers, so that exports still blank them"),
)


def build_processing_record(database: Database, today: date) -> PrintResult:
    from gwa_desktop.output.pdf.sectioned_document import Section, build_report

    municipality = SettingsService(database).get()
    periods = RetentionService(database).periods()
    counts = _persons_per_basis(database)
    controller = [
        (_("Controller"), municipality.name or _("(enter in the settings)")),
        (_("Address"), municipality.officer_address.replace("\n", ", ")),
        (_("Integration officer"), municipality.officer_name),
        (_("Phone"), municipality.officer_phone),
        (_("E-mail"), municipality.officer_email),
        (_("District"), municipality.district),
    ]
    categories = list(dict.fromkeys(_(label) for label in CONTACT_CATEGORIES.values()))
    sections = [
        Section(_("Controller (Art. 30(1)(a))"), controller),
        Section(
            _("Name and purposes of the processing (Art. 30(1)(b))"),
            paragraphs=[
                _(
                    "Integration work of the municipality: keeping in touch with newcomers, volunteers, "
                    "language mediators and organisations of the local network; informing about offers; "
                    "naming contact persons on prints of offers (only with their consent to that); "
                    "anonymous figures of activities for the district."
                )
            ],
        ),
        Section(
            _("Categories of persons and of data (Art. 30(1)(c))"),
            [
                (
                    _("Persons"),
                    _(
                        "Newcomers, volunteers, language mediators, contact persons of organisations"
                    ),
                ),
                (_("Data of each person"), ", ".join(categories)),
                (_("Also stored"), "; ".join(_(label) for label in RELATED_CATEGORIES)),
                (_("Activities"), _("Anonymous headcounts only, no data of persons")),
            ],
        ),
        Section(
            _("Persons stored, by legal basis"),
            [(basis_label(key), str(counts.get(key, 0))) for key in BASIS_KEYS],
        ),
        Section(
            _("Recipients (Art. 30(1)(d, e))"),
            paragraphs=[
                _(
                    "The district receives anonymous figures and offers. A full export with contacts leaves "
                    "the municipality only encrypted with a password, and only on the officer's decision. "
                    "No transfer to third countries."
                )
            ],
        ),
        Section(
            _("Time limits for erasure (Art. 30(1)(f))"),
            [
                (
                    basis_label(key),
                    _("{months} months after the last contact").format(months=months),
                )
                for key, months in periods.items()
            ],
            [
                _(
                    "The last contact is the latest of: the record's last change, a consent given or "
                    "withdrawn, an activity of an offer the person is contact person of. Contact persons of "
                    "active offers are kept while the offer runs. Persons due are reviewed and deleted or "
                    "anonymised; each erasure is logged without personal data."
                )
            ],
        ),
        Section(
            _("Technical and organisational measures (Art. 30(1)(g), Art. 32)"),
            paragraphs=[
                _(
                    "Backups are encrypted (AES-256-GCM) with a key file of the data folder or a password, "
                    "kept owner-only and rotated; a restore applies every later erasure again. Deleted data "
                    "is overwritten in the database file and its journal. Exports with personal data are "
                    "encrypted with a password. Persons without a legal basis may be stored with their name "
                    "only."
                )
            ],
        ),
    ]
    return build_report(
        _("Record of processing activities (Art. 30 GDPR)"),
        _("{municipality}, as of {day}").format(
            municipality=municipality.name or _("The municipality"), day=format_date(today)
        ),
        sections,
        ui_language(),
        _("Page {page} of {pages}"),
        author=municipality.name,
    )


def _persons_per_basis(database: Database) -> dict[str, int]:
    with database.session() as session:
        rows = session.execute(
            select(Contact.legal_basis, func.count())
            .where(Contact.kind == ContactKind.PERSON)
            .group_by(Contact.legal_basis)
        )
        return {(basis.value if basis else NO_BASIS): count for basis, count in rows}
