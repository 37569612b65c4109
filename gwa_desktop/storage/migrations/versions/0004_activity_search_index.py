"""Activities: one index over date and search text instead of date alone.

With 100,000 activities, a search that matched nothing walked the date index and read
every row to test the text (about 130 ms per keystroke). With the search text in the
index SQLite tests it there and reads only matching rows (about 10 ms).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_activities_occurred_on", table_name="activities")
    op.create_index(
        "ix_activities_occurred_on_search", "activities", ["occurred_on", "search_text"]
    )


def downgrade() -> None:
    op.drop_index("ix_activities_occurred_on_search", table_name="activities")
    op.create_index("ix_activities_occurred_on", "activities", ["occurred_on"])
