"""Text typed or pasted by people, made harmless before it leaves the program.

One place for the characters that turn text into something else when it reaches a
print, a spreadsheet or a phone's address book:

- Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
  reorder everything after them up to the end of the paragraph: a U+202E in a
  contact's name printed the phone number beside it backwards ("7654321 1710"). They
  are removed from files and from names and numbers before a print; the print
  engine itself drops embeddings and overrides in any text. The implicit marks LRM, RLM and ALM (U+200E, U+200F, U+061C) only
  steer the neutral characters next to them and are typed on purpose in Arabic
  and Hebrew text, so they stay in names and free text; in a phone number they can
  still swap the digit groups ("5550123 0176"), so `phone_number` removes them too.
- Control characters (NUL, ESC, vertical tab, C1 controls, lone surrogates) break
  files and terminal output and have no meaning in a name; they are removed, and the
  line breaks that remain are spelled "\\n" so every writer has one kind to escape.
"""

from __future__ import annotations

import re

#: Embeddings and overrides: reorder the rest of the paragraph.
EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"
#: Isolates: keep a name's direction to itself when closed, reorder the rest of the line when not.
ISOLATES = "\u2066\u2067\u2068\u2069"
BIDI_CONTROLS = EMBEDDINGS + ISOLATES
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
#: Implicit directional marks: harmless in words, but not inside a number.
BIDI_MARKS = "\u200e\u200f\u061c"

_BIDI_CONTROLS = re.compile(f"[{BIDI_CONTROLS}]")
_EMBEDDINGS = re.compile(f"[{EMBEDDINGS}]")
_NUMBER_FORMATTING = re.compile(f"[{BIDI_CONTROLS}{BIDI_MARKS}\u200b\u2060\ufeff]")
#: Line breaks other than "\n" that files and parsers split lines at.
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
#: C0 and C1 controls except tab and newline, DEL, lone surrogates, non-characters.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def isolated(text: str) -> str:
    """`text` as one unit in its own direction (FSI…PDI) inside a label put together from
    parts: in a right-to-left line a Latin title and place would otherwise run together
    with the brackets between them into one left-to-right stretch."""
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE


def without_bidi_controls(text: str) -> str:
    """`text` without embeddings, overrides and isolates; directional marks stay."""
    return _BIDI_CONTROLS.sub("", text)


def without_embeddings(text: str) -> str:
    """`text` without embeddings and overrides, for the print engine: it treats isolates
    as neutral characters (python-bidi predates them), so they cannot reorder a print."""
    return _EMBEDDINGS.sub("", text)


def plain_text(text: str) -> str:
    """Text as it may reach a file or a print: no controls, no bidi overrides, "\\n" as the only line break."""
    return _CONTROLS.sub("", without_bidi_controls(_LINE_BREAKS.sub("\n", text)))


def one_line(text: str) -> str:
    """`plain_text` on one line: for fields that cannot hold a line break (names, numbers)."""
    return plain_text(text).replace("\n", " ")


def phone_number(text: str) -> str:
    """A phone number without any invisible formatting, so its digits keep their order."""
    return _NUMBER_FORMATTING.sub("", one_line(text))
