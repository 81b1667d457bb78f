"""Writing evidence: an original streamed into chunks, with its times, derived data and custody event.

Rules this module keeps:
- Each item (or an export with the files it carries) is ONE transaction: the chunks, the
  times, the derived data and the `item_added` event commit together or not at all.
- Originals stream through in 1 MiB chunks; memory use never depends on a file's size, and
  the SHA-256 is computed in the same pass that stores the bytes (on a helper thread, while
  SQLCipher encrypts the chunk on this one).
- Derived data is stored beside its item and named in the item's custody event; it is never
  evidence itself. It may come as a lazy iterable (`store_derived`): each piece is written, its
  digest kept for the seal, and the piece let go, so a conversation of any size is stored in
  bounded memory.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import BinaryIO

from sqlalchemy import Connection, bindparam, insert, select, update

from evidence_kit.domain import ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.errors import (
    AlreadyInVaultError,
    CancelledError,
    EvidenceKitError,
    FileUnreadableError,
    ItemNotFoundError,
)
from evidence_kit.hashing import CHUNK_SIZE, read_chunks
from evidence_kit.progress import CancelToken
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.derived_seal import DerivedDigest, digest_of, seal_document, seal_of
from evidence_kit.storage.item_reads import offences_of
from evidence_kit.storage.models import Chunk, Derived, Item, ItemTime, table_of

# The statements of the write path, built once on the tables (not the ORM classes): building an
# ORM statement per call cost more Python time per item than SQLCipher's work on a small file.
_ITEMS = table_of(Item)
_INSERT_ITEM = insert(_ITEMS)
_FINISH_ITEM = (
    update(_ITEMS)
    .where(_ITEMS.c.id == bindparam("item_id"))
    .values(sha256=bindparam("sha256"), size=bindparam("size"), chunk_count=bindparam("chunk_count"))
)
_INSERT_CHUNK = insert(table_of(Chunk))
_INSERT_TIME = insert(table_of(ItemTime))
_INSERT_DERIVED = insert(table_of(Derived))

# Called inside the item's transaction once it is stored, with (connection, item id, SHA-256):
# the vault queues the item for a trusted time-stamp this way.
ItemStoredHook = Callable[[Connection, int, str], None]


@dataclass(frozen=True)
class NewItem:
    """What the vault needs to know to store one original, besides its bytes."""

    original_name: str
    original_path: str
    kind: ItemKind = ItemKind.FILE
    media_type: str | None = None
    importer: str = "file"
    importer_version: str = "1"
    note: str = ""
    parent_id: int | None = None
    times: tuple[Timestamp, ...] = ()


@dataclass(frozen=True)
class NewChild:
    """A file carried inside an export, to store as its own item linked to the export."""

    name: str  # the name the export's messages use for it
    open: Callable[[], BinaryIO]
    meta: NewItem
    # May be made lazily (a chat of a whole-account export, read while it is stored).
    derived: Iterable[NewDerived] = ()


@dataclass(frozen=True)
class NewDerived:
    """Derived data to store with an item, in the same transaction (never evidence itself)."""

    kind: str
    media_type: str
    data: bytes
    producer: str
    producer_version: str


def file_time(stat: os.stat_result) -> Timestamp:
    """A file's modification time as a file-metadata time (UTC, with the local offset then)."""
    local = datetime.fromtimestamp(stat.st_mtime).astimezone()
    return Timestamp.from_aware(local, TimeSource.FILE_METADATA)


