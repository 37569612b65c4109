"""Gathers one volunteer's year for her certificate: hours, tasks, offers, trainings.

The hours come from the helper lists of the activities in that year; offers are named in
each print language where the offer has a text in it (else in German), an activity
without an offer by its own title. Only a person whose legal basis holds gets a
certificate with her name: the same rule as every list that names her.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from gwa_desktop.domain.legal_basis import legal_basis_holds
from gwa_desktop.domain.plain_text import one_line
from gwa_desktop.domain.volunteer import from_steps
from gwa_desktop.i18n import _
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.services.volunteer_profiles import read_profile
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Contact, OfferText
from gwa_desktop.storage.volunteer_models import ActivityHelper

if TYPE_CHECKING:
    from gwa_desktop.output.pdf.certificate import CertificateContent
    from gwa_desktop.output.pdf.document import PrintResult

GERMAN = "de"


class NotAVolunteerError(ValueError):
    """Nothing to certify: unknown contact, no legal basis, or no hours and trainings.

    A ValueError, as the print dialogs show such a refusal in place of the preview."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class CertificateService:
    def __init__(
        self, database: Database, settings: SettingsService, today: Callable[[], date] = date.today
    ) -> None:
        self.database, self.settings, self.today = database, settings, today

    @classmethod
    def from_services(cls, services: Any) -> CertificateService:
        """From a `Services` registry (typed loosely to keep the registry free of prints)."""
        return cls(services.database, services.settings)

    def certificate(self, contact_id: int, year: int, language: str = GERMAN) -> PrintResult:
        from gwa_desktop.output.pdf.certificate import build_certificate

        return build_certificate(self.content(contact_id, year, language))

    def content(self, contact_id: int, year: int, language: str = GERMAN) -> CertificateContent:
        from gwa_desktop.output.pdf.certificate import CertificateContent

        languages = list(dict.fromkeys([GERMAN, language]))
        first, last = date(year, 1, 1), date(year, 12, 31)
        with self.database.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotAVolunteerError(
                    _("There is no contact with the number {id}.").format(id=contact_id)
                )
            name = one_line(contact.name)
            if not legal_basis_holds(contact.kind, contact.legal_basis, contact.consents):
                raise NotAVolunteerError(
                    _(
                        "{name} has no consent or other legal basis: a certificate with the name cannot be made."
                    ).format(name=name)
                )
            profile = read_profile(session, contact_id)
            helped = session.execute(
                select(Activity.id, Activity.title, Activity.offer_id, ActivityHelper.quarter_hours)
                .join(ActivityHelper, ActivityHelper.activity_id == Activity.id)
                .where(
                    ActivityHelper.contact_id == contact_id,
                    Activity.occurred_on.between(first, last),
                )
                .order_by(Activity.occurred_on, Activity.id)
            ).all()
            offer_ids = list(dict.fromkeys(row.offer_id for row in helped if row.offer_id))
            titles: dict[tuple[int, str], str] = {
                (offer_id, text_language): title
                for offer_id, text_language, title in session.execute(
                    select(OfferText.offer_id, OfferText.language, OfferText.title).where(
                        OfferText.offer_id.in_(offer_ids), OfferText.language.in_(languages)
                    )
                )
            }
        trainings = [
            t for t in (profile.trainings if profile else []) if first <= t.attended_on <= last
        ]
        if not helped and not trainings:
            raise NotAVolunteerError(
                _("{name} is not listed as a helper at any activity in {year}.").format(
                    name=name, year=year
                )
            )
        offers = {
            code: list(
                dict.fromkeys(
                    one_line(
                        titles.get((row.offer_id, code))
                        or titles.get((row.offer_id, GERMAN))
                        or row.title
                    )
                    if row.offer_id
                    else one_line(row.title)
                    for row in helped
                )
            )
            for code in languages
        }
        return CertificateContent(
            name=name,
            year=year,
            hours=from_steps(sum(row.quarter_hours for row in helped)),
            activities=len(helped),
            tasks=list(profile.tasks) if profile else [],
            offers=offers,
            trainings=trainings,
            municipality=self.settings.get(),
            issued_on=self.today(),
            languages=languages,
        )
