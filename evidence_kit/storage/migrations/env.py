"""Alembic environment: runs only in-process, on the vault's own keyed connection.

Rule: migrations never open the database themselves (they could not: it is encrypted);
`storage/migrate.py` hands over the connection in `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from evidence_kit.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
