"""A one-page consent form: German beside a second language, with fields to sign.

Consent must be informed (Art. 7 GDPR), so the person reads purpose, stored data,
duration and rights in a language they understand; the German column is the binding
text the municipality files.  The form version is printed so that the officer can
record which form was signed (ConsentData.form_version, form_language).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.i18n import P_, _

from .document import (
    PrintResult,
    PrintWarning,
    catalog_warnings,
    font_warning,
    logo_warning,
    page_size,
)
from .footer import officer_line
from .paginate import Block, DocumentInfo, Rect
from .print_texts import PrintTexts
from .signed_page import FOOTER, FOOTER_BOTTOM, MARGIN, SignedPage, build_signed_page
from .styles import ACCENT, MUTED, PRIMARY, Rule, Text

FORM_VERSION = "1"
GERMAN = "de"

TITLE = P_("Consent to the storage of personal data")
THE_MUNICIPALITY = P_("The municipality")
SECTIONS = (
    (
        P_("Purpose"),
        P_(
            "{municipality} would like to store your contact details so that the integration officer "
            "can tell you about offers, invite you to events and get in touch with you about your "
            "concerns."
        ),
    ),
    (
        P_("What is stored"),
        P_(
            "Your name and the details you give on this form: phone number, e-mail address, the "
            "languages you speak and topics that interest you. Your data stays with the "
            "municipality and is not passed on to anyone else."
        ),
    ),
    (
        P_("How long"),
        P_(
            "Your data is stored until you withdraw your consent or until it is no longer needed for "
            "this purpose. Then it is deleted."
        ),
    ),
    (
        P_("Your rights"),
        P_(
            "Giving consent is voluntary. If you do not give it, you will not suffer any "
            "disadvantage. You can withdraw it at any time, orally or in writing, without giving "
            "reasons; your data will then be deleted. You have the right to information about your "
            "data, to correction, deletion and restriction of processing, and the right to complain "
            "to the data protection supervisory authority."
        ),
    ),
)
CONTROLLER = P_("Who is responsible")
LEGAL_BASIS = P_(
    "Legal basis: Art. 6(1)(a) and Art. 7 of the EU General Data Protection Regulation (GDPR)."
)
DECLARATION = P_("I agree that my data may be stored and used for the purpose described above.")
GERMAN_BINDING = P_("This translation is for your information. The German text is binding.")
FIELDS = (
    P_("Name"),
    P_("Phone"),
    P_("E-mail"),
    P_("Languages"),
    P_("Place, date"),
    P_("Signature"),
)
VERSION = P_("Form version {version}")
#: The purposes a form can be pre-filled with, each consented to on its own (Art. 6(1)(a)).
PURPOSES = {
    "contact": P_("Contact and information about the municipality's offers"),
    "public": P_(
        "Being named publicly as contact person on flyers, tear-off strips and notice boards"
    ),
}
CHOSEN = P_("I agree to the purposes I have ticked:")

#: Body sizes tried until the form fits on one page; long translations need the smaller ones.
SIZES = (9.6, 9.0, 8.4, 7.8, 7.2)
SIGNATURE_HEIGHT = 64 * mm


class Box(Flowable):
    """An empty square to tick by hand (the fonts have no ballot-box character)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(PRIMARY)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def _purpose_rows(language: str, purposes: Sequence[str], size: float) -> Table:
    texts = PrintTexts(language)
    rtl = is_rtl(language)
    rows = [
        [Text(texts(PURPOSES[key]), language, size), Box(size * 1.1)]
        if rtl
        else [Box(size * 1.1), Text(texts(PURPOSES[key]), language, size)]
        for key in purposes
    ]
    table = Table(rows, colWidths=[None, size * 2] if rtl else [size * 2, None])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _column(
    language: str, municipality: MunicipalityData, size: float, purposes: Sequence[str] = ()
) -> list[Block]:
    texts = PrintTexts(language)
    name = municipality.name.strip() or texts(THE_MUNICIPALITY)
    controller = "\n".join(
        part
        for part in (name, municipality.officer_address, officer_line(municipality))
        if part.strip()
    )
    blocks = [
        Block(
            [
                Text(
                    texts(TITLE), language, size * 1.6, bold=True, color=PRIMARY, leading=size * 2.1
                ),
                Rule(ACCENT, thickness=2, length=size * 3, rtl=is_rtl(language), space=size * 0.5),
            ]
        )
    ]
    sections = [(heading, texts(body).format(municipality=name)) for heading, body in SECTIONS]
    for heading, text in [*sections, (CONTROLLER, controller)]:
        blocks.append(
            Block(
                [
                    Text(
                        texts(heading),
                        language,
                        size,
                        bold=True,
                        color=PRIMARY,
                        space_before=size * 0.6,
                    ),
                    Text(text, language, size, space_before=1),
                ]
            )
        )
    notes = [Text(texts(LEGAL_BASIS), language, size * 0.85, color=MUTED, space_before=size * 0.6)]
    if language != GERMAN:
        notes.append(
            Text(
                texts(GERMAN_BINDING), language, size * 0.85, bold=True, color=MUTED, space_before=3
            )
        )
    blocks.append(Block(notes))
    if purposes:
        # The declaration names the purposes to tick, each a consent of its own.
        blocks.append(
            Block(
                [
                    Text(texts(CHOSEN), language, size * 1.05, bold=True, space_before=size),
                    _purpose_rows(language, purposes, size),
                ]
            )
        )
    else:
        blocks.append(
            Block([Text(texts(DECLARATION), language, size * 1.05, bold=True, space_before=size)])
        )
    return blocks


