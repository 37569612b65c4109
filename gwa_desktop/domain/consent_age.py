"""How long a consent is taken to hold before the officer asks the person again.

The GDPR sets no expiry date for a consent, but a consent must still be informed and
current: supervisory authorities advise asking again after a time that fits the
purpose, since people move, change numbers and forget what they agreed to. These are
the program's defaults, per purpose; a consent that covers several purposes lasts as
long as the shortest of them.

Consent purposes are free text; a purpose is recognised by the beginnings of words in
it, case ignored ("Fotos" and "fotografieren" both count, "Fortbildung" does not). Being named publicly on prints is its own
purpose with its own flag (`ConsentData.names_publicly`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PurposeAge:
    code: str
    #: Word beginnings that name the purpose in a consent's purpose text (lower case).
    words: tuple[str, ...]
    months: int


#: Photos and videos of a person: published pictures age fast and are hard to recall.
PHOTOS = PurposeAge("photos", ("foto", "photo", "video", "lichtbild", "bildaufnahme"), 24)
#: Being passed on to others: language mediation, volunteering placements.
PLACEMENT = PurposeAge(
    "placement", ("sprachmittl", "dolmetsch", "vermittl", "einsatz", "einsätz"), 36
)
#: Newsletters and information about the municipality's offers.
INFORMATION = PurposeAge("information", ("newsletter", "rundbrief", "information", "einladung"), 36)
PURPOSE_AGES = (PHOTOS, PLACEMENT, INFORMATION)

#: "May be named publicly as contact on prints": flyers and notice boards reach everyone.
PUBLIC_NAMING_MONTHS = 24
#: Any other purpose (storing contact details for the municipality's work).
DEFAULT_MONTHS = 36


def maximum_age_months(purpose: str, names_publicly: bool) -> int:
    """Months a consent with this purpose holds: the shortest of the purposes it covers."""
    words = re.findall(r"\w+", purpose.casefold())
    months = [
        age.months for age in PURPOSE_AGES if any(word.startswith(age.words) for word in words)
    ]
    if names_publicly:
        months.append(PUBLIC_NAMING_MONTHS)
    return min(months, default=DEFAULT_MONTHS)
