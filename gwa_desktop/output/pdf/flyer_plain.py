"""The plain-language ("Leichte Sprache") flyer: large type, one fact per line.

Readers with little German, poor eyesight or reading difficulties get the same offer
as short sentences and questions ("Wann?", "Es kostet nichts.", "Fragen? Rufen Sie an:
…") instead of labelled fields in a grid, always one below the other, at sizes that do
not shrink below `MIN_BODY_SIZE`.  The officer's own description is kept; it only flows
in the larger type.
"""

from __future__ import annotations

from gwa_desktop.domain.enums import OfferCategory

from . import print_texts as t
from .flyer_blocks import Typography, heading_blocks
from .offer_view import OfferView
from .paginate import Block
from .print_texts import PrintTexts
from .styles import MUTED, PRIMARY, Rule, Text, unbreakable

#: A4 sizes by number of languages; A5 prints at 0.8 of these, which keeps four
#: languages at the 12 pt minimum.  Labels are whole sentences, as large as the text.
SIDE_BY_SIDE = {
    1: Typography(34, 18, 18),
    2: Typography(28, 17, 17),
    3: Typography(24, 16, 16),
    4: Typography(22, 15, 15),
}
STACKED = {
    1: Typography(34, 18, 18),
    2: Typography(28, 17, 17),
    3: Typography(26, 16, 16),
    4: Typography(24, 15, 15),
}
#: The plain flyer shrinks to fit a page, but not below these sizes (points): large
#: type is what it promises.
MIN_BODY_SIZE = 12.0
MIN_LABEL_SIZE = 12.0


def facts(view: OfferView, phone: str = "") -> list[tuple[str, str]]:
    """(question, answer) pairs in print order; a fact that is a sentence of its own
    ("Es kostet nichts.") has no question.  Empty answers are left out.

    `phone` is the flyer's number (QR code, strips): when no contact line has a number
    of its own (the office's number was chosen for the print), it is the one to call.
    """
    texts = PrintTexts(view.language)
    pairs = [
        (texts(t.PLAIN_WHEN), view.when),
        (texts(t.NEXT_DATES), "\n".join(p for p in (view.next_dates, view.cancelled) if p)),
        (texts(t.PLAIN_WHERE), view.where),
        (texts(t.PLAIN_FOR_WHOM), view.target_groups),
        ("", view.plain_cost),
        ("", view.plain_registration),
        (
            "",
            texts(t.PLAIN_LANGUAGES).format(languages=view.languages_spoken)
            if view.languages_spoken
            else "",
        ),
    ]
    pairs += [("", _question_line(texts, contact.name, contact.phone)) for contact in view.contacts]
    if phone and not any(contact.phone for contact in view.contacts):
        pairs.append(("", texts(t.PLAIN_CALL).format(phone=unbreakable(phone))))
    return [(question, answer) for question, answer in pairs if answer.strip()]


def _question_line(texts: PrintTexts, name: str, phone: str) -> str:
    if phone and name:
        return texts(t.PLAIN_CALL_NAMED).format(name=name, phone=unbreakable(phone))
    if phone:
        return texts(t.PLAIN_CALL).format(phone=unbreakable(phone))
    return texts(t.PLAIN_ASK).format(name=name) if name else ""


def _fact_items(view: OfferView, sizes: Typography, phone: str) -> list[Text]:
    items: list[Text] = []
    for question, answer in facts(view, phone):
        if question:
            items.append(
                Text(
                    question,
                    view.language,
                    sizes.label,
                    bold=True,
                    color=PRIMARY,
                    space_before=sizes.body * 0.7,
                )
            )
            items.append(Text(answer, view.language, sizes.body, space_before=1))
        else:
            items.append(
                Text(answer, view.language, sizes.body, bold=True, space_before=sizes.body * 0.7)
            )
    return items


def plain_column_blocks(
    view: OfferView, category: OfferCategory, sizes: Typography, phone: str
) -> list[Block]:
    """One language as a column: heading, description, then one block per fact."""
    blocks = heading_blocks(view, category, sizes)
    blocks += [Block([item]) for item in _fact_items(view, sizes, phone)]
    return blocks


def plain_section_blocks(
    view: OfferView, category: OfferCategory, sizes: Typography, phone: str, first: bool
) -> list[Block]:
    """One language as a full-width section, the facts one below the other (no grid:
    a grid puts two facts on a line)."""
    items = [] if first else [Rule(MUTED, thickness=0.5, space=sizes.body * 0.9)]
    items += [item for block in heading_blocks(view, category, sizes) for item in block.items]
    items += _fact_items(view, sizes, phone)
    return [Block(items, splittable=True)]
