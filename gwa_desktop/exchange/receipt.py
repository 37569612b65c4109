"""The receipt an import writes: what was taken, with checksums, to travel back to the municipality.

Written in German, like the workbook, because it is a document between two offices;
the checksums let the municipality confirm that exactly its package arrived, and the
fingerprint of the key that signed it lets the officer compare it with the one her
installation shows (File → Fingerprint of this installation).
"""

from __future__ import annotations

from datetime import datetime

from gwa_desktop.exchange.package import Package
from gwa_desktop.exchange.signing import KNOWN, NEW, Pinning

OUTCOME_TEXTS = {
    "imported": "übernommen",
    "replaced": "übernommen; ersetzt das ältere Paket vom {previous:%d.%m.%Y %H:%M}",
    "unchanged": "war bereits eingelesen; nichts geändert",
    "older": "nicht übernommen: ein neueres Paket vom {previous:%d.%m.%Y %H:%M} liegt bereits vor",
    "overlaps": "nicht übernommen: überschneidet sich mit dem Paket vom {previous:%d.%m.%Y %H:%M} "
    "für einen anderen Zeitraum; sonst würden Aktivitäten doppelt gezählt",
}


def receipt_name(package: Package) -> str:
    return f"Empfangsbestaetigung_{package.path.stem}.txt"


def key_text(pinning: Pinning) -> str:
    if pinning.kind == NEW:
        return "erstmals festgehalten – bitte telefonisch mit der Gemeinde vergleichen"
    if pinning.kind == KNOWN:
        return f"bekannt seit {pinning.since:%d.%m.%Y}" if pinning.since else "bekannt"
    return f"nach Rückfrage neu festgehalten; ersetzt {pinning.previous}"


def receipt_text(
    package: Package,
    outcome: str,
    imported_at: datetime,
    previous: datetime | None = None,
    pinning: Pinning | None = None,
) -> str:
    manifest = package.manifest
    taken = outcome in ("imported", "replaced")
    lines = [
        "Empfangsbestätigung – GWA Desktop",
        "",
        f"Gemeinde:        {manifest.municipality}",
        f"Landkreis:       {manifest.district}",
        f"Zeitraum:        {manifest.period.label()}",
        f"Paket:           {package.path.name}",
        f"Erstellt am:     {manifest.created_at:%d.%m.%Y %H:%M} (Programmversion {manifest.program_version})",
        f"Eingelesen am:   {imported_at:%d.%m.%Y %H:%M}",
        f"Ergebnis:        {OUTCOME_TEXTS[outcome].format(previous=previous)}",
        f"Übernommen:      {len(package.data.offers) if taken else 0} Angebote, "
        f"{len(package.data.activities) if taken else 0} Aktivitäten",
        "Personenbezogene Daten übernommen: nein",
        f"Schlüssel:       {manifest.fingerprint} (Ed25519-Signatur geprüft)",
        *([f"                 {key_text(pinning)}"] if pinning is not None else []),
        *_identity_lines(package),
        "",
        f"SHA-256 des Pakets: {package.sha256}",
        "SHA-256 der Bestandteile:",
        *(f"  {digest}  {name}" for name, digest in sorted(manifest.members.items())),
        "",
    ]
    return "\r\n".join(lines)


def _identity_lines(package: Package) -> list[str]:
    """The ids of a format-3 package, so a receipt names exactly which package was taken."""
    identity = package.manifest.identity
    if identity is None:
        return ["Installation:    keine Kennung (Paketformat 2, erkannt am Namen)"]
    return [
        f"Installation:    {identity.installation}",
        f"Paket-Kennung:   {identity.package}",
        *([f"Ersetzt Paket:   {identity.replaces}"] if identity.replaces else []),
    ]
