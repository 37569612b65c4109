"""ISO 639 language codes as used for contacts, offers and activities.

Names come from CLDR via Babel in the UI language. Dari has its own ISO 639-3 code
(`prs`) that CLDR files under `fa_AF`; users in German municipalities tell them apart,
so the program does too.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

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

RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ur", "ps", "ckb", "he", "yi", "sd", "ug"})


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Plain ISO 639 codes known to CLDR, plus the aliases above."""
    codes = {code for code in Locale("en").languages if isinstance(code, str) and "_" not in code}
    return frozenset(codes | set(_CLDR_ALIASES))


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
