"""Trusted timestamps: the queue of work for a time-stamp authority, the tokens, the inclusion proofs.

Revision ID: 0002_timestamps
Revises: 0001_initial
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_timestamps"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# Tokens and proofs are evidence of when: like the custody log, they are only ever added.
# The queue is work in progress and changes freely. A key holder can drop these guards;
# `verify` checks every token against its TSA signature and the custody log regardless.
TRIGGERS = {
    "timestamp_tokens_no_update": "BEFORE UPDATE ON timestamp_tokens BEGIN "
    "SELECT RAISE(ABORT, 'stored time-stamps are immutable'); END",
    "timestamp_tokens_no_delete": "BEFORE DELETE ON timestamp_tokens BEGIN "
    "SELECT RAISE(ABORT, 'stored time-stamps are immutable'); END",
    "timestamp_proofs_no_update": "BEFORE UPDATE ON timestamp_proofs BEGIN "
    "SELECT RAISE(ABORT, 'stored time-stamps are immutable'); END",
    "timestamp_proofs_no_delete": "BEFORE DELETE ON timestamp_proofs BEGIN "
    "SELECT RAISE(ABORT, 'stored time-stamps are immutable'); END",
}


def upgrade() -> None:
    op.create_table(
        "timestamp_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("head_seq", sa.Integer(), nullable=True),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_utc", sa.String(length=32), nullable=True),
        sa.Column("last_error_template", sa.Text(), nullable=True),
        sa.Column("last_error_params", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_timestamp_queue_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timestamp_queue")),
    )
    op.create_index(op.f("ix_timestamp_queue_item_id"), "timestamp_queue", ["item_id"], unique=False)
    op.create_table(
        "timestamp_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("response_der", sa.LargeBinary(), nullable=False),
        sa.Column("tsa_config_name", sa.Text(), nullable=False),
        sa.Column("tsa_url", sa.Text(), nullable=False),
        sa.Column("tsa_name", sa.Text(), nullable=False),
        sa.Column("gen_time_utc", sa.String(length=32), nullable=False),
        sa.Column("serial_number", sa.String(length=64), nullable=False),
        sa.Column("policy_oid", sa.String(length=128), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=True),
        sa.Column("chain_pem", sa.LargeBinary(), nullable=False),
        sa.Column("root_pem", sa.LargeBinary(), nullable=False),
        sa.Column("head_seq", sa.Integer(), nullable=True),
        sa.Column("obtained_at_utc", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timestamp_tokens")),
    )
    op.create_index(op.f("ix_timestamp_tokens_digest"), "timestamp_tokens", ["digest"], unique=False)
    op.create_table(
        "timestamp_proofs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("leaf_index", sa.Integer(), nullable=False),
        sa.Column("tree_size", sa.Integer(), nullable=False),
        sa.Column("proof_steps", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_timestamp_proofs_item_id_items")),
        sa.ForeignKeyConstraint(
            ["token_id"], ["timestamp_tokens.id"], name=op.f("fk_timestamp_proofs_token_id_timestamp_tokens")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timestamp_proofs")),
        sa.UniqueConstraint("item_id", "token_id", name=op.f("uq_timestamp_proofs_item_id")),
    )
    op.create_index(op.f("ix_timestamp_proofs_item_id"), "timestamp_proofs", ["item_id"], unique=False)
    op.create_index(op.f("ix_timestamp_proofs_token_id"), "timestamp_proofs", ["token_id"], unique=False)
    for name, definition in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {definition}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_timestamp_proofs_token_id"), table_name="timestamp_proofs")
    op.drop_index(op.f("ix_timestamp_proofs_item_id"), table_name="timestamp_proofs")
    op.drop_table("timestamp_proofs")
    op.drop_index(op.f("ix_timestamp_tokens_digest"), table_name="timestamp_tokens")
    op.drop_table("timestamp_tokens")
    op.drop_index(op.f("ix_timestamp_queue_item_id"), table_name="timestamp_queue")
    op.drop_table("timestamp_queue")
