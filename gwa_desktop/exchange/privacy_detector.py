"""Finding personal data in free text that leaves the laptop, and blanking it out.

Offer titles and descriptions are typed freely ("Beratung bei Frau Müller, Tel.
0176-5550123"); the anonymous district export must not carry such a detail even though
no name field is exported. Matching the exact stored spelling was not enough: "Fr.
Mueller", "Müllers", "MÜLLER", a first name alone, "+49 176 5550123" all went out.
The detector therefore looks for

- names: every word of every stored person's name, compared in a folded form
  (case, accents, "ä/ae/a", "ß/ss", a genitive "s"), and the names of persons who
  were deleted or withdrew consent through salted hashes of the same folded words
  (`ErasedToken`), so the database keeps no readable trace of them; any capitalised
  word after "Frau", "Herr", "Familie" and their abbreviations is a name too;
- phone numbers in any spelling (brackets, slashes, hyphens, no spaces, +49, 0049),
  by their digits rather than a numbering plan: a mistyped number still names a
  person, and a parser for valid numbers would let it pass;
- street addresses ("Hauptstr. 12a", "Am Markt 3", "Lindenweg 4, 67433 Neustadt"),
  except the public ones of organisations and of offers at public places;
- e-mail addresses, also written "name (at) example.org";
- case numbers (Aktenzeichen, BG-Nummer, Kundennummer …), IBANs and birth dates.

What it finds is blanked out with MARK rather than blocking the export: the officer
sees every text that will leave before the package is written, with the blanked
places marked, and the district's figures do not wait for a free text to be edited.
It errs on the side of blanking (a surname "Koch" blanks the word "Koch").
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

MARK = "[entfernt]"

NAME, PHONE, EMAIL, ADDRESS, CASE_NUMBER = "name", "phone", "email", "address", "case_number"

#: Name words too common to blank on their own (particles, titles).
PARTICLES = frozenset(
    {
        "von",
        "vom",
        "van",
        "der",
        "den",
        "dem",
        "die",
        "das",
        "des",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "zu",
        "zum",
        "zur",
        "und",
        "ten",
        "ter",
        "mit",
        "frau",
        "herr",
        "herrn",
        "dr",
        "prof",
        "familie",
        "fam",
    }
)
MIN_NAME_LETTERS = 3

_WORD = re.compile(r"[^\W\d_]+")
_SPELLING = str.maketrans(
    {"ß": "ss", "æ": "ae", "ø": "oe", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"}
)
_GERMAN_VOWELS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_UMLAUT_SPELLING = re.compile(r"(?<=[aou])e")

_BLANK = r"[ \t\u00a0\u202f]"
PHONE_PATTERN = re.compile(
    rf"(?<![\d+])(?:\+|00)?(?:\({_BLANK}*\d[\d \t\u00a0\u202f]*\)|\d)(?:[\d\-–/()]|{_BLANK})*\d"
)
_DATE_LIKE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d|\d{4}-\d\d-\d\d")
EMAIL_PATTERN = re.compile(
    r"[\w.+\-]+(?:@|\s*[(\[{]\s*(?:at|ät)\s*[)\]}]\s*)[\w\-]+(?:(?:\.|\s*[(\[{]\s*(?:dot|punkt)\s*[)\]}]\s*)[\w\-]+)+",
    re.IGNORECASE,
)
_HOUSE_NUMBER = r"\d{1,4}(?:[ ]?[a-zA-Z])?(?:\s*[-–/]\s*\d{1,4}[a-zA-Z]?)?(?![\d:.,]\d)\b"
_POSTAL_TOWN = r"(?:,?\s*\d{5}\s+[^\W\d_][\w\-]*)?"
_STREET_WORDS = (
    r"straße|strasse|str\.|str|weg|gasse|platz|allee|ring|damm|ufer|steig|stieg|pfad|chaussee|markt|zeile|kamp|"
    r"hof|berg|graben|wall|tor|park|promenade|brücke|bruecke|siedlung|winkel|feld|garten|höhe|hoehe|aue|anger|"
    r"wiese|grund|tal|hang|steige"
)
ADDRESS_PATTERN = re.compile(
    rf"(?:\b[^\W\d_][\w\-]*?(?:{_STREET_WORDS})"
    rf"|\b(?:[A-ZÄÖÜ][\w\-]*\s+){{1,2}}(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer)"
    r"|\b(?:Am|An\s+der|An\s+den|Auf\s+dem|Auf\s+der|Im|In\s+der|In\s+den|Zum|Zur|Unter\s+den|Hinter\s+der|"
    r"Hinter\s+dem|Vor\s+dem|Beim|Alte|Alter|Neue|Neuer)\s+[A-ZÄÖÜ][\w\-]+)"
    rf"\s*{_HOUSE_NUMBER}{_POSTAL_TOWN}",
    re.IGNORECASE,
)
_CASE_WORDS = (
    r"Az|Aktenzeichen|Gz|Geschäftszeichen|Geschaeftszeichen|Vorgangs?(?:nummer|nr)?|Fall(?:nummer|nr)|"
    r"Kunden(?:nummer|nr)|Kd|BG|Bedarfsgemeinschaft(?:snummer)?|Akten?(?:nummer|nr)|Steuer-?ID|Steuernummer|"
    r"(?:Sozial)?Versicherungsnummer|SV|Ausweisnummer|Pass(?:nummer|nr)?|AZR|Registernummer|Kennzeichen|"
    r"Mitgliedsnummer"
)
CASE_NUMBER_PATTERNS = (
    re.compile(
        rf"\b(?:{_CASE_WORDS})\b[.:]?(?:\s*-?\s*(?:Nr|Nummer)\b\.?)?\s*[:#]?\s*(?=[\w\-/.]*\d)[\w\-/.]+(?:\s+(?=[\w\-/]*\d)[\w\-/.]+){{0,2}}",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{5}\s?BG\s?\d{7}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,3}\s?[A-Z][A-Za-z]{0,2}\s?\d{1,5}/\d{2,4}\b"),
    re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b"),
    re.compile(
        r"(?:\bgeb\.|\bgeboren(?:\s+am)?|\bGeburtsdatum:?)\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}",
        re.IGNORECASE,
    ),
)
HONORIFIC_PATTERN = re.compile(
    r"\b(?:Frau|Fr\.|Herrn?|Hr\.|Familie|Fam\.)\s+(?:(?:Dr|Prof)\.\s+)?([A-ZÄÖÜ][^\W\d_]*(?:[-'’][^\W\d_]+)*)"
)
_JOIN = re.compile(r"[\s\-,]*")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


@lru_cache(maxsize=1 << 15)
def fold_word(word: str) -> str:
    """One spelling for "Müller", "Mueller", "MULLER", "Muller": lower case, no accents,
    "ß" as "ss", and the umlaut's "e" dropped ("ae", "oe", "ue" → "a", "o", "u").

    Cached: the detector is built from every stored name, and 10,000 names share a few
    thousand distinct words."""
    text = word.casefold().translate(_SPELLING).translate(_GERMAN_VOWELS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _UMLAUT_SPELLING.sub("", text)


def name_words(name: str) -> set[str]:
    """The folded words of a person's name that identify her on their own."""
    words = [
        w for w in _WORD.findall(unicodedata.normalize("NFC", name)) if len(w) >= MIN_NAME_LETTERS
    ]
    return {fold_word(w) for w in words} - PARTICLES


