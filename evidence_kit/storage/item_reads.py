"""Reading evidence: item summaries, derived data and the original's chunks, in the caller's connection.

Rule: reads hand out domain objects and bytes, never database rows; a query over many items
binds at most `IDS_PER_QUERY` ids at once (SQLite's variable limit), and an original is read
one stored chunk at a time, so memory never depends on a file's size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from evidence_kit.domain import ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.errors import ItemNotFoundError
from evidence_kit.storage.models import Chunk, Derived, Item, ItemTime

IDS_PER_QUERY = 500  # ids bound into one IN (...) list, well below SQLite's variable limit


def summary(row: Item, times: Iterable[ItemTime]) -> ItemSummary:
    """One stored item with its times, as the domain object every face shows."""
    stamps = tuple(
        Timestamp(
            source=TimeSource(t.source),
            utc=t.utc,
            local=t.local,
            offset_minutes=t.offset_minutes,
            assumption=t.assumption,
        )
        for t in times
    )
    imported = next(
        (s for s in stamps if s.source == TimeSource.IMPORT_CLOCK),
        Timestamp(source=TimeSource.IMPORT_CLOCK, utc=row.imported_at_utc),
    )
    return ItemSummary(
        id=row.id,
        uuid=row.uuid,
        kind=ItemKind(row.kind),
        sha256=row.sha256,
        size=row.size,
        original_name=row.original_name,
        original_path=row.original_path,
        media_type=row.media_type,
        importer=row.importer,
        importer_version=row.importer_version,
        note=row.note,
        category=row.category,
        parent_id=row.parent_id,
        imported_at=imported,
        times=stamps,
        withhold_reason=row.withhold_reason,
        offences=offences_of(row.offences),
    )


def offences_of(stored: str | None) -> tuple[str, ...]:
    """The taxonomy ids an item's `offences` column holds."""
    return tuple(part for part in (stored or "").split(",") if part)


def read_items(conn: Connection) -> list[ItemSummary]:
    rows = conn.execute(select(Item).order_by(Item.id)).all()
    times: dict[int, list[Any]] = {}
    for t in conn.execute(select(ItemTime).order_by(ItemTime.id)):
        times.setdefault(t.item_id, []).append(t)
    return [summary(row, times.get(row.id, [])) for row in rows]  # type: ignore[arg-type]


def read_item(conn: Connection, item_id: int) -> ItemSummary:
    row = conn.execute(select(Item).where(Item.id == item_id)).one_or_none()
    if row is None:
        raise ItemNotFoundError(item_id=item_id)
    times = conn.execute(select(ItemTime).where(ItemTime.item_id == item_id).order_by(ItemTime.id)).all()
    return summary(row, times)  # type: ignore[arg-type]


def read_derived(conn: Connection, item_id: int, kind: str) -> bytes | None:
    """The newest derived data of `kind` for one item, or None."""
    return conn.execute(
        select(Derived.data)
        .where(Derived.item_id == item_id, Derived.kind == kind)
        .order_by(Derived.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def read_derived_many(conn: Connection, item_id: int, kinds: Sequence[str]) -> dict[str, bytes]:
    """The newest derived data of each of `kinds` for one item, in one query (absent kinds left out)."""
    found: dict[str, bytes] = {}
    rows = conn.execute(
        select(Derived.kind, Derived.data)
        .where(Derived.item_id == item_id, Derived.kind.in_(list(kinds)))
        .order_by(Derived.id)
    )
    for kind, data in rows:
        found[kind] = data  # ordered by id: the newest of a kind wins
    return found


def read_derived_of_items(conn: Connection, item_ids: Sequence[int], kind: str) -> dict[int, bytes]:
    """Item id -> the newest derived data of `kind`, for many items in a few queries (absent left out)."""
    found: dict[int, bytes] = {}
    wanted = list(dict.fromkeys(item_ids))
    for start in range(0, len(wanted), IDS_PER_QUERY):
        rows = conn.execute(
            select(Derived.item_id, Derived.data)
            .where(Derived.kind == kind, Derived.item_id.in_(wanted[start : start + IDS_PER_QUERY]))
            .order_by(Derived.id)
        )
        for item_id, data in rows:
            found[item_id] = data  # ordered by id: the newest wins
    return found


def read_items_with_derived(conn: Connection, kind: str) -> set[int]:
    """The ids of the items that have derived data of `kind` (the data itself is not read)."""
    return set(conn.execute(select(Derived.item_id).where(Derived.kind == kind).distinct()).scalars())


def read_derived_digests(conn: Connection, item_id: int, kinds: Sequence[str]) -> list[tuple[str, str]]:
    """(kind, SHA-256) of each piece of derived data of `kinds`, in the order stored; one row at a
    time, so a conversation stored in many parts is never held whole."""
    query = (
        select(Derived.kind, Derived.data)
        .where(Derived.item_id == item_id, Derived.kind.in_(tuple(kinds)))
        .order_by(Derived.id)
    )
    return [(kind, hashlib.sha256(data).hexdigest()) for kind, data in conn.execute(query)]


def read_chunk(conn: Connection, item_id: int, seq: int) -> bytes | None:
    """Chunk `seq` of an item's original, or None past the last one."""
    return conn.execute(
        select(Chunk.data).where(Chunk.item_id == item_id, Chunk.seq == seq)
    ).scalar_one_or_none()
