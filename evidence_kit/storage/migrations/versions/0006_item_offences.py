"""An item's offence categories: the taxonomy ids the keeper gave it (`case/taxonomy.py`).

Revision ID: 0006_item_offences
Revises: 0005_incidents
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_item_offences"
down_revision = "0005_incidents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The ids joined by commas, sorted ("" is none). Older items start with none, which is what
    # their custody log says (no `offences_changed` event was ever recorded for them).
    op.add_column("items", sa.Column("offences", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # A plain ALTER TABLE (SQLite 3.35+), not a batch copy: copying the table would drop its
    # append-only guard triggers with the old table.
    op.drop_column("items", "offences")
