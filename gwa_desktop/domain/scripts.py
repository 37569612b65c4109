"""Which writing systems a language is written in, to notice text pasted into the wrong language.

Arabic pasted into the German title prints in the German column of a flyer; officers
who cannot read the script do not see it. The expected scripts come from CLDR via Babel:
the language's likely script ("ar" → Arab) and every script CLDR has a locale for
("sr_Latn", "uz_Arab"). A text counts as misplaced only when it has letters and none of
them is in an expected script: Latin names and places inside an Arabic text are normal.
Unicode's script extensions are used, so letters shared by several scripts (the Arabic
comma, Persian digits) count for each of them.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex
from babel.core import get_global, parse_locale
from babel.localedata import locale_identifiers

from gwa_desktop.domain.languages import _CLDR_ALIASES, normalise_code

#: CLDR's writing systems that are combinations of Unicode scripts.
_COMBINED_SCRIPTS = {
    "Jpan": ("Hani", "Hira", "Kana"),
    "Kore": ("Hang", "Hani"),
    "Hans": ("Hani",),
    "Hant": ("Hani",),
}

#: Kurdish as written in German villages: Kurmanji in Latin letters (CLDR's "ku"), but
#: Sorani speakers tag their Arabic-script texts "ku" as well, not "ckb".
_ALSO_WRITTEN = {"ku": ("Arab",)}


@cache
def expected_scripts(code: str) -> frozenset[str]:
    """ISO 15924 codes of the scripts `code` is written in; empty when CLDR does not know."""
    code = normalise_code(code)
    base = _CLDR_ALIASES.get(code, code).split("_")[0]
    scripts: set[str] = set(_ALSO_WRITTEN.get(code, ()))
    likely = get_global("likely_subtags").get(base)
    for identifier in [likely, *_identifiers_of(base)] if likely else _identifiers_of(base):
        script = parse_locale(identifier)[2]
        if script:
            scripts.add(script)
    return frozenset(
        part for script in scripts for part in _COMBINED_SCRIPTS.get(script, (script,))
    )


@lru_cache(maxsize=1)
def _all_identifiers() -> tuple[str, ...]:
    return tuple(locale_identifiers())


def _identifiers_of(base: str) -> list[str]:
    return [i for i in _all_identifiers() if i.startswith(base + "_")]


@cache
def _pattern(scripts: frozenset[str]) -> regex.Pattern[str]:
    return regex.compile(
        "[" + "".join(rf"\p{{Script_Extensions={s}}}" for s in sorted(scripts)) + "]"
    )


def fits_language(text: str, code: str) -> bool:
    """False when `text` has letters but none in a script of language `code`."""
    scripts = expected_scripts(code)
    letters = [c for c in text if c.isalpha()]
    if not scripts or not letters:
        return True
    pattern = _pattern(scripts)
    return any(pattern.match(c) for c in letters)


def main_script(text: str) -> str | None:
    """The ISO 15924 code of the script most of the letters of `text` are in (for the message)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script_of(char)
            if script:
                counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda script: counts[script]) if counts else None


_NAMED_SCRIPTS = (
    "Latn",
    "Arab",
    "Cyrl",
    "Grek",
    "Hebr",
    "Ethi",
    "Armn",
    "Geor",
    "Deva",
    "Beng",
    "Thai",
    "Hani",
    "Hang",
    "Hira",
    "Kana",
    "Taml",
    "Syrc",
    "Thaa",
)


def _script_of(char: str) -> str | None:
    for script in _NAMED_SCRIPTS:
        if regex.match(rf"\p{{Script={script}}}", char):
            return script
    return None
