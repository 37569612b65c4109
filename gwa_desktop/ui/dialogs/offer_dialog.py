"""Create or edit an offer: texts per language, schedule, place, cost, people."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, Recurrence, TargetGroup
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.ui.dialogs.form import FormDialog
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
        self.texts = self.add_row(_("Texts"), OfferTextsEdit(), "title")
        self._errors["texts"] = self._errors["title"]
        self.category = self.add_row(_("Category"), enum_combo(OfferCategory))
        self.status = self.add_row(_("Status"), enum_combo(OfferStatus))
        select_data(self.status, OfferStatus.ACTIVE)
        self.target_groups = self.add_row(
            _("Target groups"), CheckList(TargetGroup), "target_groups"
        )
        self.languages = self.add_row(_("Languages spoken there"), LanguageCodesEdit(), "languages")
        self.recurrence = self.add_row(_("Takes place"), enum_combo(Recurrence))
        select_data(self.recurrence, Recurrence.WEEKLY)
        self.start_date = self.add_row(_("First date"), DateEdit(), "start_date")
        self.end_date = self.add_row(_("Last date"), OptionalDateEdit(_("until")), "end_date")
        self.times = self.add_row(_("Time"), TimeRangeEdit(), "end_time")
        self.next_dates = QLabel()
        self.form.addRow("", self.next_dates)
        self.place_name = self.add_row(_("Place"), QLineEdit())
        self.place_name.setPlaceholderText(_("e.g. Community centre, small hall"))
        self.place_is_private = self.add_row(
            "", QCheckBox(_("Private place (a home): not passed on to the district"))
        )
        self.street = self.add_row(_("Street"), QLineEdit())
        self.postal_code = QLineEdit()
        self.postal_code.setMaximumWidth(80)
        self.city = QLineEdit()
        self.add_row(_("Postal code, town"), hbox(self.postal_code, self.city), "postal_code")
        self.free = QCheckBox(_("free of charge"))
        self.free.setChecked(True)
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 10000)
        self.cost.setSuffix(" €")
        self.cost.setEnabled(False)
        self.free.toggled.connect(lambda free: self.cost.setEnabled(not free))
        self.cost_note = QLineEdit()
        self.cost_note.setPlaceholderText(
            _("e.g. per month, reduced for holders of the family pass")
        )
        self.add_row(_("Cost"), hbox(self.free, self.cost, self.cost_note), "cost_cents")
        self.registration = QCheckBox(_("registration needed"))
        self.registration_note = QLineEdit()
        self.registration_note.setPlaceholderText(_("how and until when"))
        self.add_row(_("Registration"), hbox(self.registration, self.registration_note))
        self.web_url = self.add_row(_("Web address"), QLineEdit(), "web_url")
        self.web_url.setPlaceholderText("https://")
        self.provider = self.add_row(_("Provider"), narrow_combo(QComboBox()), "provider_id")
        self.provider.addItem(_("— none —"), None)
        for org_id, name in contacts.organisations():
            self.provider.addItem(name, org_id)
        self.contact_persons = self.add_row(
            _("Contact persons"), RecordPicker(contacts.choices()), "contact_person_ids"
        )
        for signal in (
            self.recurrence.currentIndexChanged,
            self.start_date.dateChanged,
            self.end_date.edit.dateChanged,
            self.end_date.enabled.toggled,
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
            category=self.category.currentData(),
            status=self.status.currentData(),
            target_groups=self.target_groups.checked(),
            languages=self.languages.values(),
            recurrence=self.recurrence.currentData(),
            start_date=self.start_date.to_date(),
            end_date=self.end_date.value(),
            start_time=start_time,
            end_time=end_time,
            place_name=self.place_name.text(),
            place_is_private=self.place_is_private.isChecked(),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            cost_cents=None if self.free.isChecked() else round(self.cost.value() * 100),
            cost_note=self.cost_note.text(),
            registration_required=self.registration.isChecked(),
            registration_note=self.registration_note.text(),
            web_url=self.web_url.text(),
            provider_id=self.provider.currentData(),
            contact_person_ids=self.contact_persons.ids(),
            version=self.version,
        )

    def save(self) -> int:
        return self.save_record(self.service, self.offer_id)

    def load_saved(self) -> None:
        self._load(self.service.get(self.offer_id))

    def _load(self, data: OfferData) -> None:
        self.version = data.version
        self.texts.set_texts(data.texts)
        select_data(self.category, data.category)
        select_data(self.status, data.status)
        self.target_groups.set_checked(data.target_groups)
        self.languages.set_values(data.languages)
        select_data(self.recurrence, data.recurrence)
        self.start_date.set_date(data.start_date)
        self.end_date.set_value(data.end_date)
        self.times.set_values(data.start_time, data.end_time)
        self.place_name.setText(data.place_name)
        self.place_is_private.setChecked(data.place_is_private)
        self.street.setText(data.street)
        self.postal_code.setText(data.postal_code)
        self.city.setText(data.city)
        self.free.setChecked(not data.cost_cents)
        self.cost.setValue((data.cost_cents or 0) / 100)
        self.cost_note.setText(data.cost_note)
        self.registration.setChecked(data.registration_required)
        self.registration_note.setText(data.registration_note)
        self.web_url.setText(data.web_url)
        select_data(self.provider, data.provider_id)
        self.contact_persons.set_ids(data.contact_person_ids)

    def _show_next_dates(self) -> None:
        schedule = self.data().schedule
        dates = schedule.next_dates(date.today(), 3)
        self.next_dates.setText(
            _("Next dates: {dates}").format(dates=", ".join(format_date(d) for d in dates))
            if dates
            else ""
        )
