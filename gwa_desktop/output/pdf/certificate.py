"""A one-page certificate of a volunteer's year: hours, tasks, offers and trainings.

Many states recognise voluntary work with a yearly certificate (Ehrenamtsnachweis) that
names the hours, the tasks and the trainings of one person, signed by the municipality.
It is printed in German, the text an office reads, beside a second language the
volunteer reads, as the consent form is; the signature field, the logo and the officer
stand below both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.volunteer import Training
from gwa_desktop.i18n import P_
from gwa_desktop.i18n.formatting import format_date, format_number

from .document import PrintResult, catalog_warnings, font_warning, logo_warning
from .paginate import Block, Rect
from .print_texts import PrintTexts
from .signed_page import SignedPage, build_signed_page
from .styles import ACCENT, MUTED, PRIMARY, Rule, Text

GERMAN = "de"

TITLE = P_("Certificate of voluntary work")
INTRO = P_("{name} volunteered in {municipality} in {year}.")
HOURS = P_("Volunteer hours")
ACTIVITIES = P_("Activities helped at")
TASKS = P_("Tasks")
OFFERS = P_("Offers and activities")
TRAININGS = P_("Trainings attended")
THANKS = P_(
    "We thank {name} warmly for this commitment. It helps newcomers and long-established "
    "residents to live well together in our municipality."
)
THE_MUNICIPALITY = P_("The municipality")
PLACE_DATE = P_("Place, date")
SIGNATURE = P_("Signature")
GERMAN_BINDING = P_("This translation is for your information. The German text is binding.")

#: Body sizes tried until the certificate fits on one page.
SIZES = (10.5, 9.8, 9.0, 8.2, 7.4)
SIGNATURE_HEIGHT = 34 * mm


@dataclass(frozen=True)
class CertificateContent:
    name: str
    year: int
    hours: float
    activities: int
    tasks: list[str]
    #: Titles of the offers and activities she helped at, per print language.
    offers: dict[str, list[str]]
    trainings: list[Training]
    municipality: MunicipalityData
    issued_on: date
    languages: list[str] = field(default_factory=lambda: [GERMAN])


def _column(content: CertificateContent, language: str, size: float) -> list[Block]:
    texts = PrintTexts(language)
    municipality = content.municipality.name.strip() or texts(THE_MUNICIPALITY)
    blocks = [
        Block(
            [
                Text(
                    texts(TITLE), language, size * 1.9, bold=True, color=PRIMARY, leading=size * 2.4
                ),
                Rule(ACCENT, thickness=2, length=size * 3, rtl=is_rtl(language), space=size * 0.6),
                Text(
                    texts(INTRO).format(
                        name=content.name,
                        municipality=municipality,
                        year=_year(content.year, language),
                    ),
                    language,
                    size * 1.1,
                    space_before=size * 0.4,
                ),
            ]
        ),
        _figure(texts(HOURS), format_number(content.hours, language), language, size),
        _figure(texts(ACTIVITIES), format_number(content.activities, language), language, size),
    ]
    sections = [
        (TASKS, content.tasks),
        (OFFERS, content.offers.get(language) or content.offers.get(GERMAN, [])),
        (
            TRAININGS,
            [f"{format_date(t.attended_on, language)} – {t.title}" for t in content.trainings],
        ),
    ]
    for heading, items in sections:
        if not items:
            continue
        blocks.append(
            Block(
                [
                    Text(
                        texts(heading),
                        language,
                        size,
                        bold=True,
                        color=PRIMARY,
                        space_before=size * 0.9,
                    ),
                    *(Text(f"• {item}", language, size, space_before=1) for item in items),
                ],
                splittable=True,
            )
        )
    notes = [Text(texts(THANKS).format(name=content.name), language, size, space_before=size * 1.2)]
    if language != GERMAN:
        notes.append(
            Text(texts(GERMAN_BINDING), language, size * 0.8, color=MUTED, space_before=size * 0.6)
        )
    blocks.append(Block(notes))
    return blocks


def _year(year: int, language: str) -> str:
    """The year in the language's digits, without the thousands separator of a number."""
    return format_date(date(year, 1, 1), language, fmt="yyyy")


def _figure(label: str, value: str, language: str, size: float) -> Block:
    return Block(
        [
            Text(label, language, size * 0.9, color=MUTED, space_before=size * 0.8),
            Text(value, language, size * 1.6, bold=True, color=PRIMARY),
        ]
    )


def _draw_signature(canvas: Canvas, rect: Rect, content: CertificateContent) -> None:
    """Place and date filled in, a line to sign on, the officer's name below it."""
    x, y, width, height = rect
    half = (width - 12 * mm) / 2
    line_y = y + height * 0.45
    place = ", ".join(
        part
        for part in (content.municipality.name.strip(), format_date(content.issued_on, GERMAN))
        if part
    )
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.7)
    for column, (label, above, below) in enumerate(
        (
            (PLACE_DATE, place, ""),
            (SIGNATURE, "", content.municipality.officer_name.strip()),
        )
    ):
        left = x + column * (half + 12 * mm)
        canvas.line(left, line_y, left + half, line_y)
        if above:
            text = Text(above, GERMAN, 10)
            text.wrap(half, 1e6)
            text.drawOn(canvas, left, line_y + 3)
        labels = " / ".join(dict.fromkeys(PrintTexts(code)(label) for code in content.languages))
        caption = "\n".join(part for part in (below, labels) if part)
        label_text = Text(caption.replace("\n", " · "), GERMAN, 8.2, color=MUTED)
        _, label_height = label_text.wrap(half, 1e6)
        label_text.drawOn(canvas, left, line_y - 2 - label_height)
    canvas.restoreState()


def build_certificate(content: CertificateContent) -> PrintResult:
    """One A4 page: German and the second language side by side (German alone if none)."""
    languages = list(dict.fromkeys(content.languages or [GERMAN]))
    result = build_signed_page(
        SignedPage(
            languages=languages,
            municipality=content.municipality,
            column=lambda code, size: _column(content, code, size),
            sizes=SIZES,
            signature_height=SIGNATURE_HEIGHT,
            draw_signature=lambda canvas, rect: _draw_signature(canvas, rect, content),
            title=f"{PrintTexts(GERMAN)(TITLE)} {content.year} – {content.name}",
        )
    )
    warnings = [logo_warning()] if result.logo_broken else []
    warnings += catalog_warnings(languages)
    warnings += font_warning(
        [
            content.name,
            *content.tasks,
            *(t.title for t in content.trainings),
            content.municipality.name,
        ]
    )
    return PrintResult(result.pdf, result.pages, warnings)
