"""The municipality's own data as a plain record: printed on flyers, written into exports.

No database and no Qt: the record lives below services, so that output and exchange
can use it without depending on the layer that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MunicipalityData:
    name: str = ""
    district: str = ""
    officer_name: str = ""
    officer_phone: str = ""
    officer_email: str = ""
    officer_address: str = ""
    logo: bytes | None = None
    logo_filename: str = ""
    #: The federal state whose public holidays pause the offers that skip them ("BY").
    federal_state: str = ""
    #: Codes of the languages besides German every offer's text should exist in,
    #: comma-separated as stored ("en,ar,uk"); see `text_language_codes`.
    text_languages: str = ""
    #: The row version this data was read at: 0 before the first save, None to write
    #: without checking (scripts, demo data).
    version: int | None = None

    @property
    def text_language_codes(self) -> list[str]:
        """The languages of `text_languages`, each once, in the order given, without
        German (every offer has its German text already)."""
        codes: list[str] = []
        for part in self.text_languages.replace(";", ",").split(","):
            code = part.strip().lower()
            if code and code != "de" and code not in codes:
                codes.append(code)
        return codes
