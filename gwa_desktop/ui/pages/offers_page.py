"""The offers screen: what exists in the village, filterable by category and status."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QMenu, QPushButton, QWidget

from gwa_desktop.domain.enums import OfferCategory, OfferStatus
from gwa_desktop.domain.schedule_text import describe_schedule
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OFFER_COLUMNS, OfferService, listed_schedule
from gwa_desktop.ui.changes import OFFERS
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.pages.list_page import ListPage
from gwa_desktop.ui.table_model import Column, label_of, names_of_languages
from gwa_desktop.ui.widgets import enum_combo

_EXTRA = len(OFFER_COLUMNS) + 1  # where offers.listed_schedule finds its parts


def _schedule(start_date, row: tuple) -> str:
    return _schedule_text(start_date, tuple(row[_EXTRA : _EXTRA + 5]), ui_language())


@lru_cache(maxsize=4096)
def _schedule_text(start_date, parts: tuple, language: str) -> str:
    """The schedule in words, worked out once per schedule and language.

    Qt asks for a cell's text at every paint (and once more for its tooltip); formatting
    the dates and times through Babel each time made scrolling the offers list slow.
    """
    return describe_schedule(listed_schedule(start_date, parts), language)


COLUMNS = (
    Column("title", lambda: _("Title")),
    Column("category", lambda: _("Category"), label_of),
    Column("status", lambda: _("Status"), label_of),
    Column("schedule", lambda: _("When"), _schedule),
    Column("place", lambda: _("Place")),
    Column("languages", lambda: _("Languages spoken"), names_of_languages),
    Column("text_languages", lambda: _("Texts in"), names_of_languages),
)


class OffersPage(ListPage):
    help_anchor = "offers"  #: the handbook section F1 opens on this screen
    entity = "offers"
    #: The main window opens the print dialogs (it knows the services).
    print_flyer_requested = Signal()
    changes = frozenset({OFFERS})
    shows = frozenset({OFFERS})
    print_overview_requested = Signal()
    #: "Termin erfassen": the main window opens the activity form for the chosen offer.
    record_session_requested = Signal(int)
    hidden_by_default = frozenset({"text_languages"})

    def __init__(
        self, service: OfferService, contacts: ContactService, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, COLUMNS, OFFER_COLUMNS, parent)
        self.contacts = contacts
        self.category_filter: QComboBox = self.add_filter(
            enum_combo(OfferCategory, empty=_("All categories"))
        )
        self.status_filter: QComboBox = self.add_filter(
            enum_combo(OfferStatus, empty=_("All states"))
        )
        self.record_button = QPushButton(_("Record session…"))
        self.record_button.setToolTip(
            _(
                "Record the headcount of the chosen offer's last date, with the offer's details filled in"
            )
        )
        self.record_button.clicked.connect(self._record_session)
        self.filter_bar.addWidget(self.record_button)
        self.print_button = QPushButton(_("Print flyer…"))
        self.overview_button = QPushButton(_("Overview…"))
        self.print_button.clicked.connect(lambda: self.print_flyer_requested.emit())
        self.overview_button.clicked.connect(lambda: self.print_overview_requested.emit())
        self.filter_bar.addWidget(self.print_button)
        self.filter_bar.addWidget(self.overview_button)

    def add_row_actions(self, menu: QMenu, row: int) -> None:
        record_id = self.model.row_id(row)
        menu.addAction(_("Record session…"), lambda: self.record_session_requested.emit(record_id))
        menu.addAction(_("Print flyer…"), self.print_flyer_requested.emit)

    def _record_session(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.record_session_requested.emit(ids[0])

    def filters(self) -> dict:
        return {
            "category": self.category_filter.currentData(),
            "status": self.status_filter.currentData(),
        }

    def open_dialog(self, record_id: int | None) -> QDialog:
        return OfferDialog(self.service, self.contacts, record_id, self)

    def delete_question(self, count: int) -> str:
        return ngettext(
            "Delete {n} offer for good? Activities logged for it are kept without the link.",
            "Delete {n} offers for good? Activities logged for them are kept without the link.",
            count,
        ).format(n=count)

    def summary_of(self, query: ListQuery) -> str:
        shown = self.service.count(query)
        total = self.service.count()
        return ngettext("{shown} of {total} offer", "{shown} of {total} offers", total).format(
            shown=shown, total=total
        )
