"""What the keeper marks on an item: its note, its category, its offence categories, and the
"sensitive: withhold from dossiers" mark.

Rule: these are the `Vault` methods that change an item's marks, kept apart from `vault.py` so
each file stays readable. Each change is written with its custody event (the old and the new
value) in one transaction; `verify/derived.py` compares every mark with the last one logged.
"""

from __future__ import annotations

from collections.abc import Sequence

from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import translate_db_errors as _translate_db_errors
from evidence_kit.storage.item_writes import update_item_field, update_offences, update_withhold_mark

WITHHOLD_REASON_MAX = 200  # a short reason ("intimate image"); the log is no place for an essay


class VaultMarks:
    """Mixed into `Vault`: an item's note, category, offence categories and withhold mark."""

    _db: VaultDatabase

    @_translate_db_errors
    def set_note(self, item_id: int, note: str) -> None:
        with self._db.write() as conn:
            update_item_field(self._db, conn, item_id, "note", note, EventType.NOTE_CHANGED)

    @_translate_db_errors
    def set_category(self, item_id: int, category: str) -> None:
        with self._db.write() as conn:
            update_item_field(self._db, conn, item_id, "category", category, EventType.CATEGORY_CHANGED)

    @_translate_db_errors
    def set_offences(self, item_id: int, offences: Sequence[str]) -> bool:
        """Give an item these offence categories (taxonomy ids; the caller checks them against
        `case/taxonomy.py`), logged with the old and the new ids; True when they changed."""
        with self._db.write() as conn:
            return update_offences(self._db, conn, item_id, offences)

    @_translate_db_errors
    def set_withhold(self, item_id: int, reason: str | None) -> bool:
        """Mark an item "sensitive: withhold from dossiers" with a short reason, or clear the
        mark with None. Logged with the old and the new reason; True when the mark changed."""
        if reason is not None:
            reason = " ".join(reason.split())[:WITHHOLD_REASON_MAX]
        with self._db.write() as conn:
            return update_withhold_mark(self._db, conn, item_id, reason)
