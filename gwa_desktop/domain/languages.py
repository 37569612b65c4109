"""ISO 639 language codes as used for contacts, offers and activities.

Names come from CLDR via Babel in the UI language. Dari has its own ISO 639-3 code
(`prs`) that CLDR files under `fa_AF`; users in German municipalities tell them apart,
so the program does too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from babel import Locale

from gwa_desktop.domain.collation import sort_key

_CLDR_ALIASES = {"prs": "fa_AF"}

#: Languages offered first in pickers: those most often needed in German municipalities.
COMMON_LANGUAGES = (
    "de",
    "en",
    "ar",
    "fa",
    "prs",
    "uk",
    "ru",
    "tr",
    "ti",
    "ku",
    "ur",
    "ps",
    "fr",
    "so",
    "sq",
    "ro",
    "pl",
)

#: Languages first in a picker, in this order: those people who came to German
#: municipalities speak most (migration), then the officer's own working languages.
MIGRATION_LANGUAGES = (
    "ar",
    "fa",
    "prs",
    "ps",
    "ur",
    "uk",
    "ru",
    "tr",
    "ti",
    "ku",
    "ckb",
    "so",
    "sq",
    "ro",
    "pl",
    "en",
    "fr",
    "de",
)

#: Languages nobody speaks today that CLDR names without saying so; historic stages
#: ("Old", "Middle", "Ancient", "Classical" in their English names) are found by name.
_DEAD_LANGUAGES = frozenset(
    {"akk", "arc", "chu", "cop", "elx", "gez", "got", "hit", "lzh", "pal", "phn", "sux", "uga"}
)
_HISTORIC_WORDS = ("Old ", "Middle ", "Ancient ", "Classical ")

RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ur", "ps", "ckb", "he", "yi", "sd", "ug"})


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Plain ISO 639 codes known to CLDR, plus the aliases above."""
    codes = {code for code in Locale("en").languages if isinstance(code, str) and "_" not in code}
    return frozenset(codes | set(_CLDR_ALIASES))


@lru_cache(maxsize=1)
def living_codes() -> frozenset[str]:
    """The known codes of languages spoken today: no "Mittelhochdeutsch" in a picker."""
    names = Locale("en").languages
    return frozenset(
        code
        for code in known_codes()
        if code not in _DEAD_LANGUAGES
        and not any(word in names.get(code, "") for word in _HISTORIC_WORDS)
    )


def picker_codes(display_language: str, stored: Iterable[str] = ()) -> list[str]:
    """The codes a language picker offers, in order: the migration languages first, then
    every living language alphabetically by its name in `display_language`. A historic
    language already stored on a record (`stored`) stays choosable, at the end."""
    first = [code for code in MIGRATION_LANGUAGES if code in known_codes()]
    rest = sorted(
        living_codes() - set(first),
        key=lambda code: sort_key(language_name(code, display_language)),
    )
    kept = sorted({normalise_code(code) for code in stored} - set(first) - set(rest))
    return [*first, *rest, *kept]


def normalise_code(code: str) -> str:
    return code.strip().lower()


def is_known_language(code: str) -> bool:
    return normalise_code(code) in known_codes()


def language_name(code: str, display_language: str = "de") -> str:
    """Name of `code` in `display_language`, falling back to the code itself."""
    code = normalise_code(code)
    try:
        names = Locale.parse(display_language).languages
    except (ValueError, LookupError):
        names = Locale("en").languages
    return names.get(_CLDR_ALIASES.get(code, code)) or names.get(code) or code


def language_names(codes: str, display_language: str = "de") -> str:
    """The codes "ar, prs" as "Arabisch, Dari": a list's joined codes as a person reads them."""
    return ", ".join(
        language_name(code, display_language) for code in codes.split(",") if code.strip()
    )


def is_rtl(code: str) -> bool:
    return normalise_code(code) in RTL_LANGUAGES
