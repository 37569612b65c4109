"""Sample offers in every print language, and reading printed PDFs back.

Arabic-script text extracts as presentation forms: compare after NFKC, word by word,
and only words whose letters all have presentation forms (Pashto ټ ګ ښ do not).
"""

from __future__ import annotations

import io
import math
from datetime import date, time
from pathlib import Path

import pypdf

from gwa_desktop.domain.enums import OfferCategory, Recurrence, TargetGroup
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from tests.output.test_bidi_text import Word, is_arabic_letter, letters_only, nfkc
from tests.output.test_bidi_text import bbox_words as bidi_bbox_words

__all__ = ["Word", "is_arabic_letter", "letters_only", "nfkc"]

PRINT_LANGUAGES = ("de", "en", "fr", "ar", "fa", "prs", "ur", "ps", "uk", "ru", "tr", "ti", "ku")
ARABIC_SCRIPT = ("ar", "fa", "prs", "ur", "ps")
TODAY = date(2026, 3, 1)
PHONE = "0151 2345678"

TEXTS = {
    "de": (
        "Sprachcafé im Gemeindehaus",
        "Menschen aus dem Dorf und Neuzugewanderte sprechen Deutsch bei Kaffee und Kuchen.",
    ),
    "en": (
        "Language café at the community hall",
        "Villagers and newcomers speak German over coffee and cake.",
    ),
    "fr": (
        "Café des langues à la maison communale",
        "Habitants et nouveaux arrivants parlent allemand autour d'un café.",
    ),
    "ar": (
        "مقهى اللغة في دار البلدية",
        "يلتقي سكان القرية والقادمون الجدد للتحدث بالألمانية مع القهوة والكعك.",
    ),
    "fa": (
        "کافه زبان در خانه شهرداری",
        "ساکنان روستا و تازه‌واردان با قهوه و کیک به زبان آلمانی صحبت می‌کنند.",
    ),
    "prs": (
        "کافه زبان در تالار شاروالی",
        "باشندگان قریه و تازه‌واردان با قهوه و کیک به زبان آلمانی صحبت می‌کنند.",
    ),
    "ur": (
        "زبان کیفے کمیونٹی ہال میں",
        "گاؤں کے لوگ اور نئے آنے والے کافی اور کیک کے ساتھ جرمن بولتے ہیں۔",
    ),
    "ps": (
        "د ژبې کافې په ښاروالۍ کې",
        "د کلي خلک او نوي راغلي کسان د قهوې او کیک سره الماني خبرې کوي.",
    ),
    "uk": (
        "Мовне кафе в громадському будинку",
        "Мешканці села та новоприбулі розмовляють німецькою за кавою.",
    ),
    "ru": (
        "Языковое кафе в общественном доме",
        "Жители деревни и новоприбывшие говорят по-немецки за кофе.",
    ),
    "tr": (
        "Belediye binasında dil kafesi",
        "Köy sakinleri ve yeni gelenler kahve eşliğinde Almanca konuşuyor.",
    ),
    "ti": ("ናይ ቋንቋ ካፌ ኣብ ኣዳራሽ ምምሕዳር", "ተቐማጦ ዓድን ሓደሽቲ መጻእትን ብቡንን ኬክን ጀርመንኛ ይዛረቡ።"),
    "ku": ("Kafeya zimanan li mala civakê", "Gundî û nûhatî bi qehwe û kekê bi almanî diaxivin."),
}


def sample_offer(
    languages: tuple[str, ...] = PRINT_LANGUAGES, offer_id: int = 1, **changes
) -> OfferData:
    values = dict(
        id=offer_id,
        texts=[OfferTextData(code, *TEXTS[code]) for code in languages],
        category=OfferCategory.LANGUAGE,
        start_date=date(2026, 1, 6),
        recurrence=Recurrence.WEEKLY,
        start_time=time(15),
        end_time=time(17),
        place_name="Gemeindehaus",
        street="Hauptstraße 5",
        postal_code="12345",
        city="Musterdorf",
        cost_cents=0,
        target_groups=[TargetGroup.EVERYONE, TargetGroup.NEWCOMERS],
        languages=["de", "ar"],
    )
    values.update(changes)
    return OfferData(**values)


def municipality(**changes) -> MunicipalityData:
    values = dict(
        name="Gemeinde Musterdorf",
        district="Landkreis Beispiel",
        officer_name="Anna Schmidt",
        officer_phone="0123 456-78",
        officer_email="integration@musterdorf.de",
    )
    values.update(changes)
    return MunicipalityData(**values)


def has_presentation_forms(word: str) -> bool:
    forms = {nfkc(chr(code)) for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]}
    return all(char in forms for char in word if is_arabic_letter(char))


def comparable_words(text: str) -> list[str]:
    """Words of an Arabic-script text that come back from a PDF as themselves after NFKC."""
    words = [letters_only(word) for word in text.replace("\u200c", " ").split()]
    return [word for word in words if word and has_presentation_forms(word)]


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat_text(pdf: bytes) -> str:
    """All pages' text with every run of whitespace as one space (titles wrap)."""
    return " ".join(" ".join(pdf_text(pdf)).split())


def text_sizes(pdf: bytes) -> list[list[tuple[str, float]]]:
    """(text, font size in points as printed) of every text piece, per page."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        pieces: list[tuple[str, float]] = []

        def visit(text, cm, tm, font, size, pieces=pieces):
            if text.strip():
                pieces.append((text, size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])))

        page.extract_text(visitor_text=visit)
        pages.append(pieces)
    return pages


def presentation_form_count(text: str) -> int:
    return sum(1 for char in text if 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF)


def bbox_words(pdf: bytes, tmp_path: Path) -> list[list[Word]]:
    """Words per page from `pdftotext -bbox`, y growing downwards."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    return bidi_bbox_words(path)
