"""The first-run tour: once per computer, skippable, replayable from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gwa_desktop.preferences import tour_seen
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.tour import STEPS, Tour, show_tour_once


def _tours(window) -> list[Tour]:
    return [tour for tour in window.findChildren(Tour) if tour.isVisible()]


def test_the_window_alone_shows_no_tour(window):
    assert _tours(window) == []
    assert not tour_seen()


def test_the_tour_shows_once_and_walks_its_steps(window, qtbot):
    tour = show_tour_once(window)
    assert tour is not None and _tours(window) == [tour]
    assert tour_seen()
    assert tour.title_label.text() == "Navigation"
    assert tour.step_label.text() == f"Schritt 1 von {len(STEPS)}"
    qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    # The second step is about the start page, and shows it.
    assert tour.title_label.text() == "Diese Woche"
    assert window.current_page() is window.week_page
    for _step in range(len(STEPS) - 2):
        qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert tour.next_button.text() == "Fertig"
    qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert _tours(window) == []
    # A second start shows it no more.
    assert show_tour_once(window) is None


def test_the_tour_can_be_skipped_and_replayed(window, qtbot):
    tour = show_tour_once(window)
    qtbot.mouseClick(tour.skip_button, Qt.MouseButton.LeftButton)
    assert _tours(window) == []
    window.tour_action.trigger()
    (replayed,) = _tours(window)
    assert replayed.step == 0
    # The panel lies inside the window, beside the navigation it is about.
    assert window.rect().contains(replayed.geometry())
    assert replayed.x() >= window.navigation.width()
    qtbot.keyClick(replayed.next_button, Qt.Key.Key_Escape)
    assert _tours(window) == []


def test_in_arabic_the_panel_points_leftwards_from_the_navigation(window, qtbot):
    apply_language("ar")
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(10)
    tour = show_tour_once(window)
    navigation_left = window.navigation.mapTo(window, window.navigation.rect().topLeft()).x()
    assert tour.geometry().right() < navigation_left
    assert window.rect().contains(tour.geometry())
