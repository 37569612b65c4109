"""The report for funders as sections, with small counts hidden before anything is written.

Reports leave the house, so they follow the rule of the district export
(domain/suppression.py): a count of people from 1 to 2 is hidden, and so is every
further cell from which a printed total would give it away. Counts of offers and
activities are not hidden: an offer is public, it is on the notice board, and that an
event took place names nobody (who came is a count of people, and hidden). The officer's dashboard shows
the raw figures; only what is printed or saved for others passes through here.
"""

from __future__ import annotations

from collections.abc import Sequence

from gwa_desktop.domain.enums import ActivityKind, OfferCategory, TargetGroup
from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.programme import IndicatorMeasure
from gwa_desktop.domain.report_document import (
    BarChart,
    Cell,
    ColumnKind,
    ReportDocument,
    Section,
    Table,
    TextSection,
)
from gwa_desktop.domain.suppression import HIDDEN, extended, is_small, published
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.report import IndicatorResult, ReportContent
from gwa_desktop.services.report_figures import OfferAttendance, ReportFigures

#: Measures that count people: their actual figure is hidden when it is small.
PEOPLE_MEASURES = (IndicatorMeasure.PARTICIPANTS, IndicatorMeasure.VOLUNTEERS)


def report_document(content: ReportContent) -> ReportDocument:
    """The sections of the report in the UI language, anonymised."""
    language = ui_language()
    figures = content.figures
    programme = content.programme
    facts = [(_("Municipality"), content.municipality.name or "–")]
    if content.municipality.district:
        facts.append((_("District"), content.municipality.district))
    if programme is not None:
        facts += [
            (_("Funding programme"), programme.name),
            (_("Funder"), programme.funder or "–"),
            (_("Reference number"), programme.reference or "–"),
        ]
    facts += [
        (_("Reporting period"), content.period.label()),
        (_("Created on"), format_date(content.created.date())),
    ]
    title = _("Activity report") if programme is None else _("Activity report and proof of use")
    document = ReportDocument(
        title,
        language,
        facts,
        hidden_note=_(
            "To protect the people counted, counts from 1 to 2 and the figures that would "
            "reveal them are shown as “{hidden}” and left out of the charts."
        ).format(hidden=HIDDEN),
    )
    texts = content.texts
    document.sections.append(TextSection(_("Aims"), texts.aims))
    if figures.is_empty:
        document.notice = _(
            "No activity was recorded and no offer ran in this period ({period})."
        ).format(period=content.period.label())
    else:
        document.sections.append(key_figures(figures))
    if programme is not None:
        document.sections.append(indicator_table(content.indicators, content.share_bases))
    if not figures.is_empty:
        document.sections += figure_sections(figures)
    document.sections += [
        TextSection(_("Experiences"), texts.experiences),
        TextSection(_("Outlook"), texts.outlook),
    ]
    return document


def people(count: int) -> Cell:
    """A single count of people, hidden when small (primary rule only: no total beside it)."""
    return HIDDEN if is_small(count) else count


def key_figures(figures: ReportFigures) -> Table:
    share = figures.newcomer_share
    rows: list[list[Cell]] = [
        [_("Activities"), figures.activities],
        [_("Sessions of the offers"), figures.session_count],
        [_("Offers running in the period"), figures.offers],
        [_("Participants"), people(figures.participants)],
        [_("Newcomers (first visit)"), people(figures.counts["newcomers"])],
        [_("Regulars"), people(figures.counts["regulars"])],
        [
            _("Share of newcomers (%)"),
            HIDDEN if share is not None and is_small(figures.counts["newcomers"]) else share,
        ],
        [_("Volunteer assignments"), people(figures.counts["volunteers_count"])],
        [_("Volunteer hours"), figures.volunteer_hours],
    ]
    return Table(
        _("Key figures"), [_("Figure"), _("Value")], ["text", "decimal"], rows, widths=[3, 1]
    )


