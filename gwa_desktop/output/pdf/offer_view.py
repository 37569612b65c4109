"""What a print says about one offer in one language, as finished strings.

Layouts only place text; everything that depends on the language (fixed labels,
weekday names, dates, money, the German fallback for a missing translation) is decided
here, once, so flyer, overview and weekly plan say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.languages import is_rtl, language_name
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE, OfferData
from gwa_desktop.domain.schedule_text import describe_period, describe_schedule, printed_date
from gwa_desktop.i18n.formatting import babel_locale, format_day_month, format_money

from . import print_texts as t
from .print_texts import PrintTexts

NEXT_DATES_COUNT = 3


@dataclass(frozen=True)
class ContactLine:
    """A contact person as printed: name and phone number."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class OfferView:
    """One offer's printable texts in one language (title and description may be German)."""

    offer_id: int | None
    language: str
    text_language: str
    title: str
    description: str
    when: str
    next_dates: str
    where: str
    cost: str
    registration: str
    languages_spoken: str
    target_groups: str
    contacts: tuple[ContactLine, ...] = field(default_factory=tuple)
    #: "fällt am 24.12. aus": the cancelled dates among the printed next dates.
    cancelled: str = ""
    #: The same cost and registration as short plain-language sentences ("Es kostet
    #: nichts."), for the plain-language flyer; the officer's German notes follow.
    plain_cost: str = ""
    plain_registration: str = ""

    @property
    def is_fallback(self) -> bool:
        """True when the offer has no text in this language and German is printed."""
        return self.text_language != self.language

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    def all_text(self) -> str:
        """Every string of the view, to check fonts cover it."""
        contacts = " ".join(f"{c.name} {c.phone}" for c in self.contacts)
        return " ".join(
            [
                self.title,
                self.description,
                self.when,
                self.next_dates,
                self.cancelled,
                self.where,
                self.cost,
                self.registration,
                self.languages_spoken,
                self.target_groups,
                contacts,
            ]
        )


def offer_view(
    offer: OfferData, language: str, contacts: list[ContactLine], today: date
) -> OfferView:
    """The texts of `offer` for a print in `language`, German where no translation exists."""
    texts = PrintTexts(language)
    own = offer.text_in(language)
    text = own if own and own.title.strip() else offer.text_in(REQUIRED_TEXT_LANGUAGE)
    schedule = offer.schedule
    when = "\n".join(
        part
        for part in (describe_schedule(schedule, language), describe_period(schedule, language))
        if part
    )
    upcoming = (
        []
        if schedule.recurrence is Recurrence.ONCE
        else schedule.next_dates(today, NEXT_DATES_COUNT)
    )
    german = language == REQUIRED_TEXT_LANGUAGE
    cancelled = [
        session.day
        for session in (schedule.sessions(today, upcoming[-1]) if upcoming else [])
        if session.cancelled
    ]
    return OfferView(
        offer_id=offer.id,
        language=language,
        text_language=text.language if text else REQUIRED_TEXT_LANGUAGE,
        title=text.title if text else "",
        description=text.description if text else "",
        when=when,
        next_dates=texts.join([printed_date(day, language) for day in upcoming]),
        where=_where(offer),
        cost=_cost(offer, texts, german),
        registration=_registration(offer, texts, german),
        languages_spoken=texts.join(
            [language_name(code, str(babel_locale(language))) for code in offer.languages]
        ),
        target_groups=texts.target_groups(offer.target_groups),
        contacts=tuple(contacts),
        cancelled=(
            texts(t.CANCELLED_ON).format(
                dates=texts.join([format_day_month(day, language) for day in cancelled])
            )
            if cancelled
            else ""
        ),
        plain_cost=_plain_cost(offer, texts, german),
        plain_registration=_plain_registration(offer, texts, german),
    )


def _has_title(offer: OfferData, language: str) -> bool:
    text = offer.text_in(language)
    return text is not None and bool(text.title.strip())


def missing_translations(offers: list[OfferData], languages: list[str]) -> dict[int, list[str]]:
    """Offer id → the chosen languages it has no title in; offers lacking none are left out."""
    missing: dict[int, list[str]] = {}
    for offer in offers:
        lacking = [lang for lang in languages if not _has_title(offer, lang)]
        if lacking and offer.id is not None:
            missing[offer.id] = lacking
    return missing


#: A place name of two words up to this length is one unit on prints: "Café" at the
#: end of one line and "Mondial" on the next reads as two places.
SHORT_NAME = 24


def _unbroken_if_short(name: str) -> str:
    words = name.split()
    if len(words) == 2 and len(name) <= SHORT_NAME:
        return "\u00a0".join(words)
    return name


def _where(offer: OfferData) -> str:
    town = "\u00a0".join(part for part in (offer.postal_code, offer.city) if part)
    place = _unbroken_if_short(offer.place_name)
    return "\n".join(part for part in (place, _unbroken_if_short(offer.street), town) if part)


def _cost(offer: OfferData, texts: PrintTexts, german: bool) -> str:
    """ "kostenlos" or the amount; the officer's note is German free text, so only German prints it.

    No amount means free of charge: that is what the offer form saves for "kostenlos".
    """
    amount = format_money(offer.cost_cents, texts.language) if offer.cost_cents else texts(t.FREE)
    note = offer.cost_note if german and offer.cost_note.casefold() != amount.casefold() else ""
    return "\n".join(part for part in (amount, note) if part)


def _registration(offer: OfferData, texts: PrintTexts, german: bool) -> str:
    label = texts(t.REGISTRATION_REQUIRED if offer.registration_required else t.NO_REGISTRATION)
    note = offer.registration_note if german else ""
    return "\n".join(part for part in (label, note) if part)


def _plain_cost(offer: OfferData, texts: PrintTexts, german: bool) -> str:
    """A note that only repeats the amount ("kostenlos") is left out, as on the normal flyer."""
    amount = format_money(offer.cost_cents, texts.language) if offer.cost_cents else texts(t.FREE)
    sentence = texts(t.PLAIN_COST).format(cost=amount) if offer.cost_cents else texts(t.PLAIN_FREE)
    note = offer.cost_note if german and offer.cost_note.casefold() != amount.casefold() else ""
    return "\n".join(part for part in (sentence, note) if part)


def _plain_registration(offer: OfferData, texts: PrintTexts, german: bool) -> str:
    sentence = texts(
        t.PLAIN_REGISTRATION if offer.registration_required else t.PLAIN_NO_REGISTRATION
    )
    note = offer.registration_note if german else ""
    return "\n".join(part for part in (sentence, note) if part)
