"""Log an activity with anonymous headcounts; breakdowns are optional."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.i18n import _
from gwa_desktop.services.activities import COUNT_FIELDS, ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.ui.dialogs.binding import set_widget_value
from gwa_desktop.ui.dialogs.form import FormDialog
from gwa_desktop.ui.widgets import (
    DateEdit,
    LanguageCodesEdit,
    OptionalIntEdit,
    RecordPicker,
    TimeRangeEdit,
    enum_combo,
    fit_to_screen,
    hbox,
    narrow_combo,
    select_data,
)


class ActivityDialog(FormDialog):
    help_anchor = "activities"  #: the handbook section F1 opens in this dialog

    def __init__(
        self,
        service: ActivityService,
        offers: OfferService,
        contacts: ContactService,
        activity_id: int | None = None,
        parent: QWidget | None = None,
        draft: ActivityData | None = None,
    ) -> None:
        """`draft` fills a new activity, e.g. one date of an offer ("Termin erfassen")."""
        super().__init__(_("New activity") if activity_id is None else _("Edit activity"), parent)
        self.service = service
        self.offers = offers
        self.activity_id = activity_id
        self.occurred_on = self.add_row(
            _("Date"), self.bind("occurred_on", DateEdit()), "occurred_on"
        )
        self.times = self.add_row(_("Time"), TimeRangeEdit(), "end_time")
        self.kind = self.add_row(_("Kind"), self.bind("kind", enum_combo(ActivityKind)))
        self.title = self.add_row(_("Title"), self.bind("title", QLineEdit()), "title")
        self.offer = self.add_row(
            _("Belongs to offer"), self.bind("offer_id", narrow_combo(QComboBox())), "offer_id"
        )
        self.offer.addItem(_("— none —"), None)
        # "Sprachcafé (Gemeindehaus, Di.)": two offers of one title are told apart.
        for offer_id, label in offers.choices():
            self.offer.addItem(label, offer_id)
        self.offer.currentIndexChanged.connect(self._offer_chosen)
        self.total = self.bind("participants_total", _count_box())
        self.like_last = QPushButton(_("Like last time"))
        self.like_last.setToolTip(
            _("Fill in the numbers of this offer's last recorded session, to correct from there")
        )
        self.like_last.clicked.connect(self._copy_last_session)
        self.add_row(_("Participants"), hbox(self.total, self.like_last), "participants_total")
        self.women, self.men, self.diverse = (OptionalIntEdit() for _i in range(3))
        self.add_row(
            _("Gender"),
            _labelled((_("women"), self.women), (_("men"), self.men), (_("diverse"), self.diverse)),
            "participants_women",
        )
        self.age_under_18, self.age_18_26, self.age_27_64, self.age_65_plus = (
            OptionalIntEdit() for _i in range(4)
        )
        self.add_row(
            _("Age bands"),
            _labelled(
                ("<18", self.age_under_18),
                ("18–26", self.age_18_26),
                ("27–64", self.age_27_64),
                ("65+", self.age_65_plus),
            ),
            "age_under_18",
        )
        self.newcomers, self.regulars = OptionalIntEdit(), OptionalIntEdit()
        for field, widget in (
            ("participants_women", self.women),
            ("participants_men", self.men),
            ("participants_diverse", self.diverse),
            ("age_under_18", self.age_under_18),
            ("age_18_26", self.age_18_26),
            ("age_27_64", self.age_27_64),
            ("age_65_plus", self.age_65_plus),
            ("newcomers", self.newcomers),
            ("regulars", self.regulars),
        ):
            self.bind(field, widget)
        self.add_row(
            _("Newcomers / regulars"),
            _labelled((_("new"), self.newcomers), (_("regular"), self.regulars)),
            "newcomers",
        )
        self.languages = self.add_row(
            _("Languages used"), self.bind("languages", LanguageCodesEdit()), "languages"
        )
        self.volunteers = self.add_row(
            _("Volunteers involved"),
            self.bind("volunteers_count", _count_box()),
            "volunteers_count",
        )
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 10000)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.add_row(
            _("Volunteer hours"), self.bind("volunteer_hours", self.hours), "volunteer_hours"
        )
        self.organisations = self.add_row(
            _("Organisations involved"),
            self.bind("organisation_ids", RecordPicker(contacts.organisations())),
        )
        self.notes = self.add_row(_("Notes"), self.bind("notes", QPlainTextEdit()), "notes")
        self.notes.setPlaceholderText(_("No names of participants here: counts only."))
        if activity_id is not None:
            self._load(service.get(activity_id))
        elif draft is not None:
            self._load(draft)
        self.offer.currentIndexChanged.connect(self._update_like_last)
        self._update_like_last()
        fit_to_screen(self, 700, 720)
        if draft is not None:
            # The date, offer and title are filled: the officer starts with the count.
            self.total.setFocus()
            self.total.selectAll()

    def data(self) -> ActivityData:
        start_time, end_time = self.times.values()
        return ActivityData(
            id=self.activity_id,
            start_time=start_time,
            end_time=end_time,
            version=self.version,
            **self.bound_values(),
        )

    def save(self) -> int:
        return self.save_record(self.service, self.activity_id)

    def load_saved(self) -> None:
        self._load(self.service.get(self.activity_id))

    def _offer_chosen(self) -> None:
        """An activity of an offer is usually one of its sessions, titled like the offer."""
        if self.offer.currentData() is not None and not self.title.text().strip():
            self.title.setText(self.offers.title_of(self.offer.currentData()))
            select_data(self.kind, ActivityKind.OFFER_SESSION)

    def _update_like_last(self, *_args: object) -> None:
        self.like_last.setEnabled(self.offer.currentData() is not None)

    def _copy_last_session(self) -> None:
        """The numbers of the offer's last session before this date: most sessions of a
        regular offer look alike, so the officer corrects instead of typing every field."""
        offer_id = self.offer.currentData()
        if offer_id is None:
            return
        last = self.service.last_session(offer_id, self.occurred_on.to_date())
        if last is None:
            QMessageBox.information(
                self,
                _("Like last time"),
                _("No earlier session of this offer is recorded yet."),
            )
            return
        for field in COPIED_FROM_LAST:
            set_widget_value(self._bound[field], getattr(last, field))

    def _load(self, data: ActivityData) -> None:
        self.fill(data)
        self.times.set_values(data.start_time, data.end_time)


#: What "Like last time" copies: the numbers, not date, title, languages or notes.
COPIED_FROM_LAST = (*COUNT_FIELDS, "volunteer_hours")


def _count_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100000)
    return box


def _labelled(*pairs: tuple[str, QWidget]) -> QWidget:
    widgets: list[QWidget] = []
    for text, widget in pairs:
        widgets.extend((QLabel(text), widget))
    return hbox(*widgets)
