"""Every screen and dialog, in each UI language, names its controls and lets Tab reach them.

Orca (AT-SPI) reads the names Qt reports; a control without one is read as "button" or
"edit" and is useless to a blind user. A control Tab cannot reach is unusable without a
mouse. The dialogs are found by scanning `gwa_desktop.ui` (see `accessibility_walk`),
so a dialog added later is walked too, as long as its constructor asks for services,
record ids or the values in `EXTRA` below.
"""

from __future__ import annotations

import inspect
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.programme import ReportTextData
from gwa_desktop.domain.schedule import Session
from gwa_desktop.i18n import UI_LANGUAGES
from gwa_desktop.services.district_municipalities import MunicipalityListService
from gwa_desktop.services.district_review import PackageEntry, list_packages
from gwa_desktop.services.offer_translation_exchange import ImportPreview, TextChange
from gwa_desktop.services.village_profile import VillageProfileService
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.main_window import MainWindow
from tests.services.district_rows import add_package
from tests.ui import test_languages
from tests.ui.accessibility_walk import (
    Unsatisfied,
    accessible_name,
    construct,
    dialog_classes,
    each_tab,
    findings,
    focus_chain,
)
from tests.ui.text_walk import clipped

#: One record of each kind (the fixture of the language tests).
seeded_records = test_languages.records
DIALOGS = {cls.__name__: cls for cls in dialog_classes()}
#: Record ids by the name of the constructor parameter that takes one.
RECORD_PARAMETERS = {
    "offer_id": "offer",
    "contact_id": "person",
    "activity_id": "activity",
}


def extra_values(services, records) -> dict[str, object]:
    """Values for constructor parameters that are neither services nor record ids."""
    return {
        "Session": Session(date(2026, 1, 13), time(18), time(20), date(2026, 1, 13)),
        "ImportPreview": ImportPreview(
            "uk",
            [TextChange(records["offer"], "Sprachcafé", "title", "", "Мовне кафе", True)],
            1,
            2,
        ),
        "list[int]": [records["offer"]],
        "ReportTextData": ReportTextData(date(2026, 1, 1), date(2026, 12, 31), None, "Sprachcafé"),
        "VillageProfileService": VillageProfileService(services.database),
        "MunicipalityListService": MunicipalityListService(services.database),
    }


def imported_package(services) -> PackageEntry:
    """A package as the district's list shows it, stored so that its review can load."""
    package_id = add_package(
        services.database,
        "Gemeinde Lindenbach",
        date(2026, 1, 1),
        date(2026, 3, 31),
        datetime(2026, 4, 2, 9),
        "Kreisbericht_Gemeinde-Lindenbach_2026-01-01_2026-03-31.zip",
    )
    (entry,) = [e for e in list_packages(services.database) if e.package_id == package_id]
    return entry


def values_for(cls, services, records, *, existing: bool):
    """A resolver for `construct`: each parameter's value by its type or name."""
    module = inspect.getmodule(cls)
    extras = extra_values(services, records)

    def value(parameter: inspect.Parameter) -> object:
        annotation = str(parameter.annotation).split("|")[0].strip()
        if parameter.name == "parent":
            return inspect.Parameter.empty
        if parameter.name == "programme_id" and not existing:
            return None  # a new programme
        if parameter.name == "keep_id":
            return records["person"]
        if parameter.name == "other_id":  # the merge dialog: a likely twin of the person
            return services.contacts.create(ContactData(name="Samira Hadad"))
        if annotation == "PackageEntry":
            return imported_package(services)
        if parameter.name in RECORD_PARAMETERS and (
            existing or parameter.default is inspect.Parameter.empty
        ):
            return records[RECORD_PARAMETERS[parameter.name]]
        if annotation == "Services":
            return services
        for attribute in vars(services).values():
            if type(attribute).__name__ == annotation:
                return attribute
        kind = getattr(module, annotation, None)
        if hasattr(kind, "from_services"):
            return kind.from_services(services)
        return extras.get(annotation, inspect.Parameter.empty)

    return value


