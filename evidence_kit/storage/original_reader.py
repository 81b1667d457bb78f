"""A second, read-only connection to the vault, for reading originals on another thread.

Rule: the vault's own connection is never shared between threads. Work that reads originals
away from the vault's thread (the dossier's pictures, made while its pages are laid out) opens
this reader for itself: a keyed SQLCipher connection of its own, opened read-only (it cannot
change the vault, not even by rolling back a journal), and closed by that work when it ends.
Each original is read in one short read transaction, so it is whole and consistent with itself,
and a writer on the vault's connection waits at most that long.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from evidence_kit.errors import VaultDamagedError
from evidence_kit.storage.engine import CipherSettings, DatabaseError, connect
from evidence_kit.storage.models import Chunk

_READ_CHUNK = f"SELECT data FROM {Chunk.__tablename__} WHERE item_id = ? AND seq = ?"  # noqa: S608 (a constant)
_READ_CHUNKS = f"SELECT data FROM {Chunk.__tablename__} WHERE item_id = ? ORDER BY seq"  # noqa: S608 (a constant)


class OriginalReader:
    """An item's original bytes, whole (`read`) or chunk by chunk (`chunks`), over a read-only
    connection of its own.

    Use it on one thread (the one that opened it); `close()` when done. A database that cannot be
    read raises VaultDamagedError, as the vault's own reads do.
    """

    def __init__(self, db_path: Path, data_key: bytes, cipher: CipherSettings) -> None:
        self._folder = db_path.parent
        try:
            self._conn: Any = connect(db_path, data_key, cipher, read_only=True)
        except DatabaseError as exc:
            raise VaultDamagedError(path=self._folder, detail=str(exc)) from exc

    def read(self, item_id: int) -> bytes:
        """The original of `item_id` (empty when the vault holds no chunk of it)."""
        conn = self._conn
        # A deferred transaction: a shared lock for the length of this one read, never a write lock.
        try:
            conn.execute("BEGIN")
            try:
                rows = conn.execute(_READ_CHUNKS, (item_id,)).fetchall()
            finally:
                conn.execute("COMMIT")
        except DatabaseError as exc:
            raise VaultDamagedError(path=self._folder, detail=str(exc)) from exc
        return b"".join(row[0] for row in rows)

    def chunks(self, item_id: int) -> Iterator[bytes]:
        """The original of `item_id` one stored chunk at a time, each in a short read of its own
        (a large original is never held whole, and no lock is held while the caller writes it).
        Chunks are never changed once stored; the caller checks the whole against its hash."""
        seq = 0
        while True:
            try:
                row = self._conn.execute(_READ_CHUNK, (item_id, seq)).fetchone()
            except DatabaseError as exc:
                raise VaultDamagedError(path=self._folder, detail=str(exc)) from exc
            if row is None:
                return
            yield row[0]
            seq += 1

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> OriginalReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["OriginalReader"]