def indicator_table(results: Sequence[IndicatorResult], share_bases: dict[int, int]) -> Table:
    header = [
        _("Figure"),
        _("Period"),
        _("Planned"),
        _("Actual"),
        _("Deviation"),
        _("Attained (%)"),
        _("Comment"),
    ]
    rows: list[list[Cell]] = []
    for result in results:
        indicator = result.indicator
        hidden = result.actual is not None and (
            (indicator.measure in PEOPLE_MEASURES and is_small(int(result.actual)))
            or (
                indicator.measure is IndicatorMeasure.NEWCOMER_SHARE
                and is_small(share_bases.get(indicator.id or 0, 0))
            )
        )
        period = f"{format_date(indicator.first_day)} – {format_date(indicator.last_day)}"
        rows.append(
            [
                indicator.name,
                period,
                indicator.planned,
                HIDDEN if hidden else result.actual,
                HIDDEN if hidden else result.deviation,
                HIDDEN if hidden else result.attainment,
                indicator.comment,
            ]
        )
    note = "" if rows else _("No planned figures are entered for this programme and period.")
    return Table(
        _("Planned and actual figures"),
        header,
        ["text", "text", "decimal", "decimal", "signed", "percent", "text"],
        rows,
        widths=[2.4, 1.9, 1.0, 1.0, 1.35, 1.2, 2.6],
        note=note,
    )


def month_label(figures: ReportFigures, index: int) -> str:
    return format_date(figures.months[index].month, fmt="MMM yy")


def published_line(values: Sequence[int]) -> tuple[list[int | str], int | str]:
    """One line of counts and its total as published: the grid of a single row repeats
    the row as its column totals, so its first row and its corner say everything."""
    grid = published([list(values)])
    return grid[0][:-1], grid[0][-1]


def drawn(values: Sequence[int | str]) -> list[float]:
    """Published counts as bar heights: a hidden count is not drawn."""
    return [0.0 if value == HIDDEN else float(value) for value in values]


def figure_sections(figures: ReportFigures) -> list[Section]:
    months = [month_label(figures, i) for i in range(len(figures.months))]
    kinds = [kind for kind in ActivityKind if figures.by_kind[kind.value]]
    # Activities are not people: their counts are printed in full (see the module's doc).
    by_kind: list[list[int | str]] = [
        list(row)
        for row in extended([[m.by_kind[kind.value] for kind in kinds] for m in figures.months])
    ]
    participants, participants_total = published_line([m.participants for m in figures.months])
    sections: list[Section] = [
        BarChart(
            _("Activities per month and kind"),
            months,
            [(kind.label, drawn([row[k] for row in by_kind[:-1]])) for k, kind in enumerate(kinds)],
        ),
        _grid_table(
            _("Activities per month and kind"),
            [_("Month"), *(kind.label for kind in kinds), _("Total")],
            months,
            by_kind,
        ),
        BarChart(_("Participants per month"), months, [(_("Participants"), drawn(participants))]),
        _grid_table(
            _("Participants per month"),
            [_("Month"), _("Participants")],
            months,
            [[value] for value in [*participants, participants_total]],
        ),
        _grid_table(
            _("Newcomers and regulars per month"),
            [_("Month"), _("Newcomers"), _("Regulars"), _("Total")],
            months,
            published([[m.newcomers, m.regulars] for m in figures.months]),
        ),
        _breakdown(
            figures,
            _("Participants by gender"),
            {
                "participants_women": _("Women"),
                "participants_men": _("Men"),
                "participants_diverse": _("Diverse"),
            },
        ),
        _breakdown(
            figures,
            _("Participants by age"),
            {
                "age_under_18": _("Under 18"),
                "age_18_26": _("18 to 26"),
                "age_27_64": _("27 to 64"),
                "age_65_plus": _("65 and over"),
            },
        ),
        BarChart(
            _("Offers per category"),
            [c.label for c in OfferCategory if figures.offers_by_category[c.value]],
            [
                (
                    _("Offers"),
                    [
                        float(figures.offers_by_category[c.value])
                        for c in OfferCategory
                        if figures.offers_by_category[c.value]
                    ],
                )
            ],
            horizontal=True,
        ),
        _count_table(
            _("Offers per category and target group"),
            [
                *((c.label, figures.offers_by_category[c.value]) for c in OfferCategory),
                *(
                    (
                        _("Target group: {group}").format(group=g.label),
                        figures.offers_by_target_group[g.value],
                    )
                    for g in TargetGroup
                ),
            ],
        ),
        _languages(figures),
        _sessions(figures),
    ]
    lost = figures.lost_attendance
    sections.append(
        _sessions(figures, lost, _("Offers that lost attendance"))
        if lost
        else TextSection(
            _("Offers that lost attendance"),
            _("No offer lost a fifth or more of its average attendance against the period before."),
        )
    )
    return sections


