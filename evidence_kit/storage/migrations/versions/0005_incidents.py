"""The incident log, the people register and the takedown notices: each version of each record
the keeper wrote down, sealed by its event.

Revision ID: 0005_incidents
Revises: 0004_withhold
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_incidents"
down_revision = "0004_withhold"
branch_labels = None
depends_on = None

# An incident entry is evidence like an item: an edit adds a version, and no version is ever
# changed or removed. Each version's SHA-256 is also in its custody event, so a key holder who
# drops these guards and rewrites a version is still caught by `verify`.
TRIGGERS = {
    "incident_versions_no_update": "BEFORE UPDATE ON incident_versions BEGIN "
    "SELECT RAISE(ABORT, 'incident versions are immutable'); END",
    "incident_versions_no_delete": "BEFORE DELETE ON incident_versions BEGIN "
    "SELECT RAISE(ABORT, 'incident versions are immutable'); END",
    "person_versions_no_update": "BEFORE UPDATE ON person_versions BEGIN "
    "SELECT RAISE(ABORT, 'person versions are immutable'); END",
    "person_versions_no_delete": "BEFORE DELETE ON person_versions BEGIN "
    "SELECT RAISE(ABORT, 'person versions are immutable'); END",
    "notice_versions_no_update": "BEFORE UPDATE ON notice_versions BEGIN "
    "SELECT RAISE(ABORT, 'notice versions are immutable'); END",
    "notice_versions_no_delete": "BEFORE DELETE ON notice_versions BEGIN "
    "SELECT RAISE(ABORT, 'notice versions are immutable'); END",
}


TABLES = (
    ("incident_versions", "incident_id"),
    ("person_versions", "person_id"),
    ("notice_versions", "notice_id"),
)


def upgrade() -> None:
    for table, number in TABLES:
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column(number, sa.Integer(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("recorded_at_utc", sa.String(length=32), nullable=False),
            sa.Column("event_seq", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint(number, "version", name=op.f(f"uq_{table}_{number}")),
        )
        op.create_index(op.f(f"ix_{table}_{number}"), table, [number], unique=False)
    for name, definition in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {definition}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, number in TABLES:
        op.drop_index(op.f(f"ix_{table}_{number}"), table_name=table)
        op.drop_table(table)
