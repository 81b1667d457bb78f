"""The first vault schema: items, chunks, times, derived data, custody log, the vault's own secrets.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

# Append-only and immutability guards. A key holder can drop them; `verify` catches that.
TRIGGERS = {
    "custody_events_no_update": "BEFORE UPDATE ON custody_events BEGIN "
    "SELECT RAISE(ABORT, 'the custody log is append-only'); END",
    "custody_events_no_delete": "BEFORE DELETE ON custody_events BEGIN "
    "SELECT RAISE(ABORT, 'the custody log is append-only'); END",
    "chunks_no_update": "BEFORE UPDATE ON chunks BEGIN "
    "SELECT RAISE(ABORT, 'stored originals are immutable'); END",
    "chunks_no_delete": "BEFORE DELETE ON chunks BEGIN "
    "SELECT RAISE(ABORT, 'stored originals are immutable'); END",
    "items_no_delete": "BEFORE DELETE ON items BEGIN "
    "SELECT RAISE(ABORT, 'evidence items are never deleted'); END",
    # An item row is written with an empty sha256 first and completed once, in the same
    # transaction, after its chunks have streamed in; from then on its identity is fixed.
    "items_fixed_identity": "BEFORE UPDATE OF uuid, sha256, size, chunk_count, original_name, original_path, "
    "imported_at_utc ON items WHEN OLD.sha256 != '' "
    "BEGIN SELECT RAISE(ABORT, 'an item''s identity and hash are immutable'); END",
}


def upgrade() -> None:
    op.create_table(
        "vault_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vault_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_title", sa.Text(), nullable=False),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.Column("signing_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("signing_public_key", sa.LargeBinary(), nullable=False),
        sa.Column("head_seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_info")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("chunk_count", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=255), nullable=True),
        sa.Column("importer", sa.String(length=64), nullable=False),
        sa.Column("importer_version", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("imported_at_utc", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["items.id"], name=op.f("fk_items_parent_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_items_uuid")),
    )
    op.create_index(op.f("ix_items_sha256"), "items", ["sha256"], unique=False)
    op.create_table(
        "chunks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_chunks_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chunks")),
        sa.UniqueConstraint("item_id", "seq", name=op.f("uq_chunks_item_id")),
    )
    op.create_table(
        "item_times",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("utc", sa.String(length=32), nullable=True),
        sa.Column("local", sa.String(length=32), nullable=True),
        sa.Column("offset_minutes", sa.Integer(), nullable=True),
        sa.Column("assumption", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_item_times_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_times")),
    )
    op.create_index(op.f("ix_item_times_item_id"), "item_times", ["item_id"], unique=False)
    op.create_table(
        "derived",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=255), nullable=False),
        sa.Column("producer", sa.String(length=64), nullable=False),
        sa.Column("producer_version", sa.String(length=32), nullable=False),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_derived_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_derived")),
    )
    op.create_index(op.f("ix_derived_item_id"), "derived", ["item_id"], unique=False)
    op.create_table(
        "custody_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("at_utc", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_custody_events")),
    )
    op.create_index(op.f("ix_custody_events_item_id"), "custody_events", ["item_id"], unique=False)
    op.create_table(
        "vault_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_vault_secrets")),
    )
    for name, definition in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {definition}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("vault_secrets")
    op.drop_index(op.f("ix_custody_events_item_id"), table_name="custody_events")
    op.drop_table("custody_events")
    op.drop_index(op.f("ix_derived_item_id"), table_name="derived")
    op.drop_table("derived")
    op.drop_index(op.f("ix_item_times_item_id"), table_name="item_times")
    op.drop_table("item_times")
    op.drop_table("chunks")
    op.drop_index(op.f("ix_items_sha256"), table_name="items")
    op.drop_table("items")
    op.drop_table("vault_info")
