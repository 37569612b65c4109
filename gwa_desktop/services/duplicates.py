"""Likely duplicate contacts and offers, scored by weighted rules.

A village's contacts are typed in by several people over years: "Anna Müller" and
"Anna Mueller", the same number once with and once without the area code. Each rule
adds its weight to a pair's score (capped at 100); a pair at or above the threshold is
a candidate the officer looks at, merges or declares distinct ("not a duplicate", kept
in `contact_non_duplicates`).

- name: the folded names (case, accents, "ü"/"ue", word order) are compared with
  RapidFuzz's normalised Indel similarity; from `NAME_MIN_SIMILARITY` on the name adds
  its weight times the similarity. Identical names alone reach the threshold.
- e-mail: the same address (case ignored) alone reaches the threshold.
- phone: the same digits ("+49 151 …" = "0151 …") are strong but not enough alone:
  families and an organisation's members share numbers.
- address: the same street and postcode add a little.

Only contacts of the same kind are compared (a person is never an organisation's
duplicate). Comparing every pair of 10,000 contacts would be 50 million comparisons;
blocking compares only contacts that share a name word's first letters, a number or an
address. A name only counts when the names are close, and close names nearly always
share a word's first letters; a typo in the first letters of every word goes unseen. A number or address shared
by more than `MAX_SHARED` contacts (a switchboard, a shelter) is no sign of a duplicate
and opens no block.

Offers are duplicates when their German title, place and weekdays are the same.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process
from sqlalchemy import String, delete, select, type_coerce
from sqlalchemy.exc import IntegrityError

from gwa_desktop.domain.duplicates import (
    ADDRESS_WEIGHT,
    BLOCK_PREFIX,
    CONTACTS,
    DEFAULT_THRESHOLD,
    EMAIL_WEIGHT,
    MAX_SHARED,
    MIN_PHONE_DIGITS,
    NAME_MIN_SIMILARITY,
    NAME_WEIGHT,
    OFFERS,
    PHONE_WEIGHT,
)
from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.exchange.privacy_detector import address_key, fold_word, phone_digits
from gwa_desktop.i18n import N_, _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.duplicate_models import ContactNonDuplicate, OfferNonDuplicate
from gwa_desktop.storage.models import Contact, Offer, OfferText

_WORD = re.compile(r"\w+")

#: The reasons' labels, by code.
REASONS = {
    "name": N_("similar name"),
    "email": N_("same e-mail"),
    "phone": N_("same phone number"),
    "address": N_("same address"),
    "offer": N_("same title, place and weekday"),
}


class DuplicatePair(NamedTuple):
    """Two records that are likely one; `first_id` < `second_id`.

    A named tuple: the bulk benchmark lists 60,000 pairs, and a frozen dataclass took a
    tenth of the time just to be built.
    """

    entity: str
    first_id: int
    second_id: int
    first_label: str
    second_label: str
    score: int
    #: Codes of the rules that matched (keys of REASONS).
    reasons: tuple[str, ...]

    @property
    def reason_text(self) -> str:
        return ", ".join(_(REASONS[code]) for code in self.reasons)


@dataclass
class _Candidates:
    """The contacts of one kind in id order, one list per compared value (index = row)."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)

    def add(
        self, contact_id: int, name: str, email: str, phone: str, street: str, postcode: str
    ) -> None:
        digits = phone_digits(phone) if phone else ""
        self.ids.append(contact_id)
        self.names.append(name)
        self.keys.append(name_key(name))
        self.emails.append(email.strip().casefold())
        self.phones.append(digits if len(digits) >= MIN_PHONE_DIGITS else "")
        self.addresses.append(f"{_address(street)}|{postcode.strip()}" if street.strip() else "")


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    """A word folded once: a village's names repeat (ten "Maria", twenty "Schmidt")."""
    return fold_word(word)


@lru_cache(maxsize=8192)
def _address(street: str) -> str:
    return address_key(street)


def name_key(name: str) -> str:
    """A name as the rules compare it: folded words in sorted order."""
    return " ".join(sorted(_folded(word) for word in _WORD.findall(name)))


