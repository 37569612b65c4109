"""The three print dialogs: offer flyer, notice-board overview, consent form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from gwa_desktop.domain.enums import OfferCategory, TargetGroup
from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.output.pdf.document import PrintResult
from gwa_desktop.output.pdf.flyer import MAX_LANGUAGES, FlyerOptions
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.services.printing import OverviewSelection, PrintingService
from gwa_desktop.services.public_contacts import PrintChoice
from gwa_desktop.ui.dialogs.print_dialog import PrintDialog, language_combo
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.widgets import enum_combo


def _choice(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


class FlyerPrintDialog(PrintDialog):
    """Flyer for one offer: 1–4 languages, paper, layout, tear-off strips, plain language."""

    def __init__(
        self, printing: PrintingService, offer_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Print flyer"), parent)
        self.printing, self.offer_id = printing, offer_id
        self.offer = printing.offers.get(offer_id)
        others = [t.language for t in self.offer.texts if t.language != REQUIRED_TEXT_LANGUAGE]
        self.language_boxes = [language_combo(REQUIRED_TEXT_LANGUAGE, optional=False)]
        self.language_boxes += [
            language_combo(others[i] if i < len(others) else None, optional=True)
            for i in range(MAX_LANGUAGES - 1)
        ]
        for number, combo in enumerate(self.language_boxes, start=1):
            self.form.addRow(_("Language {n}").format(n=number), combo)
        self.paper = _choice([("A4", "A4"), ("A5", "A5")])
        self.layout_choice = _choice(
            [(_("Side by side"), "side_by_side"), (_("One below the other"), "stacked")]
        )
        self.strips = QCheckBox(_("Tear-off strips with the phone number"))
        self.form.addRow(_("Paper"), self.paper)
        self.form.addRow(_("Layout"), self.layout_choice)
        self.form.addRow("", self.strips)
        self.plain_language = QCheckBox(_("Plain language (large type, short sentences)"))
        self.plain_language.setToolTip(
            _("For readers with little German or poor eyesight: one fact per line, in large type.")
        )
        self.form.addRow("", self.plain_language)
        self._add_contact_choice()
        self.watch(
            *self.language_boxes,
            self.paper,
            self.layout_choice,
            self.strips,
            self.plain_language,
            self.printed_contact,
            self.printed_number,
        )

    def _add_contact_choice(self) -> None:
        """Who and which number this offer's prints show, kept for the offer; a person
        without consent to be named publicly is listed but cannot be chosen."""
        public = self.printing.public_contacts
        chosen = public.choice(self.offer_id)
        self.printed_contact = QComboBox()
        self.printed_contact.addItem(_("Automatically (the first who may be named)"), None)
        items = self.printed_contact.model()
        for candidate in public.candidates(self.offer_id):
            label = candidate.name
            if not candidate.may_be_named:
                label = _("{name} (no consent to be named publicly)").format(name=candidate.name)
            self.printed_contact.addItem(label, candidate.id)
            item = items.item(self.printed_contact.count() - 1)  # type: ignore[attr-defined]
            item.setEnabled(candidate.may_be_named)
        self.printed_contact.setCurrentIndex(
            max(self.printed_contact.findData(chosen.contact_id), 0)
        )
        self.printed_number = enum_combo(PrintedNumber)
        self.printed_number.setCurrentIndex(
            max(self.printed_number.findData(chosen.number.value), 0)
        )
        self.form.addRow(_("Contact on the print"), self.printed_contact)
        self.form.addRow(_("Number on the print"), self.printed_number)
        self.printed_contact.currentIndexChanged.connect(self._keep_contact_choice)
        self.printed_number.currentIndexChanged.connect(self._keep_contact_choice)

    def _keep_contact_choice(self) -> None:
        choice = PrintChoice(self.printed_contact.currentData(), self.printed_number.currentData())
        attempt(self, lambda: self.printing.public_contacts.choose(self.offer_id, choice))

    def hints_job(self) -> Callable[[], list[str]]:
        return lambda: self.printing.personal_data([self.offer_id])

    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.currentData() for c in self.language_boxes if c.currentData()))

    def job(self) -> Callable[[], PrintResult]:
        options = FlyerOptions(
            self.languages(),
            self.paper.currentData(),
            self.layout_choice.currentData(),
            self.strips.isChecked(),
            self.plain_language.isChecked(),
        )
        return lambda: self.printing.flyer(self.offer_id, options)

    def file_name(self) -> str:
        return f"{self.offer.title or _('Flyer')} ({'-'.join(self.languages())}).pdf"


class OverviewPrintDialog(PrintDialog):
    """Overview or weekly plan of the active offers, or of the offers selected in the list."""

    def __init__(
        self,
        printing: PrintingService,
        selected_ids: list[int],
        category: OfferCategory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Print overview"), parent)
        self.printing, self.selected_ids = printing, selected_ids
        self.only_selected = QCheckBox(
            _("Only the {n} offers selected in the list").format(n=len(selected_ids))
        )
        self.only_selected.setChecked(len(selected_ids) > 1)
        self.category = enum_combo(OfferCategory, empty=_("All categories"))
        self.category.setCurrentIndex(
            max(self.category.findData(category.value if category else None), 0)
        )
        self.target_group = enum_combo(TargetGroup, empty=_("All target groups"))
        self.languages = [language_combo("de", optional=False), language_combo(None, optional=True)]
        self.kind = _choice([(_("List"), False), (_("Weekly plan (Monday to Sunday)"), True)])
        self.group_by = _choice([(_("By category"), "category"), (_("By weekday"), "weekday")])
        self.paper = _choice([("A4", "A4"), ("A3", "A3")])
        self.orientation = _choice([(_("Portrait"), False), (_("Landscape"), True)])
        for label, widget in (
            (_("Offers"), self.only_selected),
            (_("Category"), self.category),
            (_("Target group"), self.target_group),
            (_("Language 1"), self.languages[0]),
            (_("Language 2"), self.languages[1]),
            (_("Layout"), self.kind),
            (_("Grouping"), self.group_by),
            (_("Paper"), self.paper),
            (_("Orientation"), self.orientation),
        ):
            self.form.addRow(label, widget)
        self.form.setRowVisible(self.only_selected, len(selected_ids) > 1)
        self.kind.currentIndexChanged.connect(self._weekly_plan_is_landscape)
        self.watch(
            self.only_selected,
            self.category,
            self.target_group,
            *self.languages,
            self.kind,
            self.group_by,
            self.paper,
            self.orientation,
        )

    def _weekly_plan_is_landscape(self) -> None:
        """Seven columns need the width; portrait stays possible but is not the default."""
        if self.kind.currentData():
            self.orientation.setCurrentIndex(1)
        self.group_by.setEnabled(not self.kind.currentData())

    def selection(self) -> OverviewSelection:
        ids = tuple(self.selected_ids) if self.only_selected.isChecked() else None
        return OverviewSelection(ids, self.category.currentData(), self.target_group.currentData())

    def chosen_languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.currentData() for c in self.languages if c.currentData()))

    def job(self) -> Callable[[], PrintResult]:
        options = OverviewOptions(
            self.chosen_languages(),
            self.paper.currentData(),
            self.orientation.currentData(),
            self.group_by.currentData(),
        )
        selection, weekly_plan = self.selection(), self.kind.currentData()
        return lambda: self.printing.overview(selection, options, weekly_plan=weekly_plan)

    def hints_job(self) -> Callable[[], list[str]]:
        selection, languages = self.selection(), list(self.chosen_languages())
        return lambda: self._missing_text_hints(selection, languages)

    def _missing_text_hints(self, selection: OverviewSelection, languages: list[str]) -> list[str]:
        ids = [offer.id for offer in self.printing.selected_offers(selection)]
        missing = self.printing.missing_translations(ids, languages)
        hints = self.printing.personal_data(ids)
        if missing:
            hints.append(
                ngettext(
                    "{n} offer has no text in a chosen language; its German text is printed instead.",
                    "{n} offers have no text in a chosen language; their German text is printed instead.",
                    len(missing),
                ).format(n=len(missing))
            )
        return hints

    def file_name(self) -> str:
        return (
            _("Offers overview") + ".pdf"
            if not self.kind.currentData()
            else _("Weekly plan") + ".pdf"
        )


class ConsentPrintDialog(PrintDialog):
    """The consent form, German beside a second language."""

    def __init__(self, printing: PrintingService, parent: QWidget | None = None) -> None:
        super().__init__(_("Print consent form"), parent)
        self.printing = printing
        self.language = language_combo("ar", optional=False)
        self.form.addRow(_("Second language"), self.language)
        self.watch(self.language)

    def job(self) -> Callable[[], PrintResult]:
        language = self.language.currentData()
        return lambda: self.printing.consent_form(language)

    def file_name(self) -> str:
        code = self.language.currentData()
        return _("Consent form") + f" ({language_name(code, ui_language())}).pdf"
