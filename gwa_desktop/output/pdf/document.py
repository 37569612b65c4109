"""What every print builder returns, paper sizes, and the checks shared by all prints.

Problems that still allow a useful print (no logo, a missing translation, characters
no bundled font has) do not stop the print: they come back as warnings that the
program shows before saving and the command line writes to stderr.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportlab.lib.pagesizes import A3, A4, A5, landscape, portrait

from gwa_desktop.domain.languages import language_name
from gwa_desktop.i18n import _, ui_language

from .fonts import uncovered_characters
from .paginate import DocumentInfo
from .print_texts import OVERVIEW_TITLE, OVERVIEW_TITLE_PLAIN, PrintTexts

PAPER_SIZES = {"A3": A3, "A4": A4, "A5": A5}
WarningKind = Literal[
    "missing_translation",
    "logo",
    "uncovered_characters",
    "no_print_catalog",
    "controller",
    "pages",
    "strips_without_phone",
    "truncated",
]


class EmptySelectionError(ValueError):
    """Nothing to print: the filter matched no offer."""


@dataclass(frozen=True)
class PrintWarning:
    kind: WarningKind
    message: str


@dataclass(frozen=True)
class PrintResult:
    """A finished PDF and what the user should know about it."""

    pdf: bytes
    pages: int
    warnings: list[PrintWarning] = field(default_factory=list)


def page_size(paper: str, landscape_orientation: bool = False) -> tuple[float, float]:
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {sorted(PAPER_SIZES)}, not {paper!r}")
    size = PAPER_SIZES[paper]
    oriented: tuple[float, float] = landscape(size) if landscape_orientation else portrait(size)
    return oriented


def translation_warning(title: str, languages: list[str]) -> PrintWarning:
    names = ", ".join(language_name(code, ui_language()) for code in languages)
    return PrintWarning(
        "missing_translation",
        _(
            '"{title}" has no text in {languages}; the German text is printed there, marked as such.'
        ).format(title=title, languages=names),
    )


def logo_warning() -> PrintWarning:
    return PrintWarning(
        "logo", _("The logo in the settings cannot be read; the print is made without it.")
    )


def font_warning(texts: list[str]) -> list[PrintWarning]:
    """A warning naming the characters no bundled font can draw, if there are any."""
    missing = uncovered_characters(" ".join(texts))
    if not missing:
        return []
    listed = ", ".join(f"{char} (U+{ord(char):04X})" for char in missing)
    return [
        PrintWarning(
            "uncovered_characters",
            _(
                "No font of the program can print these characters; they would appear as empty boxes: {chars}"
            ).format(chars=listed),
        )
    ]


def catalog_warnings(languages: list[str]) -> list[PrintWarning]:
    """Warn for print languages whose fixed texts ("When", "Where") are not translated."""
    return [
        PrintWarning(
            "no_print_catalog",
            _(
                "The fixed print texts are not translated into {language}; they are printed in English."
            ).format(language=language_name(language, ui_language())),
        )
        for language in languages
        if not PrintTexts(language).has_catalog
    ]


def offers_info(municipality: str, language: str) -> DocumentInfo:
    """The metadata of a print of offers: issued by the municipality, in its first language."""
    texts = PrintTexts(language)
    subject = (
        texts(OVERVIEW_TITLE).format(municipality=municipality)
        if municipality.strip()
        else texts(OVERVIEW_TITLE_PLAIN)
    )
    return DocumentInfo(author=municipality, subject=subject, language=language)
