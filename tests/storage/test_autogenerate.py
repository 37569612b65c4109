"""`./dev migration` drafts the next numbered migration from a change to the models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from gwa_desktop.storage import autogenerate, database
from gwa_desktop.storage.models import Base


@pytest.fixture
def scratch_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the migrations folder, so the draft is written outside the package."""
    copy = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, copy)
    monkeypatch.setattr(database, "MIGRATIONS_DIR", copy)
    return copy


def test_next_revision_id_continues_the_four_digit_series() -> None:
    assert autogenerate.next_revision_id("0008") == "0009"
    assert autogenerate.next_revision_id("0099") == "0100"


def test_draft_holds_exactly_the_change_to_the_models(
    scratch_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = database.head_revision()
    table = Base.metadata.tables["offers"]
    column = sa.Column("draft_probe", sa.Integer, nullable=True)
    table.append_column(column)
    try:
        path = autogenerate.write_migration("probe column")
    finally:
        table._columns.remove(column)
    text = path.read_text(encoding="utf-8")
    assert path.parent == scratch_migrations / "versions"
    assert path.name.startswith(autogenerate.next_revision_id(head) + "_")
    assert f"down_revision = '{head}'" in text
    upgrade = text.split("def downgrade")[0]
    assert "add_column" in upgrade and "draft_probe" in upgrade
    assert upgrade.count("op.") == 2, "only the probe differs (batch_alter_table + add_column)"