#: The reasons of each combination of matches (bit 1 name, 2 e-mail, 4 phone, 8 address).
_REASON_SETS = {
    mask: tuple(
        code
        for bit, code in ((1, "name"), (2, "email"), (4, "phone"), (8, "address"))
        if mask & bit
    )
    for mask in range(16)
}


def _similar_keys(keys: list[str]) -> Iterator[tuple[int, int, float]]:
    """Pairs of different name keys at least NAME_MIN_SIMILARITY alike, by word prefix."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for prefix in {word[:BLOCK_PREFIX] for word in key.split()}:
            blocks[prefix].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        block_keys = [keys[i] for i in members]
        for position, index in enumerate(members[:-1]):
            # One C loop over the rest of the block; Python sees only the matches.
            for _key, similarity, offset in process.extract_iter(
                block_keys[position],
                block_keys[position + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=NAME_MIN_SIMILARITY,
            ):
                other = members[position + 1 + offset]
                if (index, other) not in seen:
                    seen.add((index, other))
                    yield index, other, similarity


def _name_pairs(candidates: _Candidates) -> dict[tuple[int, int], float]:
    """Row pairs (smaller row, so smaller id, first) with similar names and their similarity.

    Contacts with the same name key are compared once as a group: a village's ten
    "Maria Schmidt" cost one comparison, not forty-five.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(candidates.keys):
        if key:
            groups[key].append(index)
    pairs: dict[tuple[int, int], float] = {}
    for members in groups.values():
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                pairs[first, second] = 100.0
    keys = list(groups)
    for a, b, similarity in _similar_keys(keys):
        for first in groups[keys[a]]:
            for second in groups[keys[b]]:
                pairs[(first, second) if first < second else (second, first)] = similarity
    return pairs


def _value_pairs(candidates: _Candidates) -> Iterator[tuple[int, int]]:
    """Row pairs sharing an e-mail, number or address (not a widely shared one)."""
    for values in (candidates.emails, candidates.phones, candidates.addresses):
        groups: dict[str, list[int]] = defaultdict(list)
        for index, value in enumerate(values):
            if value:
                groups[value].append(index)
        for members in groups.values():
            if 1 < len(members) <= MAX_SHARED:
                for position, first in enumerate(members):
                    for second in members[position + 1 :]:
                        yield first, second


