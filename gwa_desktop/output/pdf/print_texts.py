"""The fixed texts printed on flyers and overviews, translated through the print catalog.

Message ids are English (as in the UI); every print language has its own catalog in the
domain "gwa_print", so an officer with a German UI prints "Wann" as "متى" in an Arabic
column.  Labels of categories and target groups live here too, because the UI's labels
are translated only into the UI languages.
"""

from __future__ import annotations

import gettext

from babel.lists import format_list

from gwa_desktop.domain.enums import OfferCategory, TargetGroup
from gwa_desktop.i18n import P_, print_translation
from gwa_desktop.i18n.formatting import babel_locale

WHEN = P_("When")
WHERE = P_("Where")
COST = P_("Cost")
FREE = P_("free of charge")
REGISTRATION = P_("Registration")
REGISTRATION_REQUIRED = P_("Registration required")
NO_REGISTRATION = P_("No registration needed – just come along")
CONTACT = P_("Contact")
NEXT_DATES = P_("Next dates")
#: Under the next dates: "fällt am 24.12. aus" for a cancelled date among them.
CANCELLED_ON = P_("cancelled on {dates}")
LANGUAGES_SPOKEN = P_("Languages spoken")
FOR_WHOM = P_("For whom")
SCAN_WEB = P_("Scan for more information")
SCAN_PHONE = P_("Scan to call")
NOT_TRANSLATED = P_("Not yet translated – text in German")
OVERVIEW_TITLE = P_("Offers in {municipality}")
OVERVIEW_TITLE_PLAIN = P_("Our offers")
WEEKLY_PLAN_TITLE = P_("Weekly plan")
AS_OF = P_("As of {date}")
CONTINUED = P_("{heading} (continued)")

#: The plain-language ("Leichte Sprache") flyer: one short sentence or question per fact.
PLAIN_WHEN = P_("When?")
PLAIN_WHERE = P_("Where?")
PLAIN_FOR_WHOM = P_("For whom?")
PLAIN_FREE = P_("It costs nothing.")
PLAIN_COST = P_("It costs {cost}.")
PLAIN_NO_REGISTRATION = P_("You do not need to register.")
PLAIN_REGISTRATION = P_("Please register first.")
PLAIN_LANGUAGES = P_("We speak: {languages}.")
PLAIN_CALL = P_("Questions? Call {phone}.")
PLAIN_CALL_NAMED = P_("Questions? Call {name}: {phone}.")
PLAIN_ASK = P_("Questions? Ask {name}.")

CATEGORY_LABELS = {
    OfferCategory.LANGUAGE: P_("Learning languages"),
    OfferCategory.EDUCATION: P_("Education and homework help"),
    OfferCategory.FAMILY: P_("Family"),
    OfferCategory.WORK: P_("Work and career"),
    OfferCategory.COUNSELLING: P_("Advice and counselling"),
    OfferCategory.LEISURE: P_("Leisure and sport"),
    OfferCategory.HEALTH: P_("Health"),
    OfferCategory.OTHER: P_("Other offers"),
}

TARGET_GROUP_LABELS = {
    TargetGroup.EVERYONE: P_("everyone"),
    TargetGroup.FAMILIES: P_("families"),
    TargetGroup.CHILDREN: P_("children"),
    TargetGroup.YOUTH: P_("young people"),
    TargetGroup.WOMEN: P_("women"),
    TargetGroup.MEN: P_("men"),
    TargetGroup.SENIORS: P_("senior citizens"),
    TargetGroup.NEWCOMERS: P_("newcomers"),
    TargetGroup.VOLUNTEERS: P_("volunteers"),
}


class PrintTexts:
    """Translator for one print language: `texts(WHEN)` gives "Wann" for German."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = print_translation(language)

    def __call__(self, message: str) -> str:
        return self._catalog.gettext(message)

    @property
    def has_catalog(self) -> bool:
        """False when no catalog exists and the English message ids would be printed."""
        return isinstance(self._catalog, gettext.GNUTranslations) or self.language == "en"

    def category(self, category: OfferCategory) -> str:
        return self(CATEGORY_LABELS[category])

    def target_groups(self, groups: list[TargetGroup]) -> str:
        return self.join([self(TARGET_GROUP_LABELS[group]) for group in groups])

    def join(self, items: list[str]) -> str:
        """A list in the language's own style ("a، b و c" in Arabic), from CLDR."""
        return (
            format_list(items, style="standard", locale=babel_locale(self.language))
            if items
            else ""
        )
