"""Line breaking and per-line visual ordering of bidirectional, multi-font text.

Lines are broken in *logical* order (the order the text was typed), so the first
line of an Arabic paragraph holds the beginning of the text; only then is each line
cut into runs of one font and one bidi level, and the runs are put in visual order
(UAX #9 rule L2).  Widths always come from shaped glyphs, because joined Arabic
letters are narrower or wider than their isolated forms.  Words are measured one by
one and their widths added up; with the bundled fonts this equals the width of the
shaped line exactly (no kerning across spaces), which the tests check.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby

from gwa_desktop.domain.plain_text import without_embeddings

from .bidi_levels import Direction, base_level, embedding_levels
from .fonts import fonts_for_text
from .hyphenation import HYPHEN, break_points
from .line_breaks import break_opportunities
from .phone_numbers import keep_phone_numbers_together
from .shaping import ShapedRun, shape_run, shaped_advance

# Spaces at the end of a line take no room there; no-break spaces (U+00A0, U+2007,
# U+202F) are deliberately absent.
_BREAK_SPACES = (
    " \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u200b\u205f\u3000"
)
_JOINERS = frozenset("\u200c\u200d")
#: Categories a word cut in an emergency should not put at the start of a line:
#: dashes, closing brackets, other punctuation (, . : ! ?) and spaces.
_CANNOT_START_LINE = frozenset({"Pd", "Pe", "Po", "Zs"})
#: How far such punctuation may hang past the edge, in em: a spaced dash.  Every
#: print leaves at least twice that between columns.
_MAX_HANG = 0.8
# Rounding slack when comparing widths, in points.
_EPSILON = 0.01


@dataclass(frozen=True)
class TextAnalysis:
    """Everything about a paragraph that does not depend on the line width."""

    text: str
    paragraph_level: int
    levels: tuple[int, ...]
    fonts: tuple[str, ...]
    font_size: float
    language: str | None
    #: Where a line may end (`line_breaks`), ascending.
    breaks: tuple[int, ...]
    #: (start, end) -> advances of its runs in thousandths of an em (see `_measure`);
    #: the same dict for every size of the paragraph, filled as lines are broken.
    advances: dict[tuple[int, int], tuple[float, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: (start, end, width, size) -> where its lines end (see `line_breaks`); shared by
    #: every size of the paragraph like `advances`.
    breaks_for: dict[tuple[int, int, float, float], tuple[LineBreak, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def rtl(self) -> bool:
        return self.paragraph_level % 2 == 1


@dataclass(frozen=True)
class VisualRun:
    """Part of a line in one font and one direction; `text` is in logical order."""

    text: str
    font_name: str
    rtl: bool
    shaped: ShapedRun


#: One line as positions in the text: (start, end, hyphen drawn after it?).  Enough to
#: know a paragraph's height; the glyphs are only made for a line that is drawn.
LineBreak = tuple[int, int, bool]
#: Line breaks kept per paragraph analysis: a print tries a few type sizes and draws
#: one, a board repeats its labels; a window printing all day must not grow it.
_MAX_KEPT_BREAKS = 64


@dataclass(frozen=True)
class Line:
    """One printed line: `text` is its logical text, `runs` go from left to right."""

    start: int
    end: int
    text: str
    runs: tuple[VisualRun, ...]
    width: float


@lru_cache(maxsize=4096)
def analyse(
    text: str, font_size: float, bold: bool, direction: Direction, language: str | None
) -> TextAnalysis:
    """Resolve bidi levels and fonts once per paragraph, for every later layout.

    Every printed text passes here, so this is where typed or pasted embeddings and
    overrides go: one U+202E in a name would print the rest of its paragraph
    backwards, a phone number included (isolates are neutral to this engine).  Then
    phone numbers in free text are kept together as one left-to-right unit.

    None of this depends on the type size, so it is cached without it: a print tries
    several sizes and builds its paragraphs afresh for each, and the labels ("When",
    "Where") repeat on every entry of a board.  The analysis at a size is kept too
    (it shares the size-free one's measurements), so a repeated label costs a look-up.
    """
    return replace(_size_free_analysis(text, bold, direction, language), font_size=font_size)


@lru_cache(maxsize=4096)
def _size_free_analysis(
    text: str, bold: bool, direction: Direction, language: str | None
) -> TextAnalysis:
    """`analyse` at size 1; keyed by the exact text as typed, so two texts that differ
    only in a control or format character never share an analysis."""
    plain = without_embeddings(text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    text = keep_phone_numbers_together(plain)
    level = base_level(text, direction)
    return TextAnalysis(
        text=text,
        paragraph_level=level,
        levels=tuple(embedding_levels(text, level)),
        fonts=tuple(fonts_for_text(text, bold)),
        font_size=1.0,
        language=language,
        breaks=break_opportunities(text, language),
    )


def make_lines(analysis: TextAnalysis, breaks: tuple[LineBreak, ...]) -> list[Line]:
    """The shaped, visually ordered lines at `breaks` (from `line_breaks`)."""
    return [_make_line(analysis, start, end, hyphen) for start, end, hyphen in breaks]


def line_breaks(
    analysis: TextAnalysis, start: int, end: int, width: float
) -> tuple[LineBreak, ...]:
    """Where the lines of `analysis.text[start:end]` at most `width` points wide end.

    Measured once per paragraph, width and size: the trial layouts of a print and the
    drawing of the chosen one break the same paragraphs at the same sizes, and a
    height needs only the number of lines, not their glyphs (`make_lines`).
    """
    key = (start, end, width, analysis.font_size)
    breaks = analysis.breaks_for.get(key)
    if breaks is None:
        breaks = tuple(_break_lines(analysis, start, end, width))
        if len(analysis.breaks_for) >= _MAX_KEPT_BREAKS:
            analysis.breaks_for.clear()
        analysis.breaks_for[key] = breaks
    return breaks


def _break_lines(analysis: TextAnalysis, start: int, end: int, width: float) -> list[LineBreak]:
    """Line breaks for `analysis.text[start:end]` at most `width` points wide.

    Greedy: each line takes as many words as fit, ending only where the line
    breaking algorithm allows (ragged, so no hyphenation is needed to fill a line).  A word wider than a whole line is hyphenated where the
    language's dictionary allows, else cut between characters (never between a
    letter and its marks).  "\\n"
    forces a break; an empty text gives no lines, an empty text line a blank line.
    """
    if start >= end:
        return []
    lines: list[LineBreak] = []
    segment_start = start
    while True:
        newline = analysis.text.find("\n", segment_start, end)
        segment_end = end if newline < 0 else newline
        lines.extend(_break_segment(analysis, segment_start, segment_end, width))
        if newline < 0:
            return lines
        segment_start = newline + 1


def _break_segment(analysis: TextAnalysis, start: int, end: int, width: float) -> list[LineBreak]:
    if start == end:
        return [(start, end, False)]
    tokens = deque(_tokens(analysis, start, end))
    lines: list[LineBreak] = []
    current: list[tuple[int, int, int]] = []
    used = pending_space = 0.0
    while tokens:
        word_start, word_end, spaces_end = token = tokens.popleft()
        word_width = _measure(analysis, word_start, word_end)
        if current and used + pending_space + word_width > width + _EPSILON:
            lines.append((current[0][0], current[-1][1], False))
            current, used = [], 0.0
        if (
            not current
            and word_width > width + _EPSILON
            and not _may_hang(analysis, word_start, word_end, width)
        ):
            hyphenated = _hyphenation_cut(analysis, word_start, word_end, width)
            if hyphenated:
                cut, hyphen = hyphenated
                lines.append((word_start, cut, hyphen))
                tokens.appendleft((cut, word_end, spaces_end))
                continue
            cut = _longest_fitting_prefix(analysis, word_start, word_end, width)
            if cut < word_end:
                lines.append((word_start, cut, False))
                tokens.appendleft((cut, word_end, spaces_end))
                continue
        current.append(token)
        used += (pending_space if len(current) > 1 else 0.0) + word_width
        pending_space = _measure(analysis, word_end, spaces_end)
    if current:
        lines.append((current[0][0], current[-1][1], False))
    return lines


def _may_hang(analysis: TextAnalysis, start: int, end: int, width: float) -> bool:
    """Whether text[start:end] fits on a line of its own when the punctuation at its
    end ("Anmeldung –", "03.03.2026,") hangs past the edge by at most `_MAX_HANG`: a
    comma or dash at the start of the next line reads as a mistake, a little
    punctuation in the margin does not (typesetters call it hanging punctuation)."""
    core = end
    while core > start and unicodedata.category(analysis.text[core - 1]) in _CANNOT_START_LINE:
        core -= 1
    if core in (start, end):
        return False
    hang = _measure(analysis, start, end) - width
    return (
        hang <= _MAX_HANG * analysis.font_size
        and _measure(analysis, start, core) <= width + _EPSILON
    )


def _tokens(analysis: TextAnalysis, start: int, end: int) -> list[tuple[int, int, int]]:
    """(word start, word end, end of the spaces after it) between the break
    opportunities in text[start:end]; a "word" is what may not be broken (a word
    with the dash or "!" that belongs to it, or part of a hyphenated compound)."""
    low = bisect_right(analysis.breaks, start)
    high = bisect_left(analysis.breaks, end)
    tokens = []
    token_start = start
    for token_end in [*analysis.breaks[low:high], end]:
        word_end = token_end
        while word_end > token_start and analysis.text[word_end - 1] in _BREAK_SPACES:
            word_end -= 1
        tokens.append((token_start, word_end, token_end))
        token_start = token_end
    return tokens


def _hyphenation_cut(
    analysis: TextAnalysis, start: int, end: int, room: float
) -> tuple[int, bool] | None:
    """The latest dictionary break in text[start:end] whose part (with its hyphen) fits
    `room`, as (cut position, hyphen drawn?); None where none fits or the word is not
    left-to-right text in a left-to-right paragraph (no hyphens inside Arabic script)."""
    if analysis.rtl or any(level for level in analysis.levels[start:end]):
        return None
    for offset, hyphen in reversed(break_points(analysis.text[start:end], analysis.language)):
        cut = start + offset
        extra = _hyphen_run(analysis, cut).shaped.width if hyphen else 0.0
        if _measure(analysis, start, cut) + extra <= room + _EPSILON:
            return cut, hyphen
    return None


def _hyphen_run(analysis: TextAnalysis, after: int) -> VisualRun:
    font_name = analysis.fonts[after - 1]
    return VisualRun(
        HYPHEN,
        font_name,
        False,
        shape_run(HYPHEN, font_name, analysis.font_size, False, analysis.language),
    )


def _measure(analysis: TextAnalysis, start: int, end: int) -> float:
    """The width of text[start:end] in points: the sum of its shaped runs' widths.

    Line breaking measures every word, and the hang and hyphenation checks measure
    some again, at every type size a print tries; the runs' advances do not depend
    on the size, so they are kept on the analysis and only scaled here (the same
    arithmetic as `shape_run`, so widths and line breaks stay exactly as before).
    """
    advances = analysis.advances.get((start, end))
    if advances is None:
        advances = tuple(
            shaped_advance(text, font_name, level % 2 == 1, analysis.language)
            for level, font_name, text in _pieces(analysis, start, end)
        )
        analysis.advances[(start, end)] = advances
    return sum(advance * analysis.font_size / 1000 for advance in advances)


def _cluster_boundaries(text: str, start: int, end: int) -> list[int]:
    """Positions inside text[start:end] where a word may be cut: not before a mark
    and not next to a joiner, so that "كافٍ" keeps its kasratan on its letter."""
    return [
        index
        for index in range(start + 1, end)
        if not unicodedata.category(text[index]).startswith("M")
        and text[index] not in _JOINERS
        and text[index - 1] not in _JOINERS
    ]


def _longest_fitting_prefix(analysis: TextAnalysis, start: int, end: int, width: float) -> int:
    """End of the longest cluster-aligned prefix no wider than `width`; at least one
    cluster, so that every line makes progress even in a very narrow column.  Where
    possible the rest does not start with a comma, dash, closing bracket or space
    ("03.03.2026" / ", 10.03.2026" in a narrow weekly-plan column)."""
    boundaries = _cluster_boundaries(analysis.text, start, end)
    candidates = [
        index
        for index in boundaries
        if unicodedata.category(analysis.text[index]) not in _CANNOT_START_LINE
    ] or boundaries
    if not candidates:
        return end
    low, high = 0, len(candidates) - 1
    best = candidates[0]
    while low <= high:
        middle = (low + high) // 2
        if _measure(analysis, start, candidates[middle]) <= width + _EPSILON:
            best = candidates[middle]
            low = middle + 1
        else:
            high = middle - 1
    return best


def _pieces(analysis: TextAnalysis, start: int, end: int) -> list[tuple[int, str, str]]:
    """(level, font, text) of the runs of one font and one level in text[start:end],
    in logical order."""
    pieces = []
    position = start
    keyed = zip(analysis.fonts[start:end], analysis.levels[start:end])
    for (font_name, level), group in groupby(keyed):
        length = sum(1 for _ in group)
        pieces.append((level, font_name, analysis.text[position : position + length]))
        position += length
    return pieces


def _logical_runs(analysis: TextAnalysis, start: int, end: int) -> list[tuple[int, VisualRun]]:
    """Runs of one font and one level in text[start:end], in logical order, with levels."""
    runs: list[tuple[int, VisualRun]] = []
    for level, font_name, text in _pieces(analysis, start, end):
        rtl = level % 2 == 1
        shaped = shape_run(text, font_name, analysis.font_size, rtl, analysis.language)
        runs.append((level, VisualRun(text, font_name, rtl, shaped)))
    return runs


def _visual_order(levels: list[int]) -> list[int]:
    """Indices of runs from left to right (rule L2): from the highest level down to
    the lowest odd one, reverse every sequence of runs at that level or above."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            stop = index
            while stop < len(order) and levels[order[stop]] >= level:
                stop += 1
            order[index:stop] = reversed(order[index:stop])
            index = stop
    return order


def _make_line(analysis: TextAnalysis, start: int, end: int, hyphen: bool = False) -> Line:
    """A line of text[start:end]; `hyphen` draws a hyphen after it (left-to-right only),
    which is not part of the line's text."""
    logical = _logical_runs(analysis, start, end)
    order = _visual_order([level for level, _ in logical])
    runs = tuple(logical[index][1] for index in order)
    if hyphen:
        runs += (_hyphen_run(analysis, end),)
    return Line(start, end, analysis.text[start:end], runs, sum(run.shaped.width for run in runs))
