"""Root certificates of time-stamp authorities that the vault's keeper chose to trust.

Revision ID: 0003_tsa_roots
Revises: 0002_timestamps
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_tsa_roots"
down_revision = "0002_timestamps"
branch_labels = None
depends_on = None

# A root the keeper vouched for is part of the record of trust: like the custody log, it is
# only ever added. Its `tsa_ca_added` custody event carries its SHA-256, so a key holder who
# drops these guards and slips in another root is still caught by `verify`.
TRIGGERS = {
    "tsa_roots_no_update": "BEFORE UPDATE ON tsa_roots BEGIN "
    "SELECT RAISE(ABORT, 'trusted roots are immutable'); END",
    "tsa_roots_no_delete": "BEFORE DELETE ON tsa_roots BEGIN "
    "SELECT RAISE(ABORT, 'trusted roots are immutable'); END",
}


def upgrade() -> None:
    op.create_table(
        "tsa_roots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("der", sa.LargeBinary(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("tsa_url", sa.Text(), nullable=False),
        sa.Column("added_at_utc", sa.String(length=32), nullable=False),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tsa_roots")),
        sa.UniqueConstraint("sha256", name=op.f("uq_tsa_roots_sha256")),
    )
    for name, definition in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {definition}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("tsa_roots")