def _draw_signature_fields(
    canvas: Canvas, rect: Rect, languages: list[str], name: str = ""
) -> None:
    """Lines to write on, each labelled in both languages; the name pre-filled if given."""
    x, y, width, height = rect
    rows = [FIELDS[:2], FIELDS[2:4], FIELDS[4:]]
    row_height = height / len(rows)
    half = (width - 10 * mm) / 2
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.7)
    for index, pair in enumerate(rows):
        line_y = y + height - (index + 1) * row_height + 7 * mm
        for column, field in enumerate(pair):
            left = x + column * (half + 10 * mm)
            canvas.line(left, line_y, left + half, line_y)
            labels = " / ".join(
                dict.fromkeys(PrintTexts(language)(field) for language in languages)
            )
            label = Text(labels, GERMAN, 8.2, color=MUTED)
            _, label_height = label.wrap(half, 1e6)
            label.drawOn(canvas, left, line_y - 2 - label_height)
            if field == FIELDS[0] and name:
                filled = Text(name, GERMAN, 11)
                filled.wrap(half, 1e6)
                filled.drawOn(canvas, left + 1 * mm, line_y + 1.5 * mm)
    canvas.restoreState()


def build_consent_form(
    language: str,
    municipality: MunicipalityData,
    name: str = "",
    purposes: Sequence[str] = (),
) -> PrintResult:
    """German and `language` side by side (German alone when `language` is German).

    `name` is printed on the name line and `purposes` (keys of PURPOSES) are listed to
    tick: a form prepared for one person, who still ticks and signs it herself.
    """
    languages = list(dict.fromkeys([GERMAN, language]))
    version = PrintTexts(GERMAN)(VERSION).format(version=f"{FORM_VERSION} ({'/'.join(languages)})")

    def annotate(canvas: Canvas) -> None:
        canvas.setFont("GWA-NotoSans", 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(
            page_size("A4")[0] - MARGIN, FOOTER_BOTTOM + FOOTER + 2 * mm, version
        )

    result = build_signed_page(
        SignedPage(
            languages=languages,
            municipality=municipality,
            column=lambda code, size: _column(code, municipality, size, purposes),
            sizes=SIZES,
            signature_height=SIGNATURE_HEIGHT,
            draw_signature=lambda canvas, rect: _draw_signature_fields(
                canvas, rect, languages, name
            ),
            title=PrintTexts(GERMAN)(TITLE),
            info=DocumentInfo(municipality.name, PrintTexts(GERMAN)(TITLE), languages[0]),
            column_rules=True,
            annotate=annotate,
        )
    )
    warnings = [logo_warning()] if result.logo_broken else []
    if not (municipality.name.strip() and municipality.officer_address.strip()):
        warnings.append(
            PrintWarning(
                "controller",
                _(
                    "The form names the controller (Art. 13 GDPR): enter the municipality's name and address "
                    "in the settings before people sign it."
                ),
            )
        )
    warnings += catalog_warnings(languages)
    warnings += font_warning(
        [municipality.name, municipality.officer_name, municipality.officer_address, name]
    )
    return PrintResult(result.pdf, result.pages, warnings)
