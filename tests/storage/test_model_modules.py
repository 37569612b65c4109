"""The models kept in their own modules load with their services; the schema stays whole.

`storage.models` registers the core tables only; `full_metadata()` adds the rest for
what compares or walks the whole schema. Each test that depends on
which modules a process has imported runs a fresh interpreter.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing

from gwa_desktop.services.offers import OfferService
from gwa_desktop.storage.models import full_metadata
from tests.output.print_samples import sample_offer

#: The model modules a print no longer imports (the volunteers' come with the
#: activities' service, which every `Services` registry holds).
LATER = (
    "gwa_desktop.storage.district_models",
    "gwa_desktop.storage.duplicate_models",
    "gwa_desktop.storage.municipality_list_models",
    "gwa_desktop.storage.profile_models",
    "gwa_desktop.storage.programme_models",
)
DISTRICT = {
    "gwa_desktop.storage.district_models",
    "gwa_desktop.storage.municipality_list_models",
    "gwa_desktop.storage.profile_models",
}


def _run(code: str) -> list[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(n for n in {LATER!r} if n in sys.modules)))\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[-1])


def test_the_full_metadata_holds_every_table_of_a_migrated_database(database_path):
    with closing(sqlite3.connect(database_path)) as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                # The full-text index's own tables exist beside the models (search_index).
                " AND name NOT GLOB '*_fts*'"
            )
        }
    assert "district_packages" in tables and "village_figures" in tables
    assert tables == set(full_metadata().tables)


def test_the_core_models_leave_the_district_tables_out():
    code = (
        "from gwa_desktop.storage.models import Base, full_metadata\n"
        "assert 'district_packages' not in Base.metadata.tables\n"
        "assert 'village_figures' not in Base.metadata.tables\n"
        "assert 'funding_programmes' not in Base.metadata.tables\n"
        "assert 'contact_merges' not in Base.metadata.tables\n"
        "assert 'volunteer_profiles' not in Base.metadata.tables"
    )
    assert _run(code) == []


def test_a_print_does_not_import_them(database, database_path, tmp_path):
    offer_id = OfferService(database).create(sample_offer(offer_id=None))
    out = tmp_path / "flyer.pdf"
    code = (
        "from gwa_desktop.cli.main import main\n"
        f"assert main(['--database', {str(database_path)!r}, 'print', 'flyer', '{offer_id}',"
        f" '--lang', 'de', '--lang', 'ar', '--out', {str(out)!r}]) == 0"
    )
    assert _run(code) == []
    assert out.read_bytes().startswith(b"%PDF")


def test_their_services_work_after_the_core_mappers_are_configured(database, database_path):
    """The district models map and configure when first imported, after a read of the
    core models has configured theirs."""
    offer_id = OfferService(database).create(sample_offer(offer_id=None))
    code = (
        "from gwa_desktop.services.registry import Services\n"
        "from gwa_desktop.storage.database import open_database\n"
        f"database = open_database({str(database_path)!r})\n"
        "services = Services.on(database)\n"
        f"services.offers.get({offer_id})\n"
        "from gwa_desktop.services.district_overview import *  # noqa\n"
        "from gwa_desktop.services.installation_key import fingerprint\n"
        "from gwa_desktop.services.village_profile import VillageProfileService\n"
        "assert fingerprint(database) == fingerprint(database)\n"
        "assert VillageProfileService(database).years() == []\n"
        "from gwa_desktop.services.district_municipalities import MunicipalityListService\n"
        "assert MunicipalityListService(database).entries() == []\n"
        "from gwa_desktop.storage.district_models import DistrictPackage\n"
        "from sqlalchemy import select\n"
        "with database.session() as session:\n"
        "    assert session.scalars(select(DistrictPackage)).all() == []"
    )
    assert set(_run(code)) >= DISTRICT
