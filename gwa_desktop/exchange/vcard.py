"""Contacts as vCard 3.0, the version every phone and address book imports.

Only what a phone's address book shows is written (name, organisation, role, phone,
e-mail, address); notes and consent records stay in the program.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gwa_desktop.domain.plain_text import phone_number, plain_text

LINE_LIMIT = 75


@dataclass(frozen=True)
class Card:
    name: str
    is_organisation: bool = False
    organisation: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""


def escape(value: str) -> str:
    """A property value on one physical line (RFC 6350 3.4).

    `plain_text` first: a lone CR, a NEL or U+2028 would otherwise end the line for some
    readers and let a name start a new property or a second card; NUL and ESC go."""
    return (
        plain_text(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 6350 3.2)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_LIMIT:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (LINE_LIMIT if not parts else LINE_LIMIT - 1):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def card_lines(card: Card) -> list[str]:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escape(card.name)}"]
    if card.is_organisation:
        lines += ["N:;;;;", f"ORG:{escape(card.name)}", "X-ABShowAs:COMPANY"]
    else:
        given, _, family = plain_text(card.name).strip().rpartition(" ")
        lines.append(f"N:{escape(family)};{escape(given)};;;")
        if card.organisation:
            lines.append(f"ORG:{escape(card.organisation)}")
    if card.role:
        lines.append(f"TITLE:{escape(card.role)}")
    if card.phone:
        lines.append(f"TEL;TYPE=VOICE:{escape(phone_number(card.phone))}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(card.email)}")
    if card.street or card.postal_code or card.city:
        lines.append(
            f"ADR;TYPE=WORK:;;{escape(card.street)};{escape(card.city)};;{escape(card.postal_code)};"
        )
    lines.append("END:VCARD")
    return [fold(line) for line in lines]


def write_cards(cards: Iterable[Card]) -> bytes:
    lines = [line for card in cards for line in card_lines(card)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
