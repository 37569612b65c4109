"""Everything stored about one person, for her request for information (Art. 15 GDPR).

One collection, two forms: a readable PDF the officer hands over and a JSON file with
stable English keys (Art. 15(3) and 20: a copy in a common machine-readable format).
Besides the stored values it states what Art. 15(1) asks for: the purposes, the
recipients (none: the district receives anonymous figures only), how long the data is
kept (the retention period of her legal basis after the last contact), and her rights.
Both files hold personal data and are written owner-only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.retention import NO_BASIS, basis_label
from gwa_desktop.exchange.atomic import atomic_path
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.retention import RetentionService, add_months
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Contact, Offer, OfferText, offer_contacts


@dataclass(frozen=True)
class InformationFiles:
    pdf: Path
    json: Path


def collect(database: Database, contact_id: int, today: date) -> dict[str, Any]:
    """The information as plain data (what the JSON file holds)."""
    person = ContactService(database).get(contact_id)
    municipality = SettingsService(database).get()
    with database.session() as session:
        row = session.get(Contact, contact_id)
        if row is None:
            raise NotFoundError(contact_id)
        created, updated = row.created_at, row.updated_at
        organisation = (
            session.get(Contact, person.organisation_id) if person.organisation_id else None
        )
        offers = session.execute(
            select(Offer.id, OfferText.title, Offer.status)
            .join(offer_contacts, offer_contacts.c.offer_id == Offer.id)
            .join(OfferText, (OfferText.offer_id == Offer.id) & (OfferText.language == "de"))
            .where(offer_contacts.c.contact_id == contact_id)
            .order_by(Offer.id)
        ).all()
    retention = RetentionService(database)
    key = person.legal_basis.value if person.legal_basis else NO_BASIS
    months = retention.periods()[key]
    last = retention.last_contact(contact_id)
    return {
        "generated_on": today.isoformat(),
        "controller": {
            "municipality": municipality.name,
            "address": municipality.officer_address,
            "officer": municipality.officer_name,
            "phone": municipality.officer_phone,
            "email": municipality.officer_email,
        },
        "person": {
            "id": contact_id,
            "kind": person.kind.value,
            "name": person.name,
            "phone": person.phone,
            "email": person.email,
            "street": person.street,
            "postal_code": person.postal_code,
            "city": person.city,
            "notes": person.notes,
            "roles": [role.value for role in person.roles],
            "languages": list(person.languages),
            "topics": list(person.topics),
            "tags": list(person.tags),
            "organisation": organisation.name if organisation else None,
            "legal_basis": person.legal_basis.value if person.legal_basis else None,
            "recorded_at": created.isoformat(timespec="seconds"),
            "last_changed_at": updated.isoformat(timespec="seconds"),
        },
        "consents": [
            {
                "given_on": consent.given_on.isoformat(),
                "purpose": consent.purpose,
                "named_publicly_on_prints": consent.names_publicly,
                "method": consent.method.value,
                "form_version": consent.form_version,
                "form_language": consent.form_language,
                "withdrawn_on": consent.withdrawn_on.isoformat() if consent.withdrawn_on else None,
            }
            for consent in person.consents
        ],
        "contact_person_of_offers": [
            {"id": offer_id, "title": title, "status": status.value}
            for offer_id, title, status in offers
        ],
        "retention": {
            "months_after_last_contact": months,
            "last_contact": last.isoformat() if last else None,
            "review_due_on": add_months(last, months).isoformat() if last else None,
            "ongoing_because_of_active_offer": last is None
            and any(status is OfferStatus.ACTIVE for _id, _title, status in offers),
        },
        "recipients": [],
    }


def information_pdf(info: dict[str, Any]) -> bytes:
    """The readable form of `collect`'s data, in the UI language."""
    from gwa_desktop.domain.enums import ConsentMethod, ContactRole, LegalBasis
    from gwa_desktop.output.pdf.sectioned_document import Section, build_report

    language = ui_language()
    person, retention = info["person"], info["retention"]
    controller = info["controller"]
    basis = person["legal_basis"]
    rows = [
        (_("Name"), person["name"]),
        (_("Phone"), person["phone"]),
        (_("E-mail"), person["email"]),
        (_("Street"), person["street"]),
        (_("Postal code, town"), " ".join(p for p in (person["postal_code"], person["city"]) if p)),
        (_("Organisation"), person["organisation"] or ""),
        (_("Roles"), ", ".join(ContactRole(r).label for r in person["roles"])),
        (_("Languages"), ", ".join(language_name(code, language) for code in person["languages"])),
        (_("Topics"), ", ".join(person["topics"])),
        (_("Tags"), ", ".join(person["tags"])),
        (_("Notes"), person["notes"]),
        (_("Legal basis"), LegalBasis(basis).label if basis else _("No legal basis (name only)")),
        (_("Recorded on"), _date_time(person["recorded_at"])),
        (_("Last changed on"), _date_time(person["last_changed_at"])),
    ]
    consents = [
        (
            format_date(date.fromisoformat(c["given_on"])),
            "; ".join(
                part
                for part in (
                    c["purpose"],
                    _("may be named publicly on prints") if c["named_publicly_on_prints"] else "",
                    ConsentMethod(c["method"]).label,
                    _("withdrawn on {day}").format(
                        day=format_date(date.fromisoformat(c["withdrawn_on"]))
                    )
                    if c["withdrawn_on"]
                    else "",
                )
                if part
            ),
        )
        for c in info["consents"]
    ]
    offers = [
        (f"{_('Offer')} {o['id']}", f"{o['title']} ({OfferStatus(o['status']).label})")
        for o in info["contact_person_of_offers"]
    ]
    if retention["last_contact"]:
        kept = _(
            "Your data is kept {months} months after the last contact ({last}) and then reviewed for "
            "deletion, on {due} at the earliest."
        ).format(
            months=retention["months_after_last_contact"],
            last=format_date(date.fromisoformat(retention["last_contact"])),
            due=format_date(date.fromisoformat(retention["review_due_on"])),
        )
    else:
        kept = _(
            "Your data is kept while you are contact person of an active offer, then {months} months after the "
            "last contact."
        ).format(months=retention["months_after_last_contact"])
    sections = [
        Section(_("Stored data"), rows),
        Section(
            _("Consents"),
            consents,
            [] if consents else [_("No consent is recorded.")],
        ),
        Section(
            _("Contact person of offers"),
            offers,
            [] if offers else [_("You are not named as contact person of an offer.")],
        ),
        Section(
            _("Purpose, recipients and duration"),
            paragraphs=[
                _(
                    "Purpose: the integration officer's contact with you and information about the "
                    "municipality's offers; as contact person of an offer, naming you on its prints only "
                    "with your consent to that."
                ),
                _(
                    "Recipients: none. The district receives anonymous figures only; your data is not passed on."
                ),
                basis_label(basis or NO_BASIS) + ". " + kept,
                _("Source: you yourself, or the officer's notes of her contact with you."),
            ],
        ),
        Section(
            _("Your rights"),
            paragraphs=[
                _(
                    "You may ask for correction (Art. 16 GDPR), erasure (Art. 17), restriction (Art. 18) and "
                    "object to the processing (Art. 21); you may withdraw a consent at any time with effect "
                    "for the future (Art. 7(3)). You have the right to lodge a complaint with the data "
                    "protection supervisory authority (Art. 77)."
                ),
                " · ".join(
                    p
                    for p in (
                        controller["municipality"],
                        controller["officer"],
                        controller["address"].replace("\n", ", "),
                        controller["phone"],
                        controller["email"],
                    )
                    if p
                ),
            ],
        ),
    ]
    result = build_report(
        _("Information about your stored data (Art. 15 GDPR)"),
        _("{municipality}, as of {day}").format(
            municipality=controller["municipality"] or _("The municipality"),
            day=format_date(date.fromisoformat(info["generated_on"])),
        ),
        sections,
        language,
        _("Page {page} of {pages}"),
        author=controller["municipality"],
    )
    return result.pdf


def write_information(
    database: Database, contact_id: int, folder: Path, today: date
) -> InformationFiles:
    """Write `information-ID.pdf` and `information-ID.json` into `folder`, owner-only."""
    info = collect(database, contact_id, today)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"information-{contact_id}-{today.isoformat()}"
    files = InformationFiles(folder / f"{stem}.pdf", folder / f"{stem}.json")
    write_private(files.pdf, information_pdf(info))
    write_private(
        files.json, json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    )
    return files


def write_private(target: Path, content: bytes) -> None:
    """Written completely or not at all, readable by its owner only (personal data)."""
    with atomic_path(target) as temporary:
        os.chmod(temporary, 0o600)
        temporary.write_bytes(content)


def _date_time(text: str) -> str:
    return format_date(datetime.fromisoformat(text).date())
