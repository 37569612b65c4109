"""The dashboard "Auswertung": a period's key figures and charts, and the report for funders.

The officer chooses a month, quarter, year, Kindergartenjahr or a free range and
optionally a funding programme; the figures are read off the GUI thread (the newest
choice wins, so stepping through months never queues queries) and shown unrounded,
as they are in the house. The report built from here is the one `gwa report` writes,
with small counts hidden.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.enums import ActivityKind, OfferCategory, TargetGroup
from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.domain.programme import ReportTextData
from gwa_desktop.domain.report_document import BarChart
from gwa_desktop.domain.village_profile import FIGURES as PROFILE_FIGURES
from gwa_desktop.domain.village_profile import CoverageGap
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import format_date, format_number
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.periods import REPORT_PERIOD_KINDS, report_period
from gwa_desktop.services.programmes import ProgrammeService, programme_scope
from gwa_desktop.services.registry import Services
from gwa_desktop.services.report_figures import EVERYTHING, ReportFigures, figures
from gwa_desktop.services.report_files import write_report
from gwa_desktop.services.village_profile import VillageProfileService
from gwa_desktop.ui.bar_chart import BarChartWidget
from gwa_desktop.ui.changes import ACTIVITIES, OFFERS, SETTINGS
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.programme_dialog import ProgrammeDialog, confirm_delete
from gwa_desktop.ui.dialogs.village_profile_dialog import VillageProfileDialog
from gwa_desktop.ui.open_file import open_saved_file
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import LatestOnly, run_with_progress
from gwa_desktop.ui.widgets import documents_folder

DASH = "–"


def month_labels(result: ReportFigures) -> list[str]:
    return [format_date(m.month, fmt="MMM yy") for m in result.months]


def dashboard_charts(result: ReportFigures) -> tuple[BarChart, BarChart, BarChart]:
    """The three charts of the dashboard, from the raw figures."""
    months = month_labels(result)
    kinds = [kind for kind in ActivityKind if result.by_kind[kind.value]]
    activities = BarChart(
        _("Activities per month and kind"),
        months,
        [(kind.label, [float(m.by_kind[kind.value]) for m in result.months]) for kind in kinds],
    )
    participants = BarChart(
        _("Participants per month"),
        months,
        [
            (_("Newcomers"), [float(m.newcomers) for m in result.months]),
            (_("Regulars"), [float(m.regulars) for m in result.months]),
            (
                _("Not recorded"),
                [float(max(0, m.participants - m.newcomers - m.regulars)) for m in result.months],
            ),
        ],
    )
    categories = [c for c in OfferCategory if result.offers_by_category[c.value]]
    offers = BarChart(
        _("Offers per category"),
        [c.label for c in categories],
        [(_("Offers"), [float(result.offers_by_category[c.value]) for c in categories])],
        horizontal=True,
    )
    return activities, participants, offers


class ReportTextsDialog(QDialog):
    """Aims, experiences and outlook of the report for one period, kept for next time."""

    help_anchor = "dashboard"

    def __init__(self, texts: ReportTextData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.texts = texts
        self.setWindowTitle(_("Report texts"))
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for name, label in (
            ("aims", _("Aims")),
            ("experiences", _("Experiences")),
            ("outlook", _("Outlook")),
        ):
            edit = QPlainTextEdit(getattr(texts, name))
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(label)
            self.edits[name] = edit
            form.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _("For the period {period}; shown in the report and kept for later.").format(
                    period=Period(texts.first_day, texts.last_day).label()
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def entered(self) -> ReportTextData:
        for name, edit in self.edits.items():
            setattr(self.texts, name, edit.toPlainText())
        return self.texts


class DashboardPage(QWidget):
    help_anchor = "dashboard"  #: the handbook section F1 opens on this screen
    status_changed = Signal(str)
    shows = frozenset({OFFERS, ACTIVITIES, SETTINGS})

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.programmes = ProgrammeService(services.database)
        self.anchor = date.today()
        self.reader = LatestOnly(self)
        self.result: ReportFigures | None = None
        heading = QLabel(_("Evaluation"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of period"))
        for key, label in REPORT_PERIOD_KINDS:
            self.kind.addItem(_(label), key)
        self.kind.setCurrentIndex(self.kind.findData("year"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        # Time runs right to left in an Arabic window: "previous" points right there.
        back, forward = ("▶", "◀") if self.isRightToLeft() else ("◀", "▶")
        self.earlier = QPushButton(back)
        self.earlier.setAccessibleName(_("Previous period"))
        self.earlier.setToolTip(_("Previous period (Alt+Left)"))
        self.earlier.clicked.connect(lambda: self.step(-1))
        self.later = QPushButton(forward)
        self.later.setAccessibleName(_("Next period"))
        self.later.setToolTip(_("Next period (Alt+Right)"))
        self.later.clicked.connect(lambda: self.step(1))
        self.period_label = QLabel()
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, _("From")), (self.last, _("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)
        self.programme = QComboBox()
        self.programme.setAccessibleName(_("Funding programme"))
        self.programme.currentIndexChanged.connect(self.refresh)
        self.new_programme = QPushButton(_("New programme…"))
        self.new_programme.clicked.connect(lambda: self.edit_programme(None))
        self.edit_programme_button = QPushButton(_("Edit programme…"))
        self.edit_programme_button.clicked.connect(lambda: self.edit_programme(self.programme_id()))
        self.delete_programme_button = QPushButton(_("Delete programme…"))
        self.delete_programme_button.clicked.connect(self.delete_programme)
        self.texts_button = QPushButton(_("Report texts…"))
        self.texts_button.clicked.connect(self.edit_texts)
        self.report_button = QPushButton(_("Build report…"))
        self.report_button.clicked.connect(self.build_report)
        self.profile_button = QPushButton(_("Village profile…"))
        self.profile_button.clicked.connect(self.edit_profile)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        QShortcut(QKeySequence("Alt+Left"), self, activated=lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, activated=lambda: self.step(1))

        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        for index, (key, label) in enumerate(
            (
                ("activities", _("Activities")),
                ("sessions", _("Sessions of the offers")),
                ("participants", _("Participants")),
                ("newcomers", _("Share of newcomers (%)")),
                ("hours", _("Volunteer hours")),
                ("offers", _("Offers running in the period")),
            )
        ):
            value = QLabel(DASH)
            big = QFont(value.font())
            big.setPointSizeF(big.pointSizeF() * 1.6)
            big.setBold(True)
            value.setFont(big)
            value.setAccessibleName(label)
            self.tiles[key] = value
            tiles.addWidget(value, 0, index)
            tiles.addWidget(QLabel(label), 1, index)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setAccessibleName(_("Who has no offer"))
        self.activity_chart = BarChartWidget()
        self.participant_chart = BarChartWidget()
        self.offer_chart = BarChartWidget()
        self.sessions = QTreeWidget()
        self.sessions.setAccessibleName(_("Sessions per offer and average attendance"))
        self.sessions.setHeaderLabels(
            [_("Offer"), _("Sessions"), _("Participants"), _("Average"), _("Average before")]
        )
        self.sessions.setRootIsDecorated(False)
        self.sessions.setSortingEnabled(True)
        self.sessions.setMinimumHeight(160)
        self.reach = QTreeWidget()
        self.reach.setAccessibleName(_("Target groups and languages"))
        self.reach.setHeaderLabels([_("Target groups and languages"), _("Offers"), _("Activities")])
        self.reach.setMinimumHeight(160)

        controls = QHBoxLayout()
        controls.addWidget(heading)
        controls.addStretch(1)
        for widget in (
            self.kind,
            self.earlier,
            self.period_label,
            self.later,
            self.first,
            self.last,
        ):
            controls.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(_("Funding programme")))
        actions.addWidget(self.programme, 1)
        for button in (
            self.new_programme,
            self.edit_programme_button,
            self.delete_programme_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self.texts_button)
        actions.addWidget(self.profile_button)
        actions.addWidget(self.report_button)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(tiles)
        body.addWidget(self.notice)
        body.addWidget(self.gaps)
        charts = QGridLayout()
        charts.addWidget(self.activity_chart, 0, 0)
        charts.addWidget(self.participant_chart, 0, 1)
        charts.addWidget(self.offer_chart, 1, 0)
        charts.addWidget(self.reach, 1, 1)
        body.addLayout(charts)
        body.addWidget(self.sessions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)
        self._kind_changed()

    # The period ------------------------------------------------------------------

    def period(self) -> Period | None:
        """The chosen period; None while a free range ends before it starts."""
        if self.kind.currentData() == "range":
            first, last = self.first.date().toPython(), self.last.date().toPython()
            return Period(first, last) if first <= last else None
        return report_period(self.kind.currentData(), self.anchor)

    def set_period_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def step(self, direction: int) -> None:
        """The previous or next period of the same kind."""
        period = self.period()
        if period is None or self.kind.currentData() == "range":
            return
        self.anchor = (
            period.start - timedelta(days=1) if direction < 0 else period.end + timedelta(days=1)
        )
        self.refresh()

    def _kind_changed(self, *_args: object) -> None:
        free = self.kind.currentData() == "range"
        for widget in (self.first, self.last):
            widget.setVisible(free)
        for widget in (self.earlier, self.later, self.period_label):
            widget.setVisible(not free)
        if free:
            period = report_period("year", self.anchor)
            for edit, day in ((self.first, period.start), (self.last, period.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def programme_id(self) -> int | None:
        value = self.programme.currentData()
        return int(value) if value is not None else None

    def _programme_chosen(self) -> None:
        chosen = self.programme_id() is not None
        self.edit_programme_button.setEnabled(chosen)
        self.delete_programme_button.setEnabled(chosen)

    def edit_programme(self, programme_id: int | None) -> None:
        """The programme form; after a save the dashboard shows that programme."""
        dialog = ProgrammeDialog(self.services, programme_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self._fill_programmes()
            self.programme.setCurrentIndex(max(0, self.programme.findData(dialog.saved_id)))
            self.refresh()

    def delete_programme(self) -> None:
        programme_id = self.programme_id()
        if programme_id is None or not confirm_delete(self, self.programme.currentText()):
            return
        ok, _done = attempt(self, lambda: self.programmes.delete([programme_id]))
        if ok:
            self.programme.setCurrentIndex(0)
            self._fill_programmes()
            self.refresh()

    # Reading -------------------------------------------------------------------

    def _fill_programmes(self) -> None:
        ok, rows = attempt(self, self.programmes.rows)
        if not ok or rows is None:
            return
        chosen = self.programme_id()
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem(_("Whole municipality"), None)
        for row in rows:
            self.programme.addItem(f"{row.name} ({row.period.label()})", row.id)
        index = self.programme.findData(chosen) if chosen is not None else 0
        self.programme.setCurrentIndex(max(index, 0))
        self.programme.blockSignals(False)
        self._programme_chosen()

    def refresh(self, *_args: object) -> None:
        if self.sender() is not self.programme:
            self._fill_programmes()
        self._programme_chosen()
        period = self.period()
        if period is None:
            self.notice.setText(_("The end of the period lies before its start."))
            return
        self.period_label.setText(period.label())
        programme_id = self.programme_id()
        scope = programme_scope(programme_id) if programme_id is not None else EVERYTHING
        database = self.services.database
        year = period.end.year

        def work() -> tuple[ReportFigures, list[CoverageGap] | None]:
            profiles = VillageProfileService(database)
            gaps = profiles.gaps(year) if year in profiles.years() else None
            return figures(database, period, scope), gaps

        self.reader.start(work, self._show_all)

    def _show_all(self, found: tuple[ReportFigures, list[CoverageGap] | None]) -> None:
        result, gaps = found
        self._show(result)
        self._show_gaps(result.period.end.year, gaps)

    def _show_gaps(self, year: int, gaps: list[CoverageGap] | None) -> None:
        """Who has no offer, from the village profile of the period's last year."""
        if gaps is None:
            self.gaps.setText(
                _(
                    "No village profile for {year} yet (Village profile… or gwa profile import)."
                ).format(year=year)
            )
            return
        labels = {key: _(label) for key, label, _percent in PROFILE_FIGURES}
        lines = []
        for gap in gaps:
            if gap.kind == "age_group":
                lines.append(labels[gap.key])
            elif gap.kind == "target_group":
                lines.append(TargetGroup(gap.key).label)
            else:
                lines.append(language_name(gap.key, ui_language()))
        self.gaps.setText(
            _("Who has no offer ({year}): {gaps}").format(year=year, gaps=", ".join(lines))
            if lines
            else _("Every age group and language of the village has an active offer.")
        )

    def _show(self, result: ReportFigures) -> None:
        self.result = result
        share = result.newcomer_share
        values = {
            "activities": format_number(result.activities),
            "sessions": format_number(result.session_count),
            "participants": format_number(result.participants),
            "newcomers": DASH if share is None else f"{format_number(round(share, 1))} %",
            "hours": format_number(result.volunteer_hours),
            "offers": format_number(result.offers),
        }
        for key, text in values.items():
            self.tiles[key].setText(text)
        self.notice.setText(
            _("No activity was recorded and no offer ran in this period ({period}).").format(
                period=result.period.label()
            )
            if result.is_empty
            else ""
        )
        activities, participants, offers = dashboard_charts(result)
        self.activity_chart.set_chart(activities)
        self.participant_chart.set_chart(participants)
        self.offer_chart.set_chart(offers)
        self._show_sessions(result)
        self._show_reach(result)
        self.status_changed.emit(
            _("{activities} activities, {participants} participants in {period}").format(
                activities=result.activities,
                participants=result.participants,
                period=result.period.label(),
            )
        )

    def _show_sessions(self, result: ReportFigures) -> None:
        self.sessions.setSortingEnabled(False)
        self.sessions.clear()
        lost = {offer.offer_id for offer in result.lost_attendance}
        for offer in result.sessions:
            earlier = offer.earlier_average
            item = QTreeWidgetItem(
                [
                    isolated(offer.title),
                    format_number(offer.sessions),
                    format_number(offer.participants),
                    format_number(round(offer.average, 1)),
                    DASH if earlier is None else format_number(round(earlier, 1)),
                ]
            )
            for column, value in enumerate(
                (offer.sessions, offer.participants, offer.average, earlier or 0), start=1
            ):
                item.setData(column, Qt.ItemDataRole.UserRole, value)
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            if offer.offer_id in lost:
                item.setToolTip(
                    0, _("Attendance fell by a fifth or more against the period before.")
                )
                item.setText(0, f"{isolated(offer.title)}  ↓")
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            self.sessions.addTopLevelItem(item)
        self.sessions.setSortingEnabled(True)
        self.sessions.resizeColumnToContents(0)

    def _show_reach(self, result: ReportFigures) -> None:
        self.reach.clear()
        groups = QTreeWidgetItem([_("Target groups")])
        for group in TargetGroup:
            count = result.offers_by_target_group[group.value]
            if count:
                groups.addChild(QTreeWidgetItem([group.label, format_number(count), ""]))
        languages = QTreeWidgetItem([_("Languages")])
        codes = set(result.offers_by_language) | set(result.activities_by_language)
        for code in sorted(
            codes, key=lambda c: -result.offers_by_language[c] - result.activities_by_language[c]
        ):
            languages.addChild(
                QTreeWidgetItem(
                    [
                        language_name(code, ui_language()),
                        format_number(result.offers_by_language[code]),
                        format_number(result.activities_by_language[code]),
                    ]
                )
            )
        for top in (groups, languages):
            self.reach.addTopLevelItem(top)
            top.setExpanded(True)
        self.reach.resizeColumnToContents(0)

    # The report ------------------------------------------------------------------

    def edit_profile(self) -> None:
        """The village profile of the period's last year, typed in by hand."""
        period = self.period()
        year = period.end.year if period is not None else None
        dialog = VillageProfileDialog(VillageProfileService(self.services.database), year, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_texts(self) -> None:
        period = self.period()
        if period is None:
            return
        ok, texts = attempt(self, lambda: self.programmes.report_text(self.programme_id(), period))
        if not ok or texts is None:
            return
        dialog = ReportTextsDialog(texts, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                saved, _result = attempt(
                    self, lambda: self.programmes.save_report_text(dialog.entered())
                )
            except ValidationError as error:
                QMessageBox.warning(self, _("Report texts"), "\n".join(error.errors.values()))
                continue
            if saved:
                return

    def build_report(self) -> None:
        """Ask for a PDF or XLSX file and write the report for the chosen period to it."""
        period = self.period()
        if period is None:
            return
        pdf, xlsx = _("PDF (*.pdf)"), _("Excel workbook (*.xlsx)")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _("Build report"),
            str(
                documents_folder()
                / (_("report-{start}").format(start=f"{period.start:%Y-%m}") + ".pdf")
            ),
            f"{pdf};;{xlsx}",
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            path = path.with_suffix(".xlsx" if chosen == xlsx else ".pdf")
        programme_id = self.programme_id()
        database = self.services.database
        ok, written = run_with_progress(
            self,
            _("Building the report…"),
            lambda _progress: write_report(database, period, path, programme_id),
        )
        if not ok or written is None:
            return
        if written.warnings:
            QMessageBox.warning(self, _("Build report"), "\n\n".join(written.warnings))
        if path.suffix.lower() == ".pdf":
            open_saved_file(self, path)
        else:
            QMessageBox.information(
                self,
                _("Build report"),
                _("The report was saved as {path}.").format(path=isolated(str(path))),
            )