def has_record_parameter(cls) -> bool:
    parameters = inspect.signature(cls.__init__).parameters
    return any(
        name in parameters and parameters[name].default is not inspect.Parameter.empty
        for name in RECORD_PARAMETERS
    )


VARIANTS = [
    (name, existing)
    for name, cls in DIALOGS.items()
    for existing in ((False, True) if has_record_parameter(cls) else (False,))
]


@pytest.fixture(params=UI_LANGUAGES)
def language(request, qapp) -> str:
    apply_language(request.param)
    return request.param


def walk(root: QWidget) -> list[str]:
    """Findings on every tab of `root`, and labels or buttons cut off."""
    found: list[str] = []
    for _shown in each_tab(root):
        QApplication.processEvents()
        found += [str(finding) for finding in findings(root)]
        found += [
            f"clipped: {kind} {text!r} {width} < {needed}"
            for kind, text, width, needed in clipped(root)
        ]
    return sorted(set(found))


def test_the_walk_finds_a_nameless_field_and_one_tab_skips(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel("Name")
    named = QLineEdit()
    label.setBuddy(named)
    nameless = QLineEdit()
    unreachable = QPushButton("Save")
    unreachable.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    for widget in (label, named, nameless, unreachable):
        layout.addWidget(widget)
    window.show()
    assert accessible_name(named) == "Name"
    assert sorted(map(str, findings(window))) == [
        "no accessible name: QLineEdit 'in QWidget'",
        "not reachable by Tab: QPushButton 'Save'",
    ]


def test_arrow_keys_reach_the_other_buttons_of_an_exclusive_group(qtbot):
    """Qt gives Tab only to a group's checked radio button; the others are reached with
    the arrow keys from it. A radio button on its own without Tab focus is not."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    group = QButtonGroup(window)
    chosen, other = QRadioButton("Schlüsseldatei"), QRadioButton("Passwort")
    for button in (chosen, other):
        group.addButton(button)
        layout.addWidget(button)
    chosen.setChecked(True)
    alone = QRadioButton("Allein")
    alone.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    layout.addWidget(alone)
    window.show()
    QApplication.processEvents()
    assert not other.focusPolicy() & Qt.FocusPolicy.TabFocus  # Qt took it away
    assert [str(f) for f in findings(window)] == ["not reachable by Tab: QRadioButton 'Allein'"]


def test_every_dialog_class_is_walked():
    """The scan finds the dialogs (a scan finding none would pass everything)."""
    assert {"ContactDialog", "OfferDialog", "ActivityDialog", "FlyerPrintDialog"} <= set(DIALOGS)


def test_main_window_every_page(qtbot, services, seeded_records, language):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    problems = {}
    for index in range(window.stack.count()):
        window.show_page(index)
        found = walk(window)
        if found:
            problems[type(window.current_page()).__name__] = found
    assert not problems, "\n".join(
        f"{page}: {line}" for page, lines in problems.items() for line in lines
    )


@pytest.mark.parametrize(("name", "existing"), VARIANTS)
def test_every_dialog(qtbot, services, seeded_records, language, name, existing):
    cls = DIALOGS[name]
    try:
        dialog = construct(cls, values_for(cls, services, seeded_records, existing=existing))
    except Unsatisfied as missing:
        pytest.skip(f"no value for {missing}: add one to EXTRA in this test")
    qtbot.addWidget(dialog)
    dialog.show()
    found = walk(dialog)
    assert not found, "\n".join(found)


def test_tab_goes_through_a_list_screen_in_reading_order(window):
    """Search, filters, buttons, then the table (the filters were built last)."""
    page = window.contacts_page
    wanted = (page.search, page.kind_filter, page.role_filter, page.new_button, page.table)
    chain = [w for w in focus_chain(window) if w in wanted]
    assert chain == [page.search, page.kind_filter, page.role_filter, page.new_button, page.table]
