"""Gathers offers, contact persons and the municipality's data for the print builders.

The UI and the command line ask this service for a PDF; it never draws anything itself
(that is gwa_desktop.output.pdf) and the output modules never open the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, TargetGroup
from gwa_desktop.domain.plain_text import one_line, phone_number
from gwa_desktop.output.pdf.board import BoardEntry
from gwa_desktop.output.pdf.consent_form import build_consent_form
from gwa_desktop.output.pdf.document import EmptySelectionError, PrintResult
from gwa_desktop.output.pdf.flyer import FlyerContent, FlyerOptions, build_flyer
from gwa_desktop.output.pdf.offer_view import ContactLine, missing_translations, offer_view
from gwa_desktop.output.pdf.overview import BoardContent, OverviewOptions, build_overview
from gwa_desktop.output.pdf.weekly_plan import build_weekly_plan
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.offers import OfferData, OfferService
from gwa_desktop.services.settings import MunicipalityData, SettingsService


@dataclass(frozen=True)
class OverviewSelection:
    """Which offers a board shows: given ids, or all active ones, narrowed by the filters."""

    offer_ids: tuple[int, ...] | None = None
    category: OfferCategory | None = None
    target_group: TargetGroup | None = None


class PrintingService:
    def __init__(self, offers: OfferService, contacts: ContactService, settings: SettingsService,
                 today: Callable[[], date] = date.today) -> None:
        self.offers, self.contacts, self.settings, self.today = offers, contacts, settings, today

    @classmethod
    def from_services(cls, services) -> PrintingService:
        """From a `Services` registry (typed loosely to keep the registry free of prints)."""
        return cls(services.offers, services.contacts, services.settings)

    def missing_translations(self, offer_ids: list[int], languages: list[str]) -> dict[int, list[str]]:
        """Offer id → chosen languages it has no text in; shown before printing."""
        return missing_translations(self.offers.get_many(offer_ids), languages)

    def flyer(self, offer_id: int, options: FlyerOptions) -> PrintResult:
        offer = self.offers.get(offer_id)
        municipality = self.settings.get()
        contacts = self._contacts(offer, municipality)
        today = self.today()
        views = [offer_view(offer, language, contacts, today) for language in options.languages]
        # The strips and the QR code need a number to call: a contact person's, else the
        # officer's, as when the offer has no contact person at all.
        phone = next((c.phone for c in contacts if c.phone), "") or phone_number(municipality.officer_phone)
        content = FlyerContent(views, offer.category, municipality, web_url=offer.web_url, phone=phone)
        return build_flyer(content, options)

    def selected_offers(self, selection: OverviewSelection) -> list[OfferData]:
        statuses = () if selection.offer_ids is not None else (OfferStatus.ACTIVE,)
        ids = list(selection.offer_ids) if selection.offer_ids is not None else None
        return [
            offer for offer in self.offers.get_many(ids, statuses)
            if (selection.category is None or offer.category is selection.category)
            and (selection.target_group is None or selection.target_group in offer.target_groups)
        ]

    def overview(self, selection: OverviewSelection, options: OverviewOptions, weekly_plan: bool = False) -> PrintResult:
        """Raises EmptySelectionError when the selection matches no offer."""
        offers = self.selected_offers(selection)
        if not offers:
            raise EmptySelectionError("no offers match the selection")
        municipality = self.settings.get()
        today = self.today()
        entries = []
        for offer in offers:
            contacts = self._contacts(offer, municipality)
            entries.append(BoardEntry(offer, [offer_view(offer, code, contacts, today) for code in options.languages]))
        content = BoardContent(entries, municipality, today)
        return (build_weekly_plan if weekly_plan else build_overview)(content, options)

    def consent_form(self, language: str) -> PrintResult:
        return build_consent_form(language, self.settings.get())

    def _contacts(self, offer: OfferData, municipality: MunicipalityData) -> list[ContactLine]:
        """The offer's contact persons; without any, the officer from the settings."""
        lines = []
        for contact_id in offer.contact_person_ids:
            try:
                contact = self.contacts.get(contact_id)
            except NotFoundError:
                continue
            lines.append(ContactLine(one_line(contact.name), phone_number(contact.phone)))
        if not lines and (municipality.officer_name or municipality.officer_phone):
            lines.append(ContactLine(one_line(municipality.officer_name), phone_number(municipality.officer_phone)))
        return lines