class ItemWriter:
    """Stores originals into one vault's database; owns the helper thread that hashes beside the writes."""

    def __init__(self, db: VaultDatabase, on_stored: ItemStoredHook) -> None:
        self._db = db
        self._on_stored = on_stored
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-kit-hash")

    def close(self) -> None:
        self._hasher.shutdown(wait=True)

    @property
    def database(self) -> VaultDatabase:
        return self._db

    def store_in(
        self,
        conn: Connection,
        stream: BinaryIO,
        meta: NewItem,
        derived: Iterable[NewDerived],
        cancel: CancelToken | None,
        on_bytes: Callable[[int], None] | None,
    ) -> ItemSummary:
        """Store one original with its derived data and `item_added` event in the caller's transaction."""
        stored = self._store(conn, stream, meta, cancel=cancel, on_bytes=on_bytes)
        digests = store_derived(conn, stored.id, derived, cancel=cancel)
        self._added_event(conn, stored, meta, digests)
        return stored

    def insert_times(self, conn: Connection, item_id: int, times: Sequence[Timestamp]) -> None:
        if times:
            conn.execute(_INSERT_TIME, [_time_row(item_id, moment) for moment in times])

    def insert_derived(
        self, conn: Connection, item_id: int, derived: Iterable[NewDerived], cancel: CancelToken | None = None
    ) -> list[DerivedDigest]:
        """Write derived data one piece at a time (it may be made lazily); the digests of what was written."""
        return store_derived(conn, item_id, derived, cancel=cancel)

    def add_stream(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        derived: Sequence[NewDerived] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
        skip_duplicates: bool = False,
    ) -> ItemSummary:
        """Store one original from `stream`, with its times, derived data and custody event, atomically.

        The SHA-256 is known once the bytes are in, before the commit: an earlier item holding the
        same bytes is named in the `item_added` event (`duplicate_of`), or, with `skip_duplicates`,
        the whole item is rolled back and `AlreadyInVaultError` names that earlier item. Either
        way the file is read once (see `importers/duplicates.py`).
        """
        with self._db.write() as conn:
            stored = self._store(conn, stream, meta, cancel=cancel, on_bytes=on_bytes)
            earlier = earlier_copy(conn, stored.sha256, stored.id)
            if earlier is not None and skip_duplicates:
                # Raised inside the transaction: the chunks, times and item row roll back together.
                raise AlreadyInVaultError(path=meta.original_path, item=earlier)
            digests = store_derived(conn, stored.id, derived)
            self._added_event(conn, stored, meta, digests, duplicate_of=earlier)
        return stored

    def add_export(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        children: Sequence[NewChild] = (),
        derived: Callable[[dict[str, int]], Iterable[NewDerived]] = lambda _links: (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> tuple[list[ItemSummary], list[tuple[str, EvidenceKitError]]]:
        """Store an export with the files it carries as one transaction (see `Vault.add_export`)."""
        failures: list[tuple[str, EvidenceKitError]] = []
        links: dict[str, int] = {}
        children_stored: list[ItemSummary] = []
        with self._db.write() as conn:
            parent = self._store(conn, stream, meta, cancel=cancel, on_bytes=on_bytes)
            for child in children:
                child_meta = replace(child.meta, parent_id=parent.id)
                try:
                    with conn.begin_nested(), child.open() as child_stream:
                        stored = self._store(conn, child_stream, child_meta, cancel=cancel, on_bytes=on_bytes)
                        digests = store_derived(conn, stored.id, child.derived)
                        self._added_event(conn, stored, child_meta, digests)
                    links[child.name] = stored.id
                    children_stored.append(stored)
                except CancelledError:
                    raise
                except EvidenceKitError as exc:
                    failures.append((child.name, exc))
                except OSError as exc:
                    failures.append(
                        (child.name, FileUnreadableError(path=child.name, detail=exc.strerror or str(exc)))
                    )
            # The parent's derived data may be produced lazily (a conversation read while it is
            # stored, part by part): each piece is written and let go before the next is made.
            digests = store_derived(conn, parent.id, derived(links), cancel=cancel)
            self._added_event(conn, parent, meta, digests)
        items = [parent, *children_stored]
        return items, failures

    def _store(
        self,
        conn: Connection,
        stream: BinaryIO,
        meta: NewItem,
        *,
        cancel: CancelToken | None,
        on_bytes: Callable[[int], None] | None,
    ) -> ItemSummary:
        """Stream one original into chunks in the caller's transaction; returns what was stored."""
        imported = Timestamp.now()
        item_uuid = str(uuid.uuid4())
        item_id_row = conn.execute(
            _INSERT_ITEM,
            {
                "uuid": item_uuid,
                "kind": str(meta.kind),
                "sha256": "",
                "size": 0,
                "chunk_count": 0,
                "original_name": meta.original_name,
                "original_path": meta.original_path,
                "media_type": meta.media_type,
                "importer": meta.importer,
                "importer_version": meta.importer_version,
                "note": meta.note,
                "category": "",
                "parent_id": meta.parent_id,
                "imported_at_utc": imported.utc,
            },
        ).inserted_primary_key
        assert item_id_row is not None
        item_id = int(item_id_row[0])
        digest = hashlib.sha256()
        size = 0
        seq = 0
        for chunk in read_chunks(stream, CHUNK_SIZE):
            if cancel is not None:
                cancel.check()  # raising here rolls the unfinished item back
            # Hash this chunk on the helper thread while SQLCipher encrypts and writes it here:
            # both release the GIL, so on two cores the hash costs no extra time. One chunk at
            # a time, so the digest still sees the bytes in order.
            hashing = self._hasher.submit(digest.update, chunk)
            try:
                conn.execute(_INSERT_CHUNK, {"item_id": item_id, "seq": seq, "data": chunk})
            finally:
                hashing.result()
            seq += 1
            size += len(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
        sha256 = digest.hexdigest()
        conn.execute(_FINISH_ITEM, {"item_id": item_id, "sha256": sha256, "size": size, "chunk_count": seq})
        conn.execute(_INSERT_TIME, [_time_row(item_id, moment) for moment in (imported, *meta.times)])
        # Built from what was just written, not read back: the same values `item()` returns
        # (a test holds the two equal), without a second query per item.
        return ItemSummary(
            id=item_id,
            uuid=item_uuid,
            kind=ItemKind(str(meta.kind)),
            sha256=sha256,
            size=size,
            original_name=meta.original_name,
            original_path=meta.original_path,
            media_type=meta.media_type,
            importer=meta.importer,
            importer_version=meta.importer_version,
            note=meta.note,
            category="",
            parent_id=meta.parent_id,
            imported_at=imported,
            times=(imported, *meta.times),
        )

    def _added_event(
        self,
        conn: Connection,
        item: ItemSummary,
        meta: NewItem,
        derived: Sequence[DerivedDigest],
        duplicate_of: int | None = None,
    ) -> None:
        item_id, item_uuid, sha256, size = item.id, item.uuid, item.sha256, item.size
        self._on_stored(conn, item_id, sha256)  # e.g. queued for a time-stamp, never stamped in here
        # Only a duplicate carries the key, so every other event stays exactly as it was.
        again = {} if duplicate_of is None else {"duplicate_of": duplicate_of}
        self._db.append_event(
            conn,
            EventType.ITEM_ADDED,
            {
                **again,
                "item": item_id,
                "uuid": item_uuid,
                "sha256": sha256,
                "size": size,
                "name": meta.original_name,
                "path": meta.original_path,
                "kind": str(meta.kind),
                "importer": f"{meta.importer}/{meta.importer_version}",
                "parent": meta.parent_id,
                "derived": [d.kind for d in derived],
                "note": meta.note,
                # What the dossier will show as fact besides the bytes, sealed now (derived_seal.py).
                "seal": seal_of(
                    seal_document(
                        name=meta.original_name,
                        path=meta.original_path,
                        kind=str(meta.kind),
                        media_type=meta.media_type,
                        importer=meta.importer,
                        importer_version=meta.importer_version,
                        parent=meta.parent_id,
                        times=item.times,
                        derived=derived,
                    )
                ),
            },
            item_id=item_id,
        )


def earlier_copy(conn: Connection, sha256: str, other_than: int) -> int | None:
    """The first item (top-level or carried by an export) holding these bytes, if any (an indexed query)."""
    found = conn.execute(
        select(Item.id).where(Item.sha256 == sha256, Item.id != other_than).order_by(Item.id).limit(1)
    ).scalar_one_or_none()
    return None if found is None else int(found)


def _time_row(item_id: int, moment: Timestamp) -> dict[str, object]:
    return {
        "item_id": item_id,
        "source": str(moment.source),
        "utc": moment.utc,
        "local": moment.local,
        "offset_minutes": moment.offset_minutes,
        "assumption": moment.assumption,
    }


def store_derived(
    conn: Connection, item_id: int, derived: Iterable[NewDerived], *, cancel: CancelToken | None = None
) -> list[DerivedDigest]:
    """Write each piece of derived data in the caller's transaction, as it comes; return the digests
    the item's seal is made of (`derived_seal.seal_document`).

    `derived` may be a generator that reads its input while it is written (a conversation in
    parts): only one piece is held at a time, so memory does not depend on how much there is.
    """
    now = datetime.now(UTC)
    digests: list[DerivedDigest] = []
    for extra in derived:
        if cancel is not None:
            cancel.check()  # raising here rolls the whole item back
        conn.execute(
            _INSERT_DERIVED,
            {
                "item_id": item_id,
                "kind": extra.kind,
                "media_type": extra.media_type,
                "producer": extra.producer,
                "producer_version": extra.producer_version,
                "created_at_utc": now,
                "data": extra.data,
            },
        )
        digests.append(digest_of(extra))
        del extra  # let the piece go before the next is made (a loop variable lives on until then)
    return digests


def update_item_field(
    db: VaultDatabase, conn: Connection, item_id: int, field: str, value: str, event_type: str
) -> None:
    """Change an item's note or category, with an event holding the old and the new value."""
    column = {"note": Item.note, "category": Item.category}[field]
    old = conn.execute(select(column).where(Item.id == item_id)).scalar_one_or_none()
    if old is None:
        raise ItemNotFoundError(item_id=item_id)
    conn.execute(update(Item).where(Item.id == item_id).values({field: value}))
    db.append_event(conn, event_type, {"item": item_id, "old": old, "new": value}, item_id=item_id)


def update_offences(db: VaultDatabase, conn: Connection, item_id: int, offences: Sequence[str]) -> bool:
    """Give an item these offence categories (taxonomy ids), with an event holding the old and
    the new ids; nothing is logged when they are already these. True when they changed."""
    new = sorted(set(offences))
    stored = conn.execute(select(Item.offences).where(Item.id == item_id)).scalar_one_or_none()
    if stored is None:
        raise ItemNotFoundError(item_id=item_id)
    old = list(offences_of(stored))
    if old == new:
        return False
    conn.execute(update(Item).where(Item.id == item_id).values(offences=",".join(new)))
    db.append_event(
        conn, EventType.OFFENCES_CHANGED, {"item": item_id, "old": old, "new": new}, item_id=item_id
    )
    return True


def update_withhold_mark(db: VaultDatabase, conn: Connection, item_id: int, reason: str | None) -> bool:
    """Mark an item "sensitive: withhold from dossiers" with `reason`, or clear the mark (None).

    Each change is an event with the old and the new reason (`item_withheld` / `withhold_cleared`),
    so the log alone says which items were marked, when and why; `verify` compares the column
    with it. Nothing changes and nothing is logged when the mark is already as asked: True when
    it changed.
    """
    row = conn.execute(select(Item.id, Item.withhold_reason).where(Item.id == item_id)).one_or_none()
    if row is None:
        raise ItemNotFoundError(item_id=item_id)
    old = row.withhold_reason
    if old == reason:
        return False
    conn.execute(update(Item).where(Item.id == item_id).values(withhold_reason=reason))
    event = EventType.ITEM_WITHHELD if reason is not None else EventType.WITHHOLD_CLEARED
    db.append_event(conn, event, {"item": item_id, "old": old, "new": reason}, item_id=item_id)
    return True
