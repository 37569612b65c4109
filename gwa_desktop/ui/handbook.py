"""The handbook shipped with the program: where its file is, which language, its contents.

The handbook is one HTML file per language in `resources/handbook/<lang>/index.html`,
sections marked by `id` anchors (one per screen: "contacts", "offers", ...). It is read
offline from the package, so the wheel and the frozen build carry it as package data.

Only German and English are written. Arabic and Ukrainian UI languages fall back to
English: whoever chose a UI language other than German signals that German is not the
language they read most easily, and English is the second language most of them read
(it is taught in Ukrainian and Arabic-speaking schools); German stays the fallback for
everything else, as for the program itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HANDBOOK_DIR = Path(__file__).resolve().parent.parent / "resources" / "handbook"
HANDBOOK_LANGUAGES = ("de", "en")
#: The handbook's language for a UI language it is not written in (see the module's why).
FALLBACK = {"ar": "en", "uk": "en"}


def handbook_language(ui_language: str) -> str:
    if ui_language in HANDBOOK_LANGUAGES:
        return ui_language
    return FALLBACK.get(ui_language, "de")


def handbook_file(language: str) -> Path:
    return HANDBOOK_DIR / handbook_language(language) / "index.html"


@dataclass(frozen=True)
class Heading:
    """One entry of the table of contents: its anchor, level (2 or 3) and text."""

    anchor: str
    level: int
    text: str


class _Reader(HTMLParser):
    """Collects headings, all ids, links and resource references of a handbook file."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[Heading] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self._open: tuple[str, int] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        for name in ("src", "background"):
            if values.get(name):
                self.resources.append(values[name] or "")
        if tag == "link" and values.get("href"):
            self.resources.append(values["href"] or "")
        if tag in ("h2", "h3") and values.get("id"):
            self._open = (values["id"] or "", int(tag[1]))
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag in ("h2", "h3"):
            anchor, level = self._open
            self.headings.append(Heading(anchor, level, " ".join("".join(self._text).split())))
            self._open = None


def read_handbook(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def contents(language: str) -> list[Heading]:
    """The table of contents of the handbook in (the fallback of) `language`."""
    return read_handbook(handbook_file(language)).headings
