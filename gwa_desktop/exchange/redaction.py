"""Blanking out private persons' names, phone numbers and e-mail addresses in free text.

Titles and descriptions are typed freely ("Beratung mit Yusuf Demir"); the anonymous
export must not carry such a name to the district even though no name field is
exported. Text is compared word-sequence by word-sequence against a set, so 10,000
contacts cost one set lookup per word span rather than one regex branch each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MARK = "[…]"
PUNCTUATION = ".,;:!?()[]{}\"'«»„“”‚‘’<>"
MAX_WORDS = 6
_WORD = re.compile(r"\S+")


class Redactor:
    def __init__(self, phrases: Iterable[str]) -> None:
        cleaned = {" ".join(p.split()).casefold() for p in phrases if len(p.strip()) >= 3}
        self.phrases = cleaned
        self.max_words = min(MAX_WORDS, max((len(p.split()) for p in cleaned), default=1))
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text or not self.phrases:
            return text
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._redact(text)
        return cached

    def _redact(self, text: str) -> str:
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            span = self._match_at(text, words, i)
            if span is None:
                i += 1
            else:
                spans.append(span[:2])
                i = span[2] + 1
        for start, end in reversed(spans):
            text = text[:start] + MARK + text[end:]
        return text

    def _match_at(self, text: str, words: list[tuple[int, int]], i: int) -> tuple[int, int, int] | None:
        """The longest phrase starting at word i, as (start, end, last word index)."""
        for j in range(min(len(words), i + self.max_words) - 1, i - 1, -1):
            raw = text[words[i][0]:words[j][1]]
            stripped = raw.strip(PUNCTUATION)
            if stripped and " ".join(stripped.split()).casefold() in self.phrases:
                start = words[i][0] + len(raw) - len(raw.lstrip(PUNCTUATION))
                return start, start + len(stripped), j
        return None
