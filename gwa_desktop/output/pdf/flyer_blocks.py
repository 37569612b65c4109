"""The content of one language on a flyer: category, title, description, fields.

Side by side, each language is one column of blocks that may continue on page 2;
stacked, each language is a section whose fields sit in a grid.  Sizes come from
`Typography`, so the flyer can shrink as a whole when a long text would not fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from gwa_desktop.domain.enums import OfferCategory

from . import print_texts as t
from .field_grid import FieldGrid
from .offer_view import OfferView
from .paginate import Block
from .print_texts import PrintTexts
from .styles import ACCENT, MUTED, PRIMARY, WARNING, FittedText, Rule, Text, unbreakable


@dataclass(frozen=True)
class Typography:
    """Font sizes in points for one flyer layout."""

    title: float
    body: float
    label: float

    def scaled(self, factor: float) -> Typography:
        return Typography(self.title * factor, self.body * factor, self.label * factor)


#: A4 sizes by number of languages side by side; stacked sections use their own.
SIDE_BY_SIDE = {
    1: Typography(30, 13.5, 10.5),
    2: Typography(22, 11.5, 9.5),
    3: Typography(17, 10, 8.5),
    4: Typography(14.5, 9, 8),
}
STACKED = {
    1: Typography(30, 13.5, 10.5),
    2: Typography(20, 11, 9),
    3: Typography(16, 9.5, 8),
    4: Typography(14, 9, 7.5),
}


def fields(view: OfferView) -> list[tuple[str, str]]:
    """(label, value) pairs in print order; empty values are skipped by the layouts."""
    texts = PrintTexts(view.language)
    contacts = "\n".join(
        ", ".join(part for part in (c.name, unbreakable(c.phone)) if part) for c in view.contacts
    )
    return [
        (texts(t.WHEN), view.when),
        (texts(t.NEXT_DATES), "\n".join(p for p in (view.next_dates, view.cancelled) if p)),
        (texts(t.WHERE), view.where),
        (texts(t.COST), view.cost),
        (texts(t.REGISTRATION), view.registration),
        (texts(t.FOR_WHOM), view.target_groups),
        (texts(t.LANGUAGES_SPOKEN), view.languages_spoken),
        (texts(t.CONTACT), contacts),
    ]


def heading_blocks(view: OfferView, category: OfferCategory, sizes: Typography) -> list[Block]:
    """Category, title, rule and description: the same on the normal and the plain flyer."""
    texts = PrintTexts(view.language)
    language = view.language
    blocks = []
    if view.is_fallback:
        blocks.append(
            Block(
                [Text(texts(t.NOT_TRANSLATED), language, sizes.label, color=WARNING, space_after=4)]
            )
        )
    blocks.append(
        Block(
            [
                Text(
                    texts.category(category),
                    language,
                    sizes.label,
                    bold=True,
                    color=ACCENT,
                    space_after=2,
                ),
                FittedText(
                    view.title,
                    view.language,
                    sizes.title,
                    bold=True,
                    color=PRIMARY,
                    leading=sizes.title * 1.3,
                ),
                Rule(
                    ACCENT,
                    thickness=2.2,
                    length=sizes.title * 1.6,
                    rtl=view.rtl,
                    space=sizes.body * 0.6,
                ),
            ]
        )
    )
    if view.description.strip():
        blocks.append(
            Block(
                [Text(view.description, language, sizes.body, space_after=sizes.body * 0.4)],
                splittable=True,
            )
        )
    return blocks


def column_blocks(view: OfferView, category: OfferCategory, sizes: Typography) -> list[Block]:
    """One language as a column: heading, description, then one block per field."""
    blocks = heading_blocks(view, category, sizes)
    for label, value in fields(view):
        if value.strip():
            blocks.append(
                Block(
                    [
                        Text(
                            label,
                            view.language,
                            sizes.label,
                            bold=True,
                            color=PRIMARY,
                            space_before=sizes.body * 0.7,
                        ),
                        Text(value, view.language, sizes.body, space_before=1),
                    ]
                )
            )
    return blocks


def section_blocks(
    view: OfferView, category: OfferCategory, sizes: Typography, grid_columns: int, first: bool
) -> list[Block]:
    """One language as a full-width section of a stacked flyer, fields in a grid.

    One block, so that a title never stays behind alone at the bottom of a page; only
    a long description lets it split.
    """
    items = [] if first else [Rule(MUTED, thickness=0.5, space=sizes.body * 0.9)]
    items += [item for block in heading_blocks(view, category, sizes) for item in block.items]
    items.append(
        FieldGrid(
            fields(view),
            view.language,
            grid_columns,
            sizes.label,
            sizes.body,
            space_before=sizes.body * 0.5,
        )
    )
    return [Block(items, splittable=True)]
