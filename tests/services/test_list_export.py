"""A list as a file (issue 13, item 5): the rows of the window, labels, persons only with a legal basis."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from datetime import date

from openpyxl import load_workbook

from gwa_desktop.domain.enums import ContactKind, ContactRole
from gwa_desktop.services.list_export import (
    csv_bytes,
    list_table,
    pdf_bytes,
    subtitle_of,
    workbook_bytes,
)
from gwa_desktop.services.listing import ListQuery
from tests.services.service_builders import activity_data, organisation, person

ARABIC_NAME = "ليلى حداد"
BIDI_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def volunteers(contacts) -> None:
    person(
        contacts,
        ARABIC_NAME,
        role=ContactRole.VOLUNTEER,
        phone="0176 5550101",
        languages=["ar", "prs"],
    )
    person(contacts, "Olena Kowalenko", role=ContactRole.VOLUNTEER, languages=["uk"])
    # Stored without a legal basis: only the name is kept, and a file must not carry it.
    from gwa_desktop.domain.contact import ContactData

    contacts.create(ContactData(name="Karl Ohnegrund"))
    organisation(contacts, "=Tafel Neustadt")


def test_the_table_is_the_filtered_list_with_labels_and_language_names(contacts):
    volunteers(contacts)
    query = ListQuery(filters={"role": ContactRole.VOLUNTEER})

    table = list_table("contacts", contacts, query)

    names = [row[1] for row in table.rows]
    assert sorted(names) == sorted([ARABIC_NAME, "Olena Kowalenko"])
    assert len(table.rows) == contacts.count(query) == 2
    arabic = {row[1]: row for row in table.rows}[ARABIC_NAME]
    assert arabic[2] == "Person" and arabic[4] == ContactRole.VOLUNTEER.label
    assert arabic[7] == "Arabisch, Dari"
    assert table.personal


def test_a_person_without_legal_basis_is_not_named_in_a_file(contacts):
    volunteers(contacts)
    names = [row[1] for row in list_table("contacts", contacts, ListQuery()).rows]
    assert "Karl Ohnegrund" not in names
    assert "(nicht gezeigt: keine Rechtsgrundlage)" in names


def test_a_list_without_persons_needs_no_warning(contacts):
    volunteers(contacts)
    table = list_table("contacts", contacts, ListQuery(filters={"kind": ContactKind.ORGANISATION}))
    assert [row[1] for row in table.rows] == ["=Tafel Neustadt"]
    assert not table.personal


def test_workbook_has_labels_real_dates_and_formula_text_stays_text(contacts, activities):
    volunteers(contacts)
    activities.create(activity_data("Sprachcafé", occurred_on=date(2026, 3, 10)))
    table = list_table("contacts", contacts, ListQuery())
    book = load_workbook(io.BytesIO(workbook_bytes(table, "Kontakte", subtitle_of([]))))
    sheet = book.active
    header = [c.value for c in sheet[4]]
    assert header[:3] == ["Nr.", "Name", "Art"]
    cell = next(row[1] for row in sheet.iter_rows(min_row=5) if row[1].value == "=Tafel Neustadt")
    assert cell.data_type == "s" and cell.quotePrefix
    assert sheet.max_row == 4 + len(table.rows)

    dated = list_table("activities", activities, ListQuery())
    sheet = load_workbook(io.BytesIO(workbook_bytes(dated, "Aktivitäten", ""))).active
    assert sheet.cell(5, 2).value.date() == date(2026, 3, 10)
    assert sheet.cell(5, 2).number_format == "DD.MM.YYYY"


def test_csv_of_the_table_is_for_german_excel(contacts):
    volunteers(contacts)
    content = csv_bytes(list_table("contacts", contacts, ListQuery()))
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Arabisch, Dari" in content.decode("utf-8-sig")
    assert "'=Tafel Neustadt" in content.decode("utf-8-sig")


def test_pdf_prints_arabic_names_with_title_and_page_numbers(contacts, tmp_path):
    volunteers(contacts)
    for number in range(60):
        person(contacts, f"Testperson {number:02}", phone=f"0176 55{number:05}")
    table = list_table("contacts", contacts, ListQuery())
    pdf = tmp_path / "liste.pdf"
    pdf.write_bytes(pdf_bytes(table, "Kontakte", subtitle_of(["Rolle X"], date(2026, 12, 2))))

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert "Kontakte" in pages[0] and "Stand: 02.12.2026 · Rolle X" in pages[0]
    assert "Seite 1" in pages[0] and "Seite 2" in pages[1]
    # Arabic extracts as presentation forms, around bidi marks: compare NFKC, either order.
    letters = "".join(c for c in unicodedata.normalize("NFKC", text) if c not in BIDI_MARKS)
    assert any(word in letters for word in ("ليلى", "ىليل")), "Arabic name missing"
    assert any(word in letters for word in ("حداد", "دادح"))
    # The header row is repeated on every page.
    assert all("Telefon" in page for page in pages if page.strip())
    # A phone number stays on one line (no-break spaces).
    assert "0176 5550101" in letters.replace("\u00a0", " ")


def test_offers_table_words_the_schedule_and_names_the_text_languages(offers):
    from gwa_desktop.domain.offer import OfferTextData
    from tests.services.service_builders import offer_data

    data = offer_data("Sprachcafé", start_date=date(2026, 1, 6))
    data.texts.append(OfferTextData("ar", "مقهى اللغة"))
    offers.create(data)
    table = list_table("offers", offers, ListQuery())
    row = dict(zip(table.headings, table.rows[0], strict=True))
    assert row["Titel"] == "Sprachcafé" and row["Wann"] == "jeden Dienstag"
    assert set(row["Texte auf"].split(", ")) == {"Deutsch", "Arabisch"}
    assert not table.personal
