"""The vault's derived-data reads: parsed conversations, image facts, reports, seals.

Rule: these are the `Vault` methods that read an item's derived data (never its original),
kept apart from `vault.py` so each file stays readable. They use only the open database
(`_db`), set up by `Vault.__init__`; each read is one short read transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evidence_kit.storage import item_reads
from evidence_kit.storage.conversation_store import (
    StoredConversation,
    read_conversation,
    read_conversation_documents,
)
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import translate_db_errors as _translate_db_errors
from evidence_kit.storage.derived_seal import SealState, seal_states


class VaultDerivedReads:
    """Mixed into `Vault`: reading what was derived from the originals."""

    _db: VaultDatabase

    @_translate_db_errors
    def derived(self, item_id: int, kind: str) -> bytes | None:
        with self._db.read() as conn:
            return item_reads.read_derived(conn, item_id, kind)

    @_translate_db_errors
    def derived_many(self, item_id: int, kinds: Sequence[str]) -> dict[str, bytes]:
        """The newest derived data of each of `kinds` for one item, in one query (absent kinds left out)."""
        with self._db.read() as conn:
            return item_reads.read_derived_many(conn, item_id, kinds)

    @_translate_db_errors
    def derived_digests(self, item_id: int, kinds: Sequence[str]) -> list[tuple[str, str]]:
        """(kind, SHA-256) of the item's derived data of `kinds`, in the order stored."""
        with self._db.read() as conn:
            return item_reads.read_derived_digests(conn, item_id, kinds)

    @_translate_db_errors
    def items_with_derived(self, kind: str) -> set[int]:
        """The ids of the items that have derived data of `kind`, without reading it."""
        with self._db.read() as conn:
            return item_reads.read_items_with_derived(conn, kind)

    @_translate_db_errors
    def derived_of_items(self, item_ids: Sequence[int], kind: str) -> dict[int, bytes]:
        """Item id -> the newest derived data of `kind`, for many items in a few queries (absent left out).

        The evidence list reads every chat's messages, and a page of thumbnails, this way.
        """
        with self._db.read() as conn:
            return item_reads.read_derived_of_items(conn, item_ids, kind)

    @_translate_db_errors
    def conversation(self, item_id: int) -> StoredConversation | None:
        """The item's parsed messages in either stored form (None: none; ValueError: damaged)."""
        with self._db.read() as conn:
            return read_conversation(conn, item_id)

    @_translate_db_errors
    def conversation_documents(self, item_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Item id -> its conversation as one JSON document, for many items (unreadable left out)."""
        with self._db.read() as conn:
            return read_conversation_documents(conn, item_ids)

    @_translate_db_errors
    def seal_states(self, item_ids: Sequence[int]) -> dict[int, SealState]:
        """Item id -> its derived-data seal as recorded at import and as the database yields it now."""
        with self._db.read() as conn:
            return seal_states(conn, item_ids)
