"""Create or edit an offer: texts per language, schedule, place, cost, people."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, Recurrence, TargetGroup
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.series_edit import EditScope, SeriesEditService, scope_matters
from gwa_desktop.ui.dialogs.form import FormDialog
from gwa_desktop.ui.dialogs.offer_dates import SessionDates, WeekdayPicker
from gwa_desktop.ui.dialogs.offer_texts import OfferTextsEdit
from gwa_desktop.ui.widgets import (
    CheckList,
    DateEdit,
    LanguageCodesEdit,
    OptionalDateEdit,
    RecordPicker,
    TimeRangeEdit,
    enum_combo,
    fit_to_screen,
    hbox,
    narrow_combo,
    select_data,
)


class OfferDialog(FormDialog):
    help_anchor = "offer-form"  #: the handbook section F1 opens in this dialog

    def __init__(
        self,
        service: OfferService,
        contacts: ContactService,
        offer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("New offer") if offer_id is None else _("Edit offer"), parent)
        self.service = service
        self.offer_id = offer_id
        #: The offer as last loaded: a series edit compares against it.
        self._stored: OfferData | None = None
        #: Which dates the next save means, and around which date (see `ready_to_save`).
        self.scope = EditScope.ALL
        self.scope_day: date | None = None
        self.texts = self.add_row(_("Texts"), OfferTextsEdit(), "title")
        self._errors["texts"] = self._errors["title"]
        self.category = self.add_row(
            _("Category"), self.bind("category", enum_combo(OfferCategory))
        )
        self.status = self.add_row(_("Status"), self.bind("status", enum_combo(OfferStatus)))
        select_data(self.status, OfferStatus.ACTIVE)
        self.target_groups = self.add_row(
            _("Target groups"), self.bind("target_groups", CheckList(TargetGroup)), "target_groups"
        )
        self.languages = self.add_row(
            _("Languages spoken there"), self.bind("languages", LanguageCodesEdit()), "languages"
        )
        self.recurrence = self.add_row(
            _("Takes place"), self.bind("recurrence", enum_combo(Recurrence))
        )
        select_data(self.recurrence, Recurrence.WEEKLY)
        self.start_date = self.add_row(
            _("First date"), self.bind("start_date", DateEdit()), "start_date"
        )
        self.end_date = self.add_row(
            _("Last date"), self.bind("end_date", OptionalDateEdit(_("until"))), "end_date"
        )
        self.weekdays = self.add_row(
            _("On weekdays"), self.bind("weekdays", WeekdayPicker()), "weekdays"
        )
        self._own_weekday = self.start_date.to_date().weekday()
        self.times = self.add_row(_("Time"), TimeRangeEdit(), "end_time")
        self.skips_public_holidays = self.bind(
            "skips_public_holidays", QCheckBox(_("not on public holidays"))
        )
        self.skips_school_holidays = self.bind(
            "skips_school_holidays", QCheckBox(_("not in the school holidays"))
        )
        self.add_row(_("Pauses"), hbox(self.skips_public_holidays, self.skips_school_holidays))
        self.dates = self.add_row(
            _("Coming dates"), SessionDates(self._previewed_schedule), "date_changes"
        )
        self.place_name = self.add_row(_("Place"), self.bind("place_name", QLineEdit()))
        self.place_name.setPlaceholderText(_("e.g. Community centre, small hall"))
        self.place_is_private = self.add_row(
            "",
            self.bind(
                "place_is_private",
                QCheckBox(_("Private place (a home): not passed on to the district")),
            ),
        )
        self.street = self.add_row(_("Street"), self.bind("street", QLineEdit()))
        self.postal_code = self.bind("postal_code", QLineEdit())
        self.postal_code.setMaximumWidth(80)
        self.city = self.bind("city", QLineEdit())
        self.postal_code.setAccessibleName(_("Postal code"))
        self.city.setAccessibleName(_("Town"))
        self.add_row(_("Postal code, town"), hbox(self.postal_code, self.city), "postal_code")
        self.free = QCheckBox(_("free of charge"))
        self.free.setChecked(True)
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 10000)
        self.cost.setSuffix(" €")
        self.cost.setEnabled(False)
        self.free.toggled.connect(lambda free: self.cost.setEnabled(not free))
        self.cost_note = self.bind("cost_note", QLineEdit())
        self.cost_note.setPlaceholderText(
            _("e.g. per month, reduced for holders of the family pass")
        )
        self.add_row(_("Cost"), hbox(self.free, self.cost, self.cost_note), "cost_cents")
        self.registration = self.bind("registration_required", QCheckBox(_("registration needed")))
        self.registration_note = self.bind("registration_note", QLineEdit())
        self.registration_note.setPlaceholderText(_("how and until when"))
        self.add_row(_("Registration"), hbox(self.registration, self.registration_note))
        self.web_url = self.add_row(_("Web address"), self.bind("web_url", QLineEdit()), "web_url")
        self.web_url.setPlaceholderText("https://")
        self.provider = self.add_row(
            _("Provider"), self.bind("provider_id", narrow_combo(QComboBox())), "provider_id"
        )
        self.provider.addItem(_("— none —"), None)
        for org_id, name in contacts.organisations():
            self.provider.addItem(name, org_id)
        self.contact_persons = self.add_row(
            _("Contact persons"),
            self.bind("contact_person_ids", RecordPicker(contacts.choices())),
            "contact_person_ids",
        )
        for signal in (
            self.recurrence.currentIndexChanged,
            self.start_date.dateChanged,
            self.end_date.edit.dateChanged,
            self.end_date.enabled.toggled,
            self.weekdays.changed,
            self.skips_public_holidays.toggled,
            self.skips_school_holidays.toggled,
        ):
            signal.connect(self._show_next_dates)
        if offer_id is not None:
            self._load(service.get(offer_id))
        self._show_next_dates()
        fit_to_screen(self, 640, 760)

    def data(self) -> OfferData:
        start_time, end_time = self.times.values()
        return OfferData(
            id=self.offer_id,
            texts=self.texts.texts(),
            start_time=start_time,
            end_time=end_time,
            cost_cents=None if self.free.isChecked() else round(self.cost.value() * 100),
            date_changes=list(self.dates.changes),
            version=self.version,
            **self._bound_with_own_weekday(),
        )

    def _bound_with_own_weekday(self) -> dict:
        """Only the first date's own weekday checked is the same as none: stored as none."""
        values = self.bound_values()
        if values["weekdays"] == [values["start_date"].weekday()]:
            values["weekdays"] = []
        return values

    def ready_to_save(self) -> bool:
        """A changed time, place or weekday of a running series asks which dates it means.

        The question is about the next date from today: the past ones took place as they
        did, and "only this date" for a date long gone would change nothing anyone sees.
        """
        self.scope, self.scope_day = EditScope.ALL, None
        stored = self._stored
        if stored is None or not scope_matters(stored, self.data()):
            return True
        day = stored.schedule.series_date_from(date.today())
        if day is None:
            return True
        chosen = self.ask_scope(stored, day)
        if chosen is None:
            return False
        self.scope, self.scope_day = chosen, day
        return True

    def ask_scope(self, stored: OfferData, day: date) -> EditScope | None:
        box, scopes = self.scope_box(stored, day)
        box.exec()
        return scopes.get(box.clickedButton())

    def scope_box(
        self, stored: OfferData, day: date
    ) -> tuple[QMessageBox, dict[QAbstractButton, EditScope]]:
        """The question "only this date / this and following / all"; built, not shown.

        Before the series' first date "this and following" would be all of them, so it
        is not offered twice.
        """
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Change a series"),
            _(
                "\u201c{title}\u201d takes place regularly. Which dates does the change apply to?"
            ).format(title=isolated(stored.title)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        scopes = {
            box.addButton(
                _("Only on {day}").format(day=format_date(day)), QMessageBox.ButtonRole.AcceptRole
            ): EditScope.THIS_DATE
        }
        if day > stored.start_date:
            following = box.addButton(
                _("From {day} on").format(day=format_date(day)), QMessageBox.ButtonRole.AcceptRole
            )
            scopes[following] = EditScope.FOLLOWING
            box.setDefaultButton(following)
            box.setInformativeText(
                _(
                    "From a date on, the offer is split: the sessions recorded so far stay "
                    "with the old time and place, the new one begins on that date."
                )
            )
        scopes[box.addButton(_("All dates"), QMessageBox.ButtonRole.AcceptRole)] = EditScope.ALL
        back = box.addButton(_("Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(back)
        return box, scopes

    def save(self) -> int:
        if self.offer_id is None or self.scope is EditScope.ALL or self.scope_day is None:
            return self.save_record(self.service, self.offer_id)
        return SeriesEditService(self.service).save(self.data(), self.scope_day, self.scope)

    def load_saved(self) -> None:
        self._load(self.service.get(self.offer_id))

    def _load(self, data: OfferData) -> None:
        self._stored = data
        self.fill(data)
        self.weekdays.set_value(list(data.schedule.days_of_week))
        self._own_weekday = data.start_date.weekday()
        self.dates.set_changes(data.date_changes)
        self.texts.set_texts(data.texts)
        self.times.set_values(data.start_time, data.end_time)
        self.free.setChecked(not data.cost_cents)
        self.cost.setValue((data.cost_cents or 0) / 100)

    def _show_next_dates(self, *_args: object) -> None:
        """The coming dates follow every edit of the schedule; a one-off has no weekdays."""
        self.weekdays.setEnabled(self.recurrence.currentData() is not Recurrence.ONCE)
        own = self.start_date.to_date().weekday()
        if self.weekdays.value() in ([], [self._own_weekday]):
            # Only the first date's weekday was checked: it moves along with that date.
            self.weekdays.blockSignals(True)
            self.weekdays.set_value([own])
            self.weekdays.blockSignals(False)
        self._own_weekday = own
        self.dates.show_dates()

    def _previewed_schedule(self) -> Schedule:
        """The schedule as typed, with the holidays it would pause for."""
        data = self.data()
        return replace(data, pauses=self.service.pauses_for(data)).schedule
