"""Review states of imported packages: a rejected one is kept and counts nowhere; two
officers saving one package's verdict at once cannot overwrite each other (SQLite and
PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
import pytest
from sqlalchemy import event, func, select

from gwa_desktop.cli.main import main
from gwa_desktop.i18n import _
from gwa_desktop.services.district_checks import check_packages
from gwa_desktop.services.district_import import remove_package
from gwa_desktop.services.district_overview import (
    combined_datasets,
    export_combined,
    village_figures,
)
from gwa_desktop.services.district_review import (
    ACCEPTED,
    NOT_REVIEWED,
    QUESTIONS,
    REJECTED,
    ReviewData,
    get_review,
    list_packages,
    save_review,
)
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.district_models import PackageReview
from tests.services.test_district_checks import activity, package
from tests.services.test_record_versions import CONFLICT_MESSAGE


def two_villages(database) -> tuple[int, int]:
    """Lindental with an implausible June (asked about), Birkenau with plain figures."""
    with database.session() as session:
        lindental = package(session, "Gemeinde Lindental", date(2026, 1, 1), date(2026, 6, 30), 1)
        for month in range(1, 6):
            activity(session, lindental, date(2026, month, 10), 10)
        activity(session, lindental, date(2026, 6, 10), 150)
        birkenau = package(session, "Gemeinde Birkenau", date(2026, 1, 1), date(2026, 6, 30), 2)
        for month in range(1, 7):
            activity(session, birkenau, date(2026, month, 3), 20)
        session.commit()
        return lindental.id, birkenau.id


def verdict(database, package_id: int, state: str, note: str = "") -> ReviewData:
    form = get_review(database, package_id)
    return save_review(database, replace(form, state=state, note=note, reviewed_by="Eva Muster"))


def test_a_new_package_is_not_reviewed_and_counts(backend_database):
    lindental, birkenau = two_villages(backend_database)
    entries = list_packages(backend_database)
    assert [(e.municipality, e.review.state, e.review.version) for e in entries] == [
        ("Gemeinde Birkenau", NOT_REVIEWED, 0),
        ("Gemeinde Lindental", NOT_REVIEWED, 0),
    ]
    assert [e.activities for e in entries] == [6, 6]
    assert {v.package_id for v in village_figures(backend_database)} == {lindental, birkenau}


def test_a_rejected_package_is_kept_but_counts_in_no_figure(backend_database, tmp_path):
    lindental, _birkenau = two_villages(backend_database)
    assert [f.rule for f in check_packages(backend_database)] == ["unusual_month"]

    saved = verdict(backend_database, lindental, REJECTED, "Juni: 150 Teilnehmende an einem Tag?")

    assert saved.version == 1 and saved.reviewed_at is not None
    assert [v.municipality for v in village_figures(backend_database)] == ["Gemeinde Birkenau"]
    assert [d.municipality for d in combined_datasets(backend_database)] == ["Gemeinde Birkenau"]
    assert check_packages(backend_database) == []
    # The officer reviewing the rejected package still sees what to ask about it.
    assert [f.rule for f in check_packages(backend_database, lindental)] == ["unusual_month"]
    workbook = openpyxl.load_workbook(export_combined(backend_database, tmp_path))
    cells = {str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row}
    assert "Gemeinde Birkenau" in cells and "Gemeinde Lindental" not in cells
    # Kept, with its records and the verdict.
    (entry,) = [e for e in list_packages(backend_database) if e.package_id == lindental]
    assert entry.activities == 6 and entry.review.state == REJECTED
    assert entry.review.note == "Juni: 150 Teilnehmende an einem Tag?"
    assert entry.review.reviewed_by == "Eva Muster"

    verdict(backend_database, lindental, ACCEPTED)
    assert len(village_figures(backend_database)) == 2


def test_questions_count_and_need_a_note(database):
    lindental, _birkenau = two_villages(database)
    with pytest.raises(ValidationError) as caught:
        verdict(database, lindental, QUESTIONS, "  ")
    assert "note" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        verdict(database, lindental, "approved")
    assert "state" in caught.value.errors
    assert get_review(database, lindental).version == 0  # nothing saved

    verdict(database, lindental, QUESTIONS, "Juni nachfragen")
    assert len(village_figures(database)) == 2


def test_removing_a_package_removes_its_review(database):
    lindental, _birkenau = two_villages(database)
    verdict(database, lindental, REJECTED, "doppelt")
    remove_package(database, lindental)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(PackageReview)) == 0
    with pytest.raises(NotFoundError):
        get_review(database, lindental)


@pytest.mark.parametrize("first_verdict", [False, True])
def test_a_second_officer_cannot_overwrite_the_first_ones_verdict(backend_database, first_verdict):
    """Both opened the review before either saved: the second save is refused, on PostgreSQL too.

    With `first_verdict` neither saw a verdict yet (version 0, the first save creates the row).
    """
    lindental, _birkenau = two_villages(backend_database)
    if not first_verdict:
        verdict(backend_database, lindental, QUESTIONS, "Juni?")
    # A second connection stands for the second officer's computer.
    elsewhere = open_database(backend_database.location)
    try:
        mine, theirs = get_review(backend_database, lindental), get_review(elsewhere, lindental)
        save_review(backend_database, replace(mine, state=ACCEPTED, reviewed_by="Eva Muster"))
        with pytest.raises(ConflictError) as caught:
            save_review(
                elsewhere, replace(theirs, state=REJECTED, note="falsch", reviewed_by="Ali")
            )
        assert str(caught.value) == _(CONFLICT_MESSAGE)
        stored = get_review(elsewhere, lindental)
        assert (stored.state, stored.reviewed_by) == (ACCEPTED, "Eva Muster")
        assert caught.value.current_version == stored.version

        # Overwrite, as the officer may choose after seeing the other verdict.
        save_review(
            elsewhere,
            replace(theirs, state=REJECTED, note="falsch", version=caught.value.current_version),
        )
        assert get_review(backend_database, lindental).state == REJECTED
    finally:
        elsewhere.close()


def test_the_same_form_may_save_twice(database):
    lindental, _birkenau = two_villages(database)
    form = get_review(database, lindental)
    form.state, form.note = QUESTIONS, "erst"
    save_review(database, form)
    form.state = ACCEPTED
    save_review(database, form)  # the form took the saved version
    assert get_review(database, lindental).version == 2


def test_packages_and_review_on_the_command_line(database, database_path, capsys):
    lindental, _birkenau = two_villages(database)
    location = str(database_path)
    code = main(
        [
            "--database",
            location,
            "district",
            "review",
            str(lindental),
            "--state",
            "rejected",
            "--note",
            "Juni: 150 an einem Tag?",
            "--by",
            "Eva Muster",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert f"Paket {lindental}: abgelehnt." in out
    assert "zählt aber in keiner Zahl" in out

    assert main(["--database", location, "district", "packages"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:5] == ["Nr.", "Gemeinde", "Zeitraum", "Aktivitäten", "Prüfung"]
    birkenau_row, lindental_row = (line.split("\t") for line in lines[1:])
    assert birkenau_row[1] == "Gemeinde Birkenau" and birkenau_row[4] == "nicht geprüft"
    assert lindental_row[1:5] == ["Gemeinde Lindental", "01.01.2026 – 30.06.2026", "6", "abgelehnt"]
    assert lindental_row[5] == "Eva Muster" and lindental_row[7] == "Juni: 150 an einem Tag?"

    assert main(["--database", location, "district", "overview"]) == 0
    out = capsys.readouterr().out
    assert "Gemeinde Lindental" not in out and "Gemeinde Birkenau" in out
    assert "1 abgelehntes Paket wird nicht mitgezählt" in out

    assert main(["--database", location, "district", "review", "999", "--state", "accepted"]) == 2
    assert "kein importiertes Paket Nummer 999" in capsys.readouterr().out
    # questions without a note: the validation message, no traceback
    code = main(
        ["--database", location, "district", "review", str(lindental), "--state", "questions"]
    )
    assert code != 0


def test_two_first_verdicts_at_the_same_moment(backend_database):
    """The other officer's first verdict lands after this save found none and before it
    inserted its own: the unique package_id refuses the second row, and the save is
    reported as a conflict, not as a database error."""
    lindental, _birkenau = two_villages(backend_database)
    elsewhere = open_database(backend_database.location)
    pending = [True]

    def the_other_save_first(_mapper, _connection, _row):
        if pending:  # only before this test's own insert, not the other one's
            pending.clear()
            other = get_review(elsewhere, lindental)
            save_review(elsewhere, replace(other, state=ACCEPTED, reviewed_by="Ali"))

    mine = get_review(backend_database, lindental)
    event.listen(PackageReview, "before_insert", the_other_save_first)
    try:
        with pytest.raises(ConflictError) as caught:
            save_review(backend_database, replace(mine, state=REJECTED, note="doppelt"))
    finally:
        event.remove(PackageReview, "before_insert", the_other_save_first)
        elsewhere.close()
    stored = get_review(backend_database, lindental)
    assert (stored.state, stored.reviewed_by, stored.version) == (ACCEPTED, "Ali", 1)
    assert caught.value.current_version == 1 and not pending
