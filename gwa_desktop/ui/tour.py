"""A short first-run tour: five steps that point at the parts of the main window.

It is a panel inside the main window, not a modal dialog: it blocks nothing (the start,
the tests, the start-up benchmark), and the officer can skip it with one click or Esc.
It is shown once on a computer (the preference `tour_seen`) by the program's start,
not by the window, so a window built by tests or a language switch never shows it;
Help → Tour shows it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import N_, _
from gwa_desktop.paths import DataFolderError
from gwa_desktop.preferences import store_tour_seen, tour_seen


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    #: The widget the step points at, and the screen to show first (or None).
    target: Callable[[QWidget], QWidget]
    screen: str | None = None


STEPS = (
    Step(
        N_("Navigation"),
        N_(
            "On the left you switch between the screens. Ctrl+0 to Ctrl+4 do the same, "
            "F1 opens the handbook at the screen you are on."
        ),
        lambda window: window.navigation,
    ),
    Step(
        N_("This week"),
        N_(
            "The start page shows the coming dates and the dates still waiting for their headcount."
        ),
        lambda window: window.week_page,
        "week",
    ),
    Step(
        N_("The lists"),
        N_(
            "Contacts, offers and activities are lists: search with Ctrl+F, add with Ctrl+N, "
            "edit with F2 or a double-click."
        ),
        lambda window: window.contacts_page,
        "contacts",
    ),
    Step(
        N_("Printing"),
        N_(
            "The File menu prints flyers for one offer, overviews for the notice board and consent forms."
        ),
        lambda window: window.menuBar(),
    ),
    Step(
        N_("Exchange with the district"),
        N_(
            "File → Export for the district writes your anonymous figures to a USB stick. "
            "File → Back up now keeps a copy of all data."
        ),
        lambda window: window.menuBar(),
    ),
)


class Tour(QFrame):
    """The tour's panel, placed beside the part of the window a step is about."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("tour")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "QFrame#tour { background: #fffbe6; border: 2px solid #28465f; border-radius: 6px; }"
        )
        self.setAccessibleName(_("Tour of the program"))
        self.step_label = QLabel()
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.skip_button = QPushButton(_("Skip tour"))
        self.next_button = QPushButton(_("Next"))
        self.skip_button.clicked.connect(self.finish)
        self.next_button.clicked.connect(self.next_step)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.finish)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.step_label)
        layout.addLayout(buttons)
        # Room for the longest button text of the four UI languages without clipping.
        self.setFixedWidth(max(380, self.sizeHint().width()))
        self.step = -1
        self.next_step()

    def next_step(self) -> None:
        if self.step + 1 >= len(STEPS):
            self.finish()
            return
        self.step += 1
        step = STEPS[self.step]
        if step.screen is not None:
            self.window_.show_screen(step.screen)  # type: ignore[attr-defined]
        self.title_label.setText(_(step.title))
        self.text_label.setText(_(step.text))
        self.step_label.setText(_("Step {n} of {count}").format(n=self.step + 1, count=len(STEPS)))
        last = self.step == len(STEPS) - 1
        self.next_button.setText(_("Done") if last else _("Next"))
        self.adjustSize()
        self._place(step.target(self.window_))
        self.show()
        self.raise_()
        self.next_button.setFocus()

    def _place(self, target: QWidget) -> None:
        """Beside (right of, or left of in a right-to-left window) and below the target's
        leading top corner, inside the window."""
        corner = target.mapTo(self.window_, QPoint(0, 0))
        x = corner.x() + min(target.width(), 180) + 8
        if self.window_.isRightToLeft():  # the navigation is on the right: point leftwards
            x = corner.x() + target.width() - min(target.width(), 180) - 8 - self.width()
        y = corner.y() + (target.height() + 8 if target.height() < 60 else 40)
        x = max(0, min(x, self.window_.width() - self.width()))
        y = max(0, min(y, self.window_.height() - self.height()))
        self.move(x, y)

    def finish(self) -> None:
        self.hide()
        self.deleteLater()


def show_tour(window: QWidget) -> Tour:
    """Show the tour (again), from its first step."""
    for old in window.findChildren(Tour):
        old.finish()
    return Tour(window)


def show_tour_once(window: QWidget) -> Tour | None:
    """At the first start on this computer: the tour, remembered as seen at once (so a crash
    or a closed window does not bring it back every time)."""
    try:
        if tour_seen():
            return None
        store_tour_seen()
    except (DataFolderError, ExchangeError):
        return None
    return show_tour(window)
