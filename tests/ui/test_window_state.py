"""The window state is kept in the one per-machine file; a damaged entry never stops the start."""

from __future__ import annotations

import json

import pytest

from gwa_desktop.preferences import (
    WindowState,
    preferences_path,
    store_language,
    store_window_state,
    stored_window_state,
)
from gwa_desktop.ui.main_window import MainWindow


def test_window_state_lives_in_the_one_preferences_file(qtbot, services):
    """Re-opening is covered by test_main_window; here: where it is kept."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_page(window.pages.index(window.activities_page))
    window.save_window_state()
    store_language("de")  # other preferences in the same file stay
    stored = json.loads(preferences_path().read_text(encoding="utf-8"))
    assert stored["language"] == "de" and stored["window"]["screen"] == "activities"
    assert sorted(p.name for p in preferences_path().parent.glob("*.ini")) == [], (
        "one store for this computer"
    )


@pytest.mark.parametrize(
    "window",
    [
        {"geometry": "not base64!", "state": 17, "page": "abc"},
        {"geometry": None, "page": -3},
        {"page": 99},
        {"screen": "no such screen"},
        {"screen": 2},
        "a string instead of an object",
    ],
)
def test_a_damaged_window_entry_starts_on_the_first_page(qtbot, services, window):
    preferences_path().write_text(
        json.dumps({"language": "de", "window": window}), encoding="utf-8"
    )
    main_window = MainWindow(services)
    qtbot.addWidget(main_window)
    assert main_window.stack.currentIndex() == 0
    assert main_window.width() > 0


def test_window_state_round_trips_binary_bytes():
    state = WindowState(bytes(range(256)), b"\x00\xff", "offers")
    store_window_state(state)
    assert stored_window_state() == state


def test_a_page_stored_by_number_before_the_start_page_opens_the_same_screen(qtbot, services):
    """Versions before "Diese Woche" stored the screen's number: 1 was the offers."""
    preferences_path().write_text(
        json.dumps({"language": "de", "window": {"page": 1}}), encoding="utf-8"
    )
    main_window = MainWindow(services)
    qtbot.addWidget(main_window)
    assert main_window.current_page() is main_window.offers_page
