"""The database's own guards: the triggers that make the custody log, chunks, items and tokens append-only.

Rule: the migrations create these triggers and nothing ever drops them; `verify` checks that
each one is still in the schema. Someone who holds the key can drop a trigger to rewrite a row,
so a missing guard is reported as an integrity problem of its own: it names what was possible,
even where the rewritten rows happen to be caught by other checks too. When a migration adds a
guard, add its name here (a test compares this list with what a new vault holds).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

GUARDS = frozenset(
    {
        # 0001_initial
        "custody_events_no_update",
        "custody_events_no_delete",
        "chunks_no_update",
        "chunks_no_delete",
        "items_no_delete",
        "items_fixed_identity",
        # 0002_timestamps
        "timestamp_tokens_no_update",
        "timestamp_tokens_no_delete",
        "timestamp_proofs_no_update",
        "timestamp_proofs_no_delete",
        # 0003_tsa_roots
        "tsa_roots_no_update",
        "tsa_roots_no_delete",
        # 0005_incidents (0006_item_offences adds no guard: items already have theirs)
        "incident_versions_no_update",
        "incident_versions_no_delete",
        "person_versions_no_update",
        "person_versions_no_delete",
        "notice_versions_no_update",
        "notice_versions_no_delete",
    }
)


def present_guards(conn: Connection) -> frozenset[str]:
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
    return frozenset(str(name) for name in rows)
