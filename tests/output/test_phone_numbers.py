"""Which numbers in running text are kept together as phone numbers, and which are not."""

from __future__ import annotations

import pytest

from gwa_desktop.output.pdf.phone_numbers import keep_phone_numbers_together

LRM, NBSP = "\u200e", "\u00a0"


@pytest.mark.parametrize(
    ("number", "kept"),
    [
        ("0151 2345678", "0151\u00a02345678"),
        ("+49 6221 12345", "+49\u00a06221\u00a012345"),
        ("0049 6221 12345", "0049\u00a06221\u00a012345"),
        ("(06221) 12345", "(06221)\u00a012345"),
        ("06321/4711-0", "06321/4711-0"),
        ("۰۲۱ ۸۸۷۷۶۶۵۵", "۰۲۱\u00a0۸۸۷۷۶۶۵۵"),
        ("٠١٥١ ٢٣٤٥٦٧٨", "٠١٥١\u00a0٢٣٤٥٦٧٨"),
    ],
)
def test_phone_numbers_become_one_unbreakable_left_to_right_unit(number, kept):
    assert (
        keep_phone_numbers_together(f"اتصلوا على {number} من فضلكم")
        == f"اتصلوا على {LRM}{kept}{LRM} من فضلكم"
    )


@pytest.mark.parametrize(
    "text",
    [
        "am 24.12.2026 um 14:00",
        "für Kinder von 10 - 12 Jahren",
        "2020 - 2026",
        "100 000 Euro",
        "Raum 12, Haus 3",
        "01512345678",
    ],
)
def test_other_numbers_are_left_alone(text):
    assert keep_phone_numbers_together(text) == text
