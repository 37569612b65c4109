"""The start page: the coming dates with cancelled ones struck through, and the dates
without a headcount one Enter from recording them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.domain.schedule import DateChange
from tests.ui.conftest import drive_dialog, weekly_offer


def _weekly_offer(services) -> int:
    return weekly_offer(services, "Elterncafé", 21, time(15), time(17))


def _texts(tree) -> list[tuple[str, bool]]:
    """Each line of the dates list as shown, and whether its title is struck through."""
    model = tree.model()
    rows = []
    for row in range(model.rowCount()):
        cells = [model.index(row, column) for column in range(4)]
        font = cells[1].data(Qt.ItemDataRole.FontRole)
        rows.append(
            (" | ".join(cell.data() or "" for cell in cells), bool(font and font.strikeOut()))
        )
    return rows


def test_the_window_opens_on_this_week_with_a_cancelled_date_struck_through(qtbot, services):
    from gwa_desktop.ui.main_window import MainWindow

    offer_id = _weekly_offer(services)
    coming = services.offers.get(offer_id).schedule.next_dates(date.today(), 1)[0]
    offer = services.offers.get(offer_id)
    services.offers.update(
        replace(offer, date_changes=[DateChange(coming, "Elternabend in der Kita")])
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() is window.week_page
    rows = _texts(window.week_page.dates)
    cancelled = [text for text, struck in rows if struck]
    assert len(cancelled) == 1 and "Elterncafé" in cancelled[0]
    assert "fällt aus: Elternabend in der Kita" in cancelled[0]
    assert window.week_page.missing_label.text() == "3 Termine ohne Teilnehmerzahl"


def test_a_date_without_a_headcount_is_recorded_from_the_start_page(qtbot, window):
    offer_id = _weekly_offer(window.services)
    page = window.week_page
    page.refresh()
    window.show_page(0)
    first = page.missing.model().index(0, 0)
    wanted_day = first.data(Qt.ItemDataRole.UserRole)[1]
    page.missing.setFocus()
    page.missing.setCurrentIndex(first)

    def count(dialog):
        assert dialog.occurred_on.to_date() == wanted_day
        assert dialog.title.text() == "Elterncafé"
        assert dialog.times.values() == (time(15), time(17))
        qtbot.keyClicks(dialog.total, "7")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    drive_dialog(lambda: qtbot.keyClick(page.missing, Qt.Key.Key_Return), count)
    assert page.missing_label.text() == "2 Termine ohne Teilnehmerzahl"
    (row,) = window.services.activities.list_rows(window.activities_page.model.query)
    saved = window.services.activities.get(row[0])
    assert (saved.offer_id, saved.occurred_on, saved.participants_total) == (
        offer_id,
        wanted_day,
        7,
    )


def test_the_columns_fit_their_texts_as_qt_would_and_the_missing_list_is_not_editable(
    qtbot, window
):
    services = window.services
    offer_id = _weekly_offer(services)
    offer = services.offers.get(offer_id)
    coming = offer.schedule.next_dates(date.today(), 2)
    services.offers.update(
        replace(
            offer,
            date_changes=[DateChange(coming[0], "Elternabend in der Kita mit langer Begründung")],
        )
    )
    page = window.week_page
    page.refresh()
    fitted = [page.dates.columnWidth(column) for column in range(4)]
    # The widths worked out from the font metrics are those Qt measures cell by cell.
    for column in range(4):
        page.dates.resizeColumnToContents(column)
    assert fitted == [page.dates.columnWidth(column) for column in range(4)]
    assert fitted[3] > page.dates.header().sectionSizeHint(3)
    # A day heading spans the columns and is bold; the list of past dates is only read.
    assert page.dates.isFirstColumnSpanned(0, page.dates.rootIndex())
    assert page.dates.model().index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    first = page.missing.model().index(0, 0)
    assert not first.flags() & Qt.ItemFlag.ItemIsEditable
