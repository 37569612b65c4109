"""Every distinct text that would leave with the district package, shown before it is written.

The anonymous package carries offers by their texts and activities by kind and offer.
The officer sees each of those texts once, with what the privacy detector blanked out
in it, so nothing written about a person can leave without being seen first; the CLI
prints the same list (`gwa export district --show-texts`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.exchange.privacy_detector import ADDRESS, CASE_NUMBER, EMAIL, NAME, PHONE
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import N_, _
from gwa_desktop.services.district_collect import collect_with_findings
from gwa_desktop.storage.database import Database

#: (record list, key) → what the field is, in the order the preview lists them.
FIELDS = {
    ("offers", "title"): N_("Offer title"),
    ("offers", "description"): N_("Offer description"),
    ("offers", "place_name"): N_("Place"),
    ("offers", "city"): N_("Town"),
    ("offers", "provider"): N_("Provider"),
    ("activities", "title"): N_("Kind of activity"),
    ("activities", "offer"): N_("Offer of an activity"),
}
FINDING_LABELS = {
    NAME: N_("a name"),
    PHONE: N_("a phone number"),
    EMAIL: N_("an e-mail address"),
    ADDRESS: N_("an address"),
    CASE_NUMBER: N_("a case or personal number"),
}


@dataclass(frozen=True)
class OutgoingText:
    field: str
    text: str
    #: What was blanked out in it, translated ("a name", "a phone number").
    blanked: tuple[str, ...]
    #: In how many records it occurs.
    count: int


def outgoing_texts(database: Database, period: Period) -> list[OutgoingText]:
    """The texts of the anonymous package for `period`, each field's texts once, in field order."""
    data, findings = collect_with_findings(database, period)
    counts: Counter[tuple[tuple[str, str], str]] = Counter()
    for records, key in FIELDS:
        for record in getattr(data, records):
            if record[key]:
                counts[(records, key), record[key]] += 1
    order = list(FIELDS)
    texts = [
        OutgoingText(_("Municipality"), data.municipality, (), 1),
        *([OutgoingText(_("District"), data.district, (), 1)] if data.district else []),
    ]
    for (field, text), count in sorted(
        counts.items(), key=lambda item: (order.index(item[0][0]), sort_key(item[0][1]))
    ):
        blanked = tuple(_(FINDING_LABELS[kind]) for kind in findings.get(text, ()))
        texts.append(OutgoingText(_(FIELDS[field]), text, blanked, count))
    return texts
