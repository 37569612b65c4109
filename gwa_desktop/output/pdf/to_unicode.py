"""Text that a PDF reader gets back for glyphs the font's cmap does not name.

HarfBuzz picks contextual forms that have no Unicode code point of their own (the
initial and medial forms of Pashto ګ, ښ, ټ, ڼ, ږ, for example).  ReportLab gives such
glyphs a private-use code point, and its ToUnicode CMap then maps them back to that
private-use character, so copying, searching or screen-reading the PDF loses the
letter.  `remember` records the characters each such glyph was shaped from, and the
CMap below maps the glyph to them.

ReportLab writes the CMap through the module function `ttfonts.makeToUnicodeCMap`;
`install` replaces that function once with one that knows these characters and also
writes code points beyond U+FFFF as UTF-16 surrogate pairs, as the PDF standard asks.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import ttfonts

#: Per font face name: private-use code point -> the text it was shaped from.
_SOURCES: dict[str, dict[int, str]] = {}


def remember(face_name: str, codepoint: int, text: str) -> None:
    """Record that glyph `codepoint` of `face_name` stands for `text` (first one wins).

    A glyph without a code point stands for the same letters wherever it appears, so
    one entry per glyph is enough; an empty `text` (a glyph that shares its cluster
    with another one) is not recorded.
    """
    if text:
        _SOURCES.setdefault(face_name, {}).setdefault(codepoint, text)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def make_to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with private-use glyphs mapped to their letters."""
    face_name = font_name.split("+", 1)[-1]
    sources = _SOURCES.get(face_name, {})
    entries = [
        f"<{index:02X}> <{_utf16_hex(sources.get(code) or chr(code))}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@cache
def install() -> None:
    """Make ReportLab write our CMaps; later calls do nothing."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
