"""An item's "sensitive: withhold from dossiers" mark, with the keeper's short reason.

Revision ID: 0004_withhold
Revises: 0003_tsa_roots
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_withhold"
down_revision = "0003_tsa_roots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL is "not marked"; the value is the reason the keeper gave. Older items start unmarked,
    # which is what their custody log says (no mark was ever recorded for them).
    op.add_column("items", sa.Column("withhold_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    # A plain ALTER TABLE (SQLite 3.35+), not a batch copy: copying the table would drop its
    # append-only guard triggers with the old table.
    op.drop_column("items", "withhold_reason")