def phone_digits(text: str) -> str:
    """A phone number's digits in national form: "+49 176 …", "0049-176-…" and "0176…" alike."""
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if text.lstrip().startswith("+") or digits.startswith("00"):
        digits = digits.lstrip("0")
        return "0" + digits[2:] if digits.startswith("49") else "00" + digits
    return digits


def token_digest(salt: bytes, kind: str, value: str) -> str:
    """The stored form of an erased name word or number: HMAC-SHA256 with this installation's salt."""
    return hmac.new(salt, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def address_key(text: str) -> str:
    """An address compared without case, spacing and "Str."/"Straße" differences."""
    folded = fold_word(re.sub(r"(?i)str\.", "strasse", text))
    return re.sub(r"[^\w]", "", folded)


class PrivacyDetector:
    """Finds personal data in a text; `blank` replaces each finding with MARK.

    `names`: names of stored persons; `erased`: digests of erased name words and phone
    numbers made with `salt`; `public_words`: words never taken for a name (the
    municipality's and its towns' names); `public_addresses`: addresses that may leave.
    """

    def __init__(
        self,
        names: Iterable[str] = (),
        erased: Iterable[str] = (),
        salt: bytes = b"",
        public_words: Iterable[str] = (),
        public_addresses: Iterable[str] = (),
    ) -> None:
        public = {fold_word(w) for text in public_words for w in _WORD.findall(text)}
        # A name stored many times (a family, a common name) is split and folded once.
        self.names = {word for name in set(names) for word in name_words(name)} - public
        self.erased = frozenset(erased)
        self.salt = salt
        self.public_words = public
        self.public_addresses = {address_key(a) for a in public_addresses if a.strip()}
        self._word_cache: dict[str, bool] = {}
        self._blank_cache: dict[str, tuple[str, tuple[str, ...]]] = {}

    def find(self, text: str) -> list[Finding]:
        """Findings in `text` (which should be NFC), merged where they touch."""
        return _merged(text, self._findings(text))

    def _findings(self, text: str) -> list[Finding]:
        return [*self._names(text), *self._patterns(text)]

    def blank(self, text: str) -> tuple[str, tuple[str, ...]]:
        """(`text` with every finding replaced by MARK, the kinds found)."""
        if not text:
            return text, ()
        cached = self._blank_cache.get(text)
        if cached is None:
            normal = unicodedata.normalize("NFC", text)
            findings = self._findings(normal)
            kinds = tuple(dict.fromkeys(f.kind for f in sorted(findings, key=lambda f: f.start)))
            for finding in reversed(_merged(normal, findings)):
                normal = normal[: finding.start] + MARK + normal[finding.end :]
            cached = self._blank_cache[text] = (normal, kinds)
        return cached

    def _names(self, text: str) -> list[Finding]:
        found = [
            Finding(NAME, m.start(), m.end())
            for m in _WORD.finditer(text)
            if self._is_name(m.group())
        ]
        found += [
            Finding(NAME, m.start(1), m.end(1))
            for m in HONORIFIC_PATTERN.finditer(text)
            if fold_word(m.group(1)) not in self.public_words
        ]
        return found

    def _is_name(self, word: str) -> bool:
        known = self._word_cache.get(word)
        if known is None:
            folded = fold_word(word)
            forms = {folded}
            if len(word) > MIN_NAME_LETTERS and folded.endswith("s"):
                forms.add(folded[:-1])  # genitive: "Müllers", "Yusufs"
            forms -= self.public_words
            known = bool(forms & self.names) or (
                bool(self.erased)
                and any(token_digest(self.salt, NAME, form) in self.erased for form in forms)
            )
            self._word_cache[word] = known
        return known

    def _patterns(self, text: str) -> list[Finding]:
        found = [Finding(EMAIL, m.start(), m.end()) for m in EMAIL_PATTERN.finditer(text)]
        for match in PHONE_PATTERN.finditer(text):
            if _is_phone(match.group()):
                found.append(Finding(PHONE, match.start(), match.end()))
        for match in ADDRESS_PATTERN.finditer(text):
            if (
                address_key(re.sub(r",?\s*\d{5}\s+\S+$", "", match.group()))
                not in self.public_addresses
            ):
                found.append(Finding(ADDRESS, match.start(), match.end()))
        for pattern in CASE_NUMBER_PATTERNS:
            found += [Finding(CASE_NUMBER, m.start(), m.end()) for m in pattern.finditer(text)]
        if self.erased:
            found += [
                Finding(PHONE, m.start(), m.end())
                for m in PHONE_PATTERN.finditer(text)
                if token_digest(self.salt, PHONE, phone_digits(m.group())) in self.erased
            ]
        return found


def _is_phone(candidate: str) -> bool:
    """Enough digits for a number with area code, and not a year range or an ISO date."""
    digits = sum(c.isdigit() for c in candidate)
    if digits < 6 or _DATE_LIKE.fullmatch(candidate.strip()):
        return False
    return candidate.startswith(("+", "0", "(")) or digits >= 7


def _merged(text: str, findings: list[Finding]) -> list[Finding]:
    """One span per run of findings separated only by spaces, hyphens or commas ("Anna Müller")."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and (
            finding.start <= merged[-1].end or _JOIN.fullmatch(text[merged[-1].end : finding.start])
        ):
            last = merged[-1]
            kind = (
                last.kind if last.kind == finding.kind or last.end >= finding.end else finding.kind
            )
            merged[-1] = Finding(
                kind, last.start, max(last.end, finding.end)
            )  # kind: the longer one
        else:
            merged.append(finding)
    return merged
