"""HarfBuzz shaping of one run (one font, one direction) into a ReportLab string.

ReportLab's own helper (`reportlab.pdfbase.ttfonts.shapeFragWord`) guesses the
direction from the script, which shapes Arabic-Indic digits inside a left-to-right
run backwards and leaves brackets in right-to-left runs unmirrored; it also turns on
the decorative 'dlig' feature, which makes e.g. "محمد" a calligraphic ligature.  So
we call HarfBuzz with the direction the bidi algorithm resolved, and build the same
`ShapedStr` (glyphs as characters plus positioning data) that ReportLab's text
objects know how to draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from . import to_unicode

# Explicit, so that a change of HarfBuzz or ReportLab defaults cannot bring back
# decorative ligatures in running text.
_FEATURES = {"kern": True, "liga": True, "dlig": False}


@dataclass(frozen=True)
class ShapedRun:
    """A run ready to draw: glyphs in visual order and its advance width in points."""

    glyphs: ShapedStr
    width: float


@cache
def _hb_font(font_name: str) -> tuple[TTFont, uharfbuzz.Font]:
    font = pdfmetrics.getFont(font_name)
    to_unicode.install()
    # hbFont() also installs font.hbAddPrivate, used below for glyphs without a
    # Unicode mapping of their own.
    return font, font.hbFont()


def _cluster_texts(text: str, clusters: list[int]) -> list[str]:
    """The characters each glyph was shaped from; "" for all but the first glyph of a
    cluster of several glyphs, so that no character is read back twice."""
    bounds = [*sorted(set(clusters)), len(text)]
    end_of = {start: bounds[index + 1] for index, start in enumerate(bounds[:-1])}
    seen: set[int] = set()
    texts = []
    for cluster in clusters:
        texts.append("" if cluster in seen else text[cluster : end_of[cluster]])
        seen.add(cluster)
    return texts


def shape_run(
    text: str, font_name: str, font_size: float, rtl: bool, language: str | None = None
) -> ShapedRun:
    """Shape `text` in one font and one direction.

    `language` (BCP 47, e.g. "ur") selects language-specific glyphs, such as the
    Urdu forms of the digits ۴ and ۶.  The glyphs do not depend on the size (HarfBuzz
    works in font units, without hinting), so the shaping is cached without it and
    only the width is scaled: words repeat across a document, line breaking measures
    the same words again, and a print tries several type sizes before it draws.
    """
    glyphs, advance = _shaped_glyphs(text, font_name, rtl, language)
    return ShapedRun(glyphs, advance * font_size / 1000)


def shaped_advance(text: str, font_name: str, rtl: bool, language: str | None = None) -> float:
    """The advance of `text` shaped as by `shape_run`, in thousandths of an em:
    `shape_run(...).width` is this times the size / 1000."""
    return _shaped_glyphs(text, font_name, rtl, language)[1]


@lru_cache(maxsize=16384)
def _shaped_glyphs(
    text: str, font_name: str, rtl: bool, language: str | None
) -> tuple[ShapedStr, float]:
    """The glyphs of `text` and their advance in thousandths of an em.

    The key is everything the glyphs depend on: the exact text (control and format
    characters included), the font, the direction and the language.  The ShapedStr
    is shared between callers, who only read it.
    """
    font, hb_font = _hb_font(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if language:
        buffer.language = language
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, _FEATURES)

    face = font.face
    face_name = (face.name + face.subfontNameX).decode("latin-1")
    chars: list[str] = []
    shape_data: list[ShapeData] = []
    advance = 0.0
    sources = _cluster_texts(text, [info.cluster for info in buffer.glyph_infos])
    for info, position, source in zip(buffer.glyph_infos, buffer.glyph_positions, sources):
        gid = info.codepoint
        mapped = face.glyphToChar.get(gid)
        if mapped:
            codepoint = mapped[0]
        else:
            codepoint = font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, position.x_advance)
            to_unicode.remember(face_name, codepoint, source)
        x_advance = font.pdfScale(position.x_advance)
        advance += x_advance
        chars.append(chr(codepoint))
        shape_data.append(
            ShapeData(
                info.cluster,
                x_advance,
                font.pdfScale(position.y_advance),
                font.pdfScale(position.x_offset),
                font.pdfScale(position.y_offset),
                face.charWidths[codepoint],
            )
        )
    return ShapedStr("".join(chars), shapeData=shape_data), advance
