"""Which offer texts exist in which language, and which are missing.

An offer counts as translated into a language when it has a title there and, if the
German text has a description, a description too: a flyer with a translated title over
a German paragraph still leaves the reader out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gwa_desktop.domain.enums import LabelledEnum
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE, OfferData
from gwa_desktop.i18n import N_


class TextState(LabelledEnum):
    COMPLETE = "complete"
    NO_DESCRIPTION = "no_description"
    MISSING = "missing"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.COMPLETE: N_("translated"),
            cls.NO_DESCRIPTION: N_("description missing"),
            cls.MISSING: N_("missing"),
        }


@dataclass(frozen=True)
class CoverageRow:
    offer_id: int
    title: str
    states: dict[str, TextState]

    def missing_languages(self) -> list[str]:
        return [
            language for language, state in self.states.items() if state is not TextState.COMPLETE
        ]


def text_state(offer: OfferData, language: str) -> TextState:
    text = offer.text_in(language)
    if text is None or not text.title.strip():
        return TextState.MISSING
    german = offer.text_in(REQUIRED_TEXT_LANGUAGE)
    if german is not None and german.description.strip() and not text.description.strip():
        return TextState.NO_DESCRIPTION
    return TextState.COMPLETE


def translated_languages(offers: Sequence[OfferData]) -> list[str]:
    """The languages other than German that at least one offer has a text in."""
    found = {text.language for offer in offers for text in offer.texts}
    return sorted(found - {REQUIRED_TEXT_LANGUAGE})


def coverage(offers: Sequence[OfferData], languages: Sequence[str]) -> list[CoverageRow]:
    """One row per offer with its state in each of `languages`."""
    return [
        CoverageRow(
            offer.id, offer.title, {language: text_state(offer, language) for language in languages}
        )
        for offer in offers
        if offer.id is not None
    ]
