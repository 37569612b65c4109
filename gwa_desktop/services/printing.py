"""Gathers offers, contact persons and the municipality's data for the print builders.

The UI and the command line ask this service for a PDF; it never draws anything itself
(that is gwa_desktop.output.pdf) and the output modules never open the database.

Every text is bounded before it is laid out: the input limits (validation.max_length)
keep new texts short, but older data or a text that came in another way may be longer,
and laying out a 160,000-character description took minutes. Such a text is printed up
to the limit, ending in "…", with a warning, so a print always finishes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, TargetGroup
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.i18n import _
from gwa_desktop.output.pdf.offer_view import ContactLine, missing_translations, offer_view
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.public_contacts import PublicContactService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.services.validation import max_length, table_columns
from gwa_desktop.storage.models import Base, Contact, MunicipalitySettings, Offer, OfferText

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from gwa_desktop.output.pdf.document import PrintResult
    from gwa_desktop.output.pdf.flyer import FlyerOptions
    from gwa_desktop.output.pdf.overview import OverviewOptions

# The PDF builders (ReportLab, HarfBuzz, ICU) are imported by the print that needs
# them, inside the methods below: the window and every `gwa` command import this
# service, and a consent form needs neither the flyer nor the board modules.

T = TypeVar("T", bound="DataclassInstance")
ELLIPSIS = "…"


@dataclass(frozen=True)
class OverviewSelection:
    """Which offers a board shows: given ids, or all active ones, narrowed by the filters."""

    offer_ids: tuple[int, ...] | None = None
    category: OfferCategory | None = None
    target_group: TargetGroup | None = None


class PrintingService:
    def __init__(
        self,
        offers: OfferService,
        contacts: ContactService,
        settings: SettingsService,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.offers, self.contacts, self.settings, self.today = offers, contacts, settings, today
        self.public_contacts = PublicContactService(contacts.database)

    @classmethod
    def from_services(cls, services: Any) -> PrintingService:
        """From a `Services` registry (typed loosely to keep the registry free of prints)."""
        return cls(services.offers, services.contacts, services.settings)

    def missing_translations(
        self, offer_ids: list[int], languages: list[str]
    ) -> dict[int, list[str]]:
        """Offer id → chosen languages it has no text in; shown before printing."""
        return missing_translations(self.offers.get_many(offer_ids), languages)

    def flyer(self, offer_id: int, options: FlyerOptions) -> PrintResult:
        from gwa_desktop.output.pdf.flyer import FlyerContent, build_flyer

        cut: list[str] = []
        offer = bounded_offer(self.offers.get(offer_id), cut)
        municipality = self._municipality(cut)
        public = self.public_contacts.for_offers([offer], municipality)[offer_id]
        contacts = _bounded_lines(public.lines, cut)
        today = self.today()
        views = [offer_view(offer, language, contacts, today) for language in options.languages]
        # The strips and the QR code show the same number as the contact line: the office's
        # unless the officer chose the named contact's own number for this offer.
        content = FlyerContent(
            views, offer.category, municipality, web_url=offer.web_url, phone=public.phone
        )
        return _with_cut_warning(build_flyer(content, options), cut)

    def selected_offers(self, selection: OverviewSelection) -> list[OfferData]:
        statuses = () if selection.offer_ids is not None else (OfferStatus.ACTIVE,)
        ids = list(selection.offer_ids) if selection.offer_ids is not None else None
        return [
            offer
            for offer in self.offers.get_many(ids, statuses)
            if (selection.category is None or offer.category is selection.category)
            and (selection.target_group is None or selection.target_group in offer.target_groups)
        ]

    def overview(
        self, selection: OverviewSelection, options: OverviewOptions, weekly_plan: bool = False
    ) -> PrintResult:
        """Raises EmptySelectionError when the selection matches no offer."""
        from gwa_desktop.output.pdf.board import BoardEntry
        from gwa_desktop.output.pdf.document import EmptySelectionError
        from gwa_desktop.output.pdf.overview import BoardContent, build_overview
        from gwa_desktop.output.pdf.weekly_plan import build_weekly_plan

        offers = self.selected_offers(selection)
        if not offers:
            raise EmptySelectionError("no offers match the selection")
        cut: list[str] = []
        municipality = self._municipality(cut)
        today = self.today()
        public = self.public_contacts.for_offers(offers, municipality)
        entries = []
        for offer in offers:
            contacts = _bounded_lines(public[offer.id].lines if offer.id else [], cut)
            offer = bounded_offer(offer, cut)
            entries.append(
                BoardEntry(
                    offer, [offer_view(offer, code, contacts, today) for code in options.languages]
                )
            )
        content = BoardContent(entries, municipality, today)
        return _with_cut_warning(
            (build_weekly_plan if weekly_plan else build_overview)(content, options), cut
        )

    def personal_data(self, offer_ids: list[int]) -> list[str]:
        """In words, before printing: which personal data the prints of these offers carry
        and which contact persons are left out for want of consent."""
        municipality = self._municipality([])
        public = self.public_contacts.for_offers(self.offers.get_many(offer_ids), municipality)
        carried = list(dict.fromkeys(line for p in public.values() for line in p.personal_data))
        withheld = list(dict.fromkeys(line for p in public.values() for line in p.withheld))
        lines = [_("This print shows: {data}.").format(data="; ".join(carried))] if carried else []
        if municipality.officer_name or municipality.officer_phone:
            lines.append(
                _("The footer shows the officer's name, phone and e-mail from the settings.")
            )
        return lines + withheld

    def consent_form(
        self, language: str, contact_id: int | None = None, purposes: Sequence[str] = ()
    ) -> PrintResult:
        """The consent form; for `contact_id` with her name on it and `purposes` to tick."""
        from gwa_desktop.output.pdf.consent_form import build_consent_form

        cut: list[str] = []
        name = "" if contact_id is None else self.contacts.get(contact_id).name
        return _with_cut_warning(
            build_consent_form(language, self._municipality(cut), name, purposes), cut
        )

    def _municipality(self, cut: list[str]) -> MunicipalityData:
        municipality = self.settings.get()
        return bounded(municipality, MunicipalitySettings, cut, _("the settings"))


def _bounded_lines(lines: list[ContactLine], cut: list[str]) -> list[ContactLine]:
    return [bounded(line, Contact, cut, line.name[:40]) for line in lines]


def bounded(data: T, model: type[Base], cut: list[str], name: str) -> T:
    """`data` with each text cut to its column's limit; `name` goes to `cut` if one was."""
    changes = {}
    for column in table_columns(model):
        value = getattr(data, column.name, None)
        limit = max_length(column)
        if isinstance(value, str) and limit and len(value) > limit:
            changes[column.name] = value[: limit - 1].rstrip() + ELLIPSIS
    if not changes:
        return data
    cut.append(name)
    return replace(data, **changes)


def bounded_offer(offer: OfferData, cut: list[str]) -> OfferData:
    """The offer with its own fields and each language's title and description bounded."""
    name = offer.title[:40] or str(offer.id)
    texts = [bounded(text, OfferText, cut, name) for text in offer.texts]
    return replace(bounded(offer, Offer, cut, name), texts=texts)


def _with_cut_warning(result: PrintResult, cut: list[str]) -> PrintResult:
    if not cut:
        return result
    from gwa_desktop.output.pdf.document import PrintWarning

    names = ", ".join(f"“{name}”" for name in dict.fromkeys(cut))
    warning = PrintWarning(
        "truncated",
        _(
            "Some texts of {names} are longer than the program takes today; the print shows their beginning, "
            "ending in “…”. Shorten them to print them in full."
        ).format(names=names),
    )
    return replace(result, warnings=[*result.warnings, warning])
