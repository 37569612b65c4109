"""Bundled fonts for PDF output and the per-character choice between them.

No single font covers every script our flyers need: Noto Sans Arabic lacks Latin
letters and even ASCII brackets, Noto Sans Ethiopic lacks digits and "!".  So every
character gets a font from a fallback chain.  The fonts ship inside the package, in
`gwa_desktop/resources/fonts/` (OFL-1.1), so that output looks the same on every machine
and in CI, and they are found through `importlib.resources` wherever the package lies
(source checkout, installed wheel, frozen build).  ReportLab embeds only the glyphs
used (subsetting), so the PDF prints the same everywhere.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True)
class FontFamily:
    """One bundled typeface: the ReportLab font names of its two weights."""

    regular: str
    bold: str

    def face(self, bold: bool) -> str:
        return self.bold if bold else self.regular


LATIN = FontFamily(regular="GWA-NotoSans", bold="GWA-NotoSans-Bold")
ARABIC = FontFamily(regular="GWA-NotoSansArabic", bold="GWA-NotoSansArabic-Bold")
ETHIOPIC = FontFamily(regular="GWA-NotoSansEthiopic", bold="GWA-NotoSansEthiopic-Bold")

#: Order in which fonts are asked for a character.  The scripts do not overlap in
#: letters, so the order only matters for shared characters (digits, punctuation),
#: where Noto Sans comes first because it covers the most.
FALLBACK_CHAIN: tuple[FontFamily, ...] = (LATIN, ARABIC, ETHIOPIC)

_FILES = {
    LATIN.regular: "NotoSans-Regular.ttf",
    LATIN.bold: "NotoSans-Bold.ttf",
    ARABIC.regular: "NotoSansArabic-Regular.ttf",
    ARABIC.bold: "NotoSansArabic-Bold.ttf",
    ETHIOPIC.regular: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC.bold: "NotoSansEthiopic-Bold.ttf",
}

# Characters that take the font of their neighbours instead of choosing their own:
# marks must stay with their base letter, and spaces, digits and punctuation should
# not break a run of one script into several fonts.
_NEUTRAL_CATEGORIES = frozenset(
    {
        "Mn",
        "Mc",
        "Me",
        "Zs",
        "Cf",
        "Cc",
        "Nd",
        "No",
        "Pc",
        "Pd",
        "Ps",
        "Pe",
        "Pi",
        "Pf",
        "Po",
        "Sm",
        "Sc",
        "Sk",
        "So",
    }
)


def fonts_dir() -> Traversable:
    """The package's font folder (with the fonts' licence, OFL.txt)."""
    return files("gwa_desktop") / "resources" / "fonts"


@cache
def register_fonts() -> None:
    """Register the bundled fonts with ReportLab; later calls do nothing.

    Raises FileNotFoundError naming the missing file, because a half-registered set
    would silently print boxes instead of text.
    """
    folder = fonts_dir()
    for name, filename in _FILES.items():
        resource = folder / filename
        if not resource.is_file():
            raise FileNotFoundError(f"Bundled font missing: {resource}")
        # ReportLab reads the whole file here, so a temporary copy (as_file from a zip) may go.
        with as_file(resource) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


@cache
def _coverage(font_name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _covers(font_name: str, char: str) -> bool:
    return ord(char) in _coverage(font_name)


@lru_cache(maxsize=4096)
def _chain_font(char: str, bold: bool) -> str | None:
    """The first font of the chain that has `char`; kept per character, since every
    character of every printed text asks (and the coverage never changes)."""
    for family in FALLBACK_CHAIN:
        if _covers(family.face(bold), char):
            return family.face(bold)
    return None


def _is_neutral(char: str) -> bool:
    return unicodedata.category(char) in _NEUTRAL_CATEGORIES


def fonts_for_text(text: str, bold: bool = False) -> list[str]:
    """The ReportLab font name for each character of `text`.

    Letters take the first font of the chain that has them.  Neutral characters
    (marks, spaces, digits, punctuation, joiners) stay in the previous character's
    font if it has them, else take the next letter's font, else the chain's choice;
    joiners such as ZWNJ stay put even if the font lacks them, since HarfBuzz hides
    them anyway.  Characters no font has get Noto Sans (a visible box); callers
    should check `uncovered_characters` first.
    """
    own_fonts = [
        None if _is_neutral(char) else _chain_font(char, bold) or LATIN.face(bold) for char in text
    ]
    next_letter_font: list[str | None] = [None] * len(text)
    following: str | None = None
    for index in range(len(text) - 1, -1, -1):
        next_letter_font[index] = following
        following = own_fonts[index] or following

    chosen: list[str] = []
    previous: str | None = None
    for char, own, after in zip(text, own_fonts, next_letter_font):
        if own is None:
            if previous and (_covers(previous, char) or unicodedata.category(char) == "Cf"):
                own = previous
            elif after and _covers(after, char):
                own = after
            else:
                own = _chain_font(char, bold) or previous or LATIN.face(bold)
        chosen.append(own)
        previous = own
    return chosen


def uncovered_characters(text: str) -> list[str]:
    """Characters of `text` that no bundled font can draw, each once, in text order.

    Lets the user interface warn ("this flyer would print empty boxes for ...")
    before a PDF is made.  Control and format characters are never reported: they
    are not drawn.
    """
    return [
        char
        for char in dict.fromkeys(text)
        if unicodedata.category(char) not in ("Cc", "Cf") and _chain_font(char, bold=False) is None
    ]
