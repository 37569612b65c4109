"""WCAG AA contrast of every colour the program sets, against what it is painted on.

Each colour literal in `gwa_desktop/ui` must be listed below, either in a pair whose
ratio is computed (4.5:1 for text, 3:1 for frames a user must see) or as decoration
with the reason; a colour added without a check fails `test_every_colour_is_checked`.
The palette colours are those of the program's palette (Fusion, with the selection
made readable by `readable_palette`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gwa_desktop.ui.accessibility import (
    AA_LARGE,
    AA_TEXT,
    blend,
    contrast_ratio,
    muted_text,
    readable_palette,
)
from gwa_desktop.ui.pages.calendar_page import DIM_OPACITY

UI = Path(__file__).resolve().parents[2] / "gwa_desktop" / "ui"
Role = QPalette.ColorRole

#: (where, foreground, background, minimum); a role name means the palette's colour.
PAIRS = [
    ("navigation", "white", "#28465f", AA_TEXT),
    ("navigation, selected screen", "white", "#3d6a8f", AA_TEXT),
    ("navigation, focus frame", "#ffd166", "#28465f", AA_LARGE),
    ("tour text", "WindowText", "#fffbe6", AA_TEXT),
    ("tour frame", "#28465f", "#fffbe6", AA_LARGE),
    ("district export warning", "WindowText", "#fff4e5", AA_TEXT),
    ("error text", "#b00020", "Window", AA_TEXT),
    ("error text in a form", "#b00020", "Base", AA_TEXT),
    ("invalid date frame", "#b00020", "Base", AA_LARGE),
    ("print hints", "#9a3412", "Window", AA_TEXT),
    ("empty list hint", "#555", "Window", AA_TEXT),
    ("translation complete", "Text", "#d8f0d8", AA_TEXT),
    ("translation without description", "Text", "#fdf1c7", AA_TEXT),
    ("translation missing", "Text", "#f8d7d7", AA_TEXT),
    ("selected row", "HighlightedText", "Highlight", AA_TEXT),
    ("list row", "Text", "Base", AA_TEXT),
    ("alternate list row", "Text", "AlternateBase", AA_TEXT),
    ("link, today in the calendar", "Link", "Base", AA_TEXT),
    ("tooltip", "ToolTipText", "ToolTipBase", AA_TEXT),
    *(
        (f"completeness cell {value}", "#1a1a1a", value, AA_TEXT)
        for value in ("#dcefdc", "#f7ebc6", "#f6d3d3", "#e9edf3", "#f5f5f5")
    ),
    *(
        (f"dashboard chart bar {value}", value, "Window", AA_LARGE)
        for value in ("#1f4e79", "#b36b00", "#4f8a3b", "#8e44ad", "#c0392b", "#5a6470", "#2e86c1")
    ),
]
#: Colours that carry no text and mark nothing a user must find.
DECORATION = {
    "#e0a040": "frame around the export warning, whose text says it all",
    "#bbb": "thin frame around the logo preview",
    "#6b7280": "grey backdrop behind the print preview's page images",
    "#c5cdd6": "grid lines behind the dashboard chart's bars, which carry their own colours",
}


@pytest.fixture
def palette(qapp) -> QPalette:
    return readable_palette(QApplication.palette())


def colour(value: str, palette: QPalette) -> QColor:
    return palette.color(getattr(Role, value)) if hasattr(Role, value) else QColor(value)


@pytest.mark.parametrize(("where", "foreground", "background", "minimum"), PAIRS)
def test_text_and_frames_reach_wcag_aa(palette, where, foreground, background, minimum):
    ratio = contrast_ratio(colour(foreground, palette), colour(background, palette))
    assert ratio >= minimum, f"{where}: {ratio:.2f}:1"


def test_the_quieter_texts_still_read_at_aa(palette):
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    assert contrast_ratio(muted_text(palette), base) >= AA_TEXT  # refused backups
    assert contrast_ratio(blend(text, base, DIM_OPACITY), base) >= AA_TEXT  # other months
    # What they replaced did not: disabled grey and half opacity.
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.Text)
    assert contrast_ratio(disabled, base) < AA_TEXT
    assert contrast_ratio(blend(text, base, 0.5), base) < AA_TEXT


def test_the_readable_palette_darkens_only_a_weak_selection(qapp):
    weak = QPalette(QApplication.palette())
    weak.setColor(Role.Highlight, QColor("#308cc6"))
    weak.setColor(Role.HighlightedText, QColor("white"))
    assert contrast_ratio(QColor("white"), QColor("#308cc6")) < AA_TEXT
    fixed = readable_palette(weak)
    assert contrast_ratio(QColor("white"), fixed.color(Role.Highlight)) >= AA_TEXT
    strong = QPalette(weak)
    strong.setColor(Role.Highlight, QColor("#1d4f7a"))
    assert readable_palette(strong).color(Role.Highlight) == QColor("#1d4f7a")


def test_contrast_ratio_matches_the_wcag_examples():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


def test_every_colour_is_checked():
    """A colour written anywhere in the UI code is in a pair above or is decoration."""
    checked = {value.lower() for pair in PAIRS for value in pair[1:3] if value.startswith("#")}
    checked |= set(DECORATION)
    found = {
        (path.relative_to(UI).as_posix(), match.lower())
        for path in UI.rglob("*.py")
        for match in re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", path.read_text("utf-8"))
    }
    assert sorted(f"{where}: {value}" for where, value in found if value not in checked) == []
