"""Alembic environment: runs on the connection the program hands over at start.

SQLite cannot alter tables in place, so migrations render in batch mode (copy and move),
as OpenLP does for its users' databases. The connection arrives inside the transaction
the program opened (storage.database.upgrade); Alembic then adds none of its own, and
with `transaction_per_migration=False` all pending migrations share that one
transaction: an upgrade is committed whole or not at all.
"""

from alembic import context

from gwa_desktop.storage.models import full_metadata
from gwa_desktop.storage.search_index import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=full_metadata(),
    render_as_batch=True,
    compare_type=True,
    # The full-text indexes exist beside the models, on one dialect each.
    include_object=include_object,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