def _grid_table(
    title: str, header: list[str], rows: list[str], grid: list[list[int | str]]
) -> Table:
    """Published counts (the last row their totals) under a header."""
    body: list[list[Cell]] = [[label, *values] for label, values in zip([*rows, _("Total")], grid)]
    kinds: list[ColumnKind] = ["text", *(["integer"] * (len(header) - 1))]  # type: ignore[list-item]
    return Table(title, header, kinds, body, total_row=True)


def _breakdown(figures: ReportFigures, title: str, labels: dict[str, str]) -> Table:
    """One breakdown of the participants with the total of its entries, published."""
    cells, total = published_line([figures.counts[key] for key in labels])
    rows: list[list[Cell]] = [[label, value] for label, value in zip(labels.values(), cells)]
    rows.append([_("Total of the entries"), total])
    return Table(
        title,
        [_("Group"), _("Participants")],
        ["text", "integer"],
        rows,
        widths=[3, 1],
        note=_("Counted where the breakdown was entered; it may be less than all participants."),
        total_row=True,
    )


def _count_table(title: str, rows: list[tuple[str, int]]) -> Table:
    return Table(
        title,
        [_("Category"), _("Offers")],
        ["text", "integer"],
        [[label, count] for label, count in rows if count],
        widths=[3, 1],
    )


def _languages(figures: ReportFigures) -> Table:
    codes = sorted(
        set(figures.offers_by_language) | set(figures.activities_by_language),
        key=lambda c: (-figures.offers_by_language[c] - figures.activities_by_language[c], c),
    )
    activities, _total = published_line([figures.activities_by_language[c] for c in codes])
    rows: list[list[Cell]] = [
        [language_name(code, ui_language()), figures.offers_by_language[code], activities[i]]
        for i, code in enumerate(codes)
    ]
    return Table(
        _("Languages reached"),
        [_("Language"), _("Offers"), _("Activities")],
        ["text", "integer", "integer"],
        rows,
        widths=[2, 1, 1],
    )


def _sessions(
    figures: ReportFigures,
    offers: Sequence[OfferAttendance] | None = None,
    title: str | None = None,
) -> Table:
    """Sessions, participants and averages per offer; an average of hidden counts is hidden."""
    chosen = list(figures.sessions if offers is None else offers)
    counts, total_count = published_line([o.participants for o in chosen])
    rows: list[list[Cell]] = []
    for offer, participants in zip(chosen, counts):
        earlier = offer.earlier_average
        rows.append(
            [
                offer.title,
                offer.sessions,
                participants,
                HIDDEN if participants == HIDDEN else round(offer.average, 1),
                HIDDEN if earlier is not None and is_small(offer.earlier_participants) else earlier,
            ]
        )
    total = offers is None and bool(chosen)
    if total:
        rows.append([_("Total"), figures.session_count, total_count, None, None])
    return Table(
        title or _("Sessions per offer and average attendance"),
        [_("Offer"), _("Sessions"), _("Participants"), _("Average"), _("Average before")],
        ["text", "integer", "integer", "decimal", "decimal"],
        rows,
        widths=[3, 1, 1.2, 1, 1.2],
        note=_("“Average before”: the period of the same length just before."),
        total_row=total,
    )
