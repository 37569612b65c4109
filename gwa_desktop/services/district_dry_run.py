"""District mode: what an import would do, package by package, before anything is stored.

Each package is verified and judged by the import's own decision (`take_package`) in one
transaction over the whole batch, which is rolled back at the end: the second package of
a batch is judged as if the first were in, so two villages claiming one name in one batch
are seen, and nothing stays behind (the database file is byte for byte as before). The
activities are not inserted at all; only the package rows the next verdicts depend on.
The officer reads the verdicts (new village, new, replaces, unchanged, refused, with the
reasons and warnings) and then confirms the real import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.exchange.identity import short
from gwa_desktop.exchange.package import Package, read_package
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import N_, _
from gwa_desktop.services.district_import import (
    IMPORTED,
    OLDER,
    OVERLAPS,
    REPLACED,
    UNCHANGED,
    Plan,
    take_package,
)
from gwa_desktop.storage.database import Database

NEW_VILLAGE, NEW, REPLACES, SAME, REFUSED = "new_village", "new", "replaces", "unchanged", "refused"
VERDICTS = {
    NEW_VILLAGE: N_("new village"),
    NEW: N_("new"),
    REPLACES: N_("replaces"),
    SAME: N_("unchanged"),
    REFUSED: N_("refused"),
}


@dataclass(frozen=True)
class Verdict:
    """What importing one file would do; `reason` and `warnings` in the UI language."""

    path: Path
    municipality: str
    period: str
    verdict: str
    reason: str
    warnings: tuple[str, ...] = ()
    error: Exception | None = None

    @property
    def label(self) -> str:
        return _(VERDICTS[self.verdict])

    @property
    def taken(self) -> bool:
        return self.verdict in (NEW_VILLAGE, NEW, REPLACES)


def dry_run(
    database: Database,
    paths: Iterable[Path],
    password: str | None = None,
    accept_key: str | None = None,
    progress: Progress = no_progress,
) -> list[Verdict]:
    """The verdict on each package, in order; the database is left exactly as it was."""
    paths = [Path(p) for p in paths]
    now = datetime.now().replace(microsecond=0)
    verdicts: list[Verdict] = []
    with database.session() as session:
        try:
            for number, path in enumerate(paths):
                progress(number, len(paths), path.name)
                try:
                    package = read_package(path, password)
                except ExchangeError as error:
                    verdicts.append(Verdict(path, "", "", REFUSED, str(error), error=error))
                    continue
                manifest = package.manifest
                try:
                    plan = take_package(session, package, now, accept_key, records=False)
                except ExchangeError as error:
                    verdicts.append(
                        Verdict(
                            path,
                            manifest.municipality,
                            manifest.period.label(),
                            REFUSED,
                            str(error),
                            error=error,
                        )
                    )
                    continue
                verdicts.append(_verdict(package, plan))
        finally:
            session.rollback()
    return verdicts


def _verdict(package: Package, plan: Plan) -> Verdict:
    manifest = package.manifest
    other = plan.other
    if plan.outcome == IMPORTED and plan.sender.new_village:
        verdict = NEW_VILLAGE
        reason = _(
            "First package of {municipality}: it becomes a new village of the district. Its key "
            "{fingerprint} is recorded; compare it with the municipality by phone. {offers} offers "
            "and {activities} activities."
        )
    elif plan.outcome == IMPORTED:
        verdict = NEW
        reason = _(
            "A period not imported yet from {municipality}: {offers} offers and {activities} activities."
        )
    elif plan.outcome == REPLACED:
        verdict = REPLACES
        reason = _(
            "Replaces the package for {other} written on {created} ({id}); its figures no longer "
            "count. {offers} offers and {activities} activities."
        )
    elif plan.outcome == UNCHANGED:
        verdict = SAME
        reason = _("This package was already imported; nothing would change.")
    else:
        verdict = REFUSED
        reason = {
            OLDER: _(
                "A newer package of {municipality} for this period is already imported; this older "
                "one would not be taken."
            ),
            OVERLAPS: _(
                "Overlaps the package already imported for {other}; it would not be taken, so that no "
                "activity is counted twice. Ask for a package of the same period."
            ),
        }[plan.outcome]
    warnings = list(plan.sender.warnings)
    if plan.renamed_from is not None:
        warnings.append(
            _(
                "{old} is now called {new}: its earlier packages will be shown under the new name."
            ).format(old=plan.renamed_from, new=manifest.municipality)
        )
    text = reason.format(
        municipality=manifest.municipality,
        fingerprint=manifest.fingerprint,
        other=Period(other.period_start, other.period_end).label() if other else "",
        created=f"{other.created_at:%d.%m.%Y %H:%M}" if other else "",
        id=(short(other.package_id) if other.package_id else other.file_name) if other else "",
        offers=len(package.data.offers),
        activities=len(package.data.activities),
    )
    return Verdict(
        package.path, manifest.municipality, manifest.period.label(), verdict, text, tuple(warnings)
    )
