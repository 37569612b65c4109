"""Smoke-test check: does a printed flyer show an offer's title, shaped, in one language?

The smoke tests of the wheel and of the frozen build print a German+Arabic flyer with
the `gwa` command; this reads the Arabic title back out of the PDF.  The expected title
comes from the database the flyer was printed from (GWA_DATABASE / GWA_DATA_DIR), read
through the program's own services.  pdftotext (poppler-utils) gives the Arabic text as
presentation forms, i.e. joined glyphs: their presence shows the text was shaped, and
after NFKC they compare equal to the stored title, as in tests/output.

    python installer/check_flyer.py FLYER.pdf OFFER_ID LANGUAGE
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.paths import database_location
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def stored_title(offer_id: int, language: str) -> str:
    database = open_database(database_location())
    try:
        text = Services.on(database).offers.get(offer_id).text_in(language)
    finally:
        database.close()
    if text is None:
        raise SystemExit(f"Offer {offer_id} has no text in {language}: choose another offer.")
    return text.title


def is_presentation_form(char: str) -> bool:
    return 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    pdf, offer_id, language = argv[0], int(argv[1]), argv[2]
    title = unicodedata.normalize("NFKC", stored_title(offer_id, language))
    raw = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    # Titles wrap: compare with every run of whitespace as one space.
    text = " ".join(BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", raw)).split())
    if title not in text:
        print(
            f"The {language} title {title!r} is not in {pdf}; its text is:\n{text}", file=sys.stderr
        )
        return 1
    if is_rtl(language) and not any(map(is_presentation_form, raw)):
        print(
            f"{pdf} holds the {language} title, but unshaped (no joined letter forms).",
            file=sys.stderr,
        )
        return 1
    print(f"{pdf}: {language} title found, shaped: {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
