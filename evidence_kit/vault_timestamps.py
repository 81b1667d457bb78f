"""The vault's trusted time-stamps: what waits for an authority, the tokens stored, stamping.

Rule: these are the `Vault` methods about RFC 3161 time-stamps, kept apart from `vault.py`
so each file stays readable; they use only the open database (`_db`) and the lock that lets
one stamping run at a time (`_stamping`), both set up by `Vault.__init__`. The work itself
lives in `timestamping/` (queue and stamping); this only opens transactions around it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime

from cryptography import x509

from evidence_kit.progress import CancelToken
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import translate_db_errors as _translate_db_errors
from evidence_kit.timestamping import TsaConfig, stamping, user_roots
from evidence_kit.timestamping.queue import (
    ItemTimestamp,
    PendingTimestamp,
    StampReport,
    StoredTimestamp,
    enqueue_head,
    read_head_tokens,
    read_item_timestamps,
)
from evidence_kit.timestamping.user_roots import StoredTsaRoot


class VaultTimestamps:
    """Mixed into `Vault`: time-stamp queries and stamping for an open vault."""

    _db: VaultDatabase
    _stamping: threading.Lock

    @_translate_db_errors
    def pending_timestamps(self) -> list[PendingTimestamp]:
        """Work waiting for a time-stamp authority: items' SHA-256 values and custody-log heads."""
        return stamping.pending(self._db)

    @_translate_db_errors
    def request_head_timestamp(self) -> None:
        """Queue the custody log's current head for anchoring (after recording an export).

        `stamp_pending` then anchors the head as it is at that moment, which covers this one.
        """
        with self._db.write() as conn:
            enqueue_head(conn)

    @_translate_db_errors
    def item_timestamps(self, item_id: int) -> list[ItemTimestamp]:
        """The item's stored tokens, each with its inclusion proof, oldest first."""
        with self._db.read() as conn:
            return read_item_timestamps(conn, item_id).get(item_id, [])

    @_translate_db_errors
    def timestamps_by_item(self) -> dict[int, list[ItemTimestamp]]:
        """Item id -> its tokens with proofs, for every item that has one (items without are absent)."""
        with self._db.read() as conn:
            return read_item_timestamps(conn)

    def all_item_timestamps(self) -> list[tuple[int, str, datetime]]:
        """(item id, the TSA's own name, its signed time) for each token covering an item."""
        return [
            (item_id, stamp.token.tsa_name, stamp.token.gen_time)
            for item_id, stamps in self.timestamps_by_item().items()
            for stamp in stamps
        ]

    @_translate_db_errors
    def add_tsa_roots(self, certificates: Sequence[x509.Certificate], tsa_url: str) -> list[StoredTsaRoot]:
        """Keep roots the keeper trusts for time-stamping, each with a `tsa_ca_added` event; the new ones."""
        return user_roots.add_roots(self._db, certificates, tsa_url)

    @_translate_db_errors
    def tsa_roots(self) -> list[StoredTsaRoot]:
        """The roots the keeper added (`timestamp --tsa-ca`), oldest first."""
        with self._db.read() as conn:
            return user_roots.read_stored_roots(conn)

    @_translate_db_errors
    def head_timestamps(self) -> list[StoredTimestamp]:
        """The tokens anchoring the custody log's head, oldest first."""
        with self._db.read() as conn:
            return read_head_tokens(conn)

    @_translate_db_errors
    def stamp_pending(self, tsas: Sequence[TsaConfig], *, cancel: CancelToken | None = None) -> StampReport:
        """Stamp the queued items (one Merkle root per batch), then the custody log's head.

        The TSAs are asked in order, outside any transaction; each verified token is then stored
        with its proofs, the removal of the work it finished and a `timestamp_obtained` event, in
        one transaction. A TSA failure never raises: the work stays queued with one more attempt
        and the reason, and the report carries the error.
        """
        with self._stamping:
            return stamping.stamp_pending(self._db, tsas, cancel=cancel)