def _ordered(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


_new_pair = tuple.__new__


def _pairs_of_kind(
    candidates: _Candidates, threshold: int, distinct: set[tuple[int, int]]
) -> list[DuplicatePair]:
    """Score every blocked pair: the sum of the weights of what matches, at most 100."""
    pairs: dict[tuple[int, int], float | None] = dict(_name_pairs(candidates))
    for pair in _value_pairs(candidates):
        pairs.setdefault(pair, None)  # the names' similarity is still to be computed
    ids, names, keys = candidates.ids, candidates.names, candidates.keys
    emails, phones, addresses = candidates.emails, candidates.phones, candidates.addresses
    found = []
    for (i, j), known in pairs.items():
        if distinct and (ids[i], ids[j]) in distinct:
            continue
        similarity = (
            fuzz.ratio(keys[i], keys[j], score_cutoff=NAME_MIN_SIMILARITY)
            if known is None
            else known
        )
        points, mask = (NAME_WEIGHT * similarity / 100, 1) if similarity else (0.0, 0)
        if emails[i] and emails[i] == emails[j]:
            points, mask = points + EMAIL_WEIGHT, mask | 2
        if phones[i] and phones[i] == phones[j]:
            points, mask = points + PHONE_WEIGHT, mask | 4
        if addresses[i] and addresses[i] == addresses[j]:
            points, mask = points + ADDRESS_WEIGHT, mask | 8
        if points >= threshold:
            # tuple.__new__ is the named tuple's own constructor, without its Python frame.
            found.append(
                _new_pair(
                    DuplicatePair,
                    (
                        CONTACTS,
                        ids[i],
                        ids[j],
                        names[i],
                        names[j],
                        min(100, int(points)),
                        _REASON_SETS[mask],
                    ),
                )
            )
    return found


def contact_pairs(database: Database, threshold: int = DEFAULT_THRESHOLD) -> list[DuplicatePair]:
    """Every pair of contacts of one kind scoring `threshold` or more, best first,
    without the pairs declared distinct."""
    with database.session() as session:
        connection = session.connection()
        rows = connection.execute(
            select(
                Contact.id,
                # The stored text: converting 10,000 values to the enum costs more than it tells.
                type_coerce(Contact.kind, String),
                Contact.name,
                Contact.email,
                Contact.phone,
                Contact.street,
                Contact.postal_code,
            ).order_by(Contact.id)
        ).all()
        distinct = {
            (first, second)
            for first, second in connection.execute(
                select(ContactNonDuplicate.first_id, ContactNonDuplicate.second_id)
            )
        }
    by_kind: dict[str, _Candidates] = defaultdict(_Candidates)
    for contact_id, kind, name, email, phone, street, postcode in rows:
        by_kind[kind].add(contact_id, name, email, phone, street, postcode)
    pairs = [
        pair
        for candidates in by_kind.values()
        for pair in _pairs_of_kind(candidates, threshold, distinct)
    ]
    # Best first, then by ids: two stable sorts with C keys instead of one Python key.
    pairs.sort(key=itemgetter(1, 2))
    pairs.sort(key=itemgetter(5), reverse=True)
    return pairs


def _weekdays(codes: str, start: date) -> str:
    return codes.strip() or str(start.weekday())


def offer_pairs(database: Database) -> list[DuplicatePair]:
    """Offers (not ended) with the same German title, place and weekdays."""
    with database.session() as session:
        rows = session.execute(
            select(
                Offer.id, OfferText.title, Offer.place_name, Offer.weekday_codes, Offer.start_date
            )
            .join(OfferText, (OfferText.offer_id == Offer.id) & (OfferText.language == "de"))
            .where(Offer.status != OfferStatus.ENDED)
            .order_by(Offer.id)
        ).all()
        distinct = {
            (first, second)
            for first, second in session.execute(
                select(OfferNonDuplicate.first_id, OfferNonDuplicate.second_id)
            )
        }
    groups: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    for offer_id, title, place, codes, start in rows:
        groups[(name_key(title), name_key(place), _weekdays(codes, start))].append(
            (offer_id, title)
        )
    pairs = [
        DuplicatePair(OFFERS, first_id, second_id, first_title, second_title, 100, ("offer",))
        for members in groups.values()
        for position, (first_id, first_title) in enumerate(members)
        for second_id, second_title in members[position + 1 :]
        if (first_id, second_id) not in distinct
    ]
    pairs.sort(key=lambda p: (p.first_id, p.second_id))
    return pairs


def all_pairs(database: Database, threshold: int = DEFAULT_THRESHOLD) -> list[DuplicatePair]:
    return contact_pairs(database, threshold) + offer_pairs(database)


def record_ids(pairs: Iterable[DuplicatePair]) -> list[int]:
    """Every record named in `pairs`, once, for the quality panel's count and links."""
    return sorted({i for pair in pairs for i in (pair.first_id, pair.second_id)})


def _pairs_model(entity: str) -> type[ContactNonDuplicate] | type[OfferNonDuplicate]:
    return ContactNonDuplicate if entity == CONTACTS else OfferNonDuplicate


def mark_distinct(database: Database, entity: str, first_id: int, second_id: int) -> None:
    """Declare two records different, so they are no longer listed as a pair."""
    model = _pairs_model(entity)
    if first_id == second_id:
        raise ValidationError({"": _("A record cannot be a duplicate of itself.")})
    low, high = _ordered(first_id, second_id)
    target = Contact if entity == CONTACTS else Offer
    with database.session() as session:
        for record_id in (low, high):
            if session.get(target, record_id) is None:
                raise NotFoundError(record_id)
        if session.get(model, (low, high)) is None:
            try:
                with session.begin_nested():
                    session.add(model(first_id=low, second_id=high))
            except IntegrityError:  # marked at the same moment elsewhere: already done
                pass


def unmark_distinct(database: Database, entity: str, first_id: int, second_id: int) -> None:
    """Take a pair off the "not a duplicate" list again."""
    model = _pairs_model(entity)
    low, high = _ordered(first_id, second_id)
    with database.session() as session:
        session.execute(delete(model).where(model.first_id == low, model.second_id == high))
