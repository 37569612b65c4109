"""The preview step of the district export: every distinct text that will leave the laptop."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.district_preview import OutgoingText

BLANKED_COLOUR = "#fdf1c7"


class OutgoingTextsView(QWidget):
    """The texts of the package for one period; `period` says which one is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period: Period | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Field"), _("Text as it leaves"), _("Records"), _("Blanked out")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_texts(self, period: Period, texts: list[OutgoingText]) -> None:
        self.period = period
        blanked = sum(1 for text in texts if text.blanked)
        self.summary.setText(
            ngettext(
                "{n} distinct text will leave with the package.",
                "{n} distinct texts will leave with the package.",
                len(texts),
            ).format(n=len(texts))
            + " "
            + ngettext(
                "In {n} of them personal data was found and replaced by “[entfernt]”.",
                "In {n} of them personal data was found and replaced by “[entfernt]”.",
                blanked,
            ).format(n=blanked)
            + " "
            + _("Check them, then write the package; to change a text, edit the offer.")
        )
        self.table.setRowCount(len(texts))
        for row, text in enumerate(texts):
            cells = (text.field, text.text, str(text.count), ", ".join(text.blanked))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if text.blanked:
                    item.setBackground(QBrush(QColor(BLANKED_COLOUR)))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.show()

    def clear(self) -> None:
        self.period = None
        self.table.setRowCount(0)
        self.hide()
