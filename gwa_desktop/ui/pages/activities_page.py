"""The activities screen: what happened, filterable by period and kind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date, format_number
from gwa_desktop.services.activities import ACTIVITY_COLUMNS, ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.periods import PERIODS
from gwa_desktop.ui.changes import ACTIVITIES, OFFERS
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.pages.list_page import ListPage
from gwa_desktop.ui.table_model import Column, label_of
from gwa_desktop.ui.widgets import enum_combo

COLUMNS = (
    Column("occurred_on", lambda: _("Date"), lambda value, _row: format_date(value)),
    Column("kind", lambda: _("Kind"), label_of),
    Column("title", lambda: _("Title")),
    Column("offer", lambda: _("Offer")),
    Column("participants_total", lambda: _("Participants"), align_right=True),
    Column(
        "volunteer_hours",
        lambda: _("Volunteer hours"),
        lambda value, _row: format_number(value or 0),
        align_right=True,
    ),
)


class ActivitiesPage(ListPage):
    help_anchor = "activities"  #: the handbook section F1 opens on this screen
    entity = "activities"
    default_sort_order = Qt.SortOrder.DescendingOrder
    changes = frozenset({ACTIVITIES})
    shows = frozenset({ACTIVITIES, OFFERS})

    def __init__(
        self,
        service: ActivityService,
        offers: OfferService,
        contacts: ContactService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, COLUMNS, ACTIVITY_COLUMNS, parent)
        self.offers = offers
        self.contacts = contacts
        period = QComboBox()
        period.setAccessibleName(_("Period"))
        for key, label in PERIODS:
            period.addItem(_(label), key)
        self.period_filter = self.add_filter(period)
        self.kind_filter = self.add_filter(enum_combo(ActivityKind, empty=_("All kinds")))

    def filters(self) -> dict:
        period = self.period_filter.currentData()
        return {
            "period": None if period == "all" else period,
            "kind": self.kind_filter.currentData(),
        }

    def open_dialog(self, record_id: int | None) -> QDialog:
        return ActivityDialog(self.service, self.offers, self.contacts, record_id, self)

    def delete_question(self, count: int) -> str:
        return ngettext(
            "Delete {n} activity for good?", "Delete {n} activities for good?", count
        ).format(n=count)

    def summary_of(self, query: ListQuery) -> str:
        activities, participants, hours = self.service.totals(query)
        return ngettext(
            "{n} activity, {participants} participants, {hours} volunteer hours",
            "{n} activities, {participants} participants, {hours} volunteer hours",
            activities,
        ).format(
            n=format_number(activities),
            participants=format_number(participants),
            hours=format_number(hours),
        )
