"""The seal over what a dossier shows about an item besides its original bytes.

Rule: an item's facts and derived data — its name and path as given, kind, media type, the
importer and its version, the export it came from, every time with its source, and every piece
of derived data (parsed messages with senders, texts, times and flags; attachment links; image
facts; the import report; the thumbnail) — are written as one canonical document
(`seal_document`), and its SHA-256 enters the signed custody chain in the `item_added` event
written in the same transaction as the item, and again in the `item_parsed` / `item_reparsed`
event whenever what was read from the original is written (`item_parsing.py`); the last of
these events holds. `verify` rebuilds the document from the database
(`stored_seal`) and compares, so a row changed later with plain SQL is named, even by someone
who holds the passphrase, unless they also re-sign the chain (see docs/security.md).

The document's exact shape is specified in docs/verification.md, "The derived-data seal", so
another program can recompute it; change it only together with `SEAL_VERSION`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, select

from evidence_kit.domain import TimeSource, Timestamp
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.storage.custody import EventType, format_utc
from evidence_kit.storage.item_reads import IDS_PER_QUERY
from evidence_kit.storage.models import CustodyEvent, Derived, Item, ItemTime

SEAL_VERSION = 1


class DerivedLike(Protocol):
    """A piece of derived data as written (`NewDerived`) or as stored (a `Derived` row)."""

    @property
    def kind(self) -> str: ...
    @property
    def media_type(self) -> str: ...
    @property
    def producer(self) -> str: ...
    @property
    def producer_version(self) -> str: ...
    @property
    def data(self) -> bytes: ...


@dataclass(frozen=True)
class DerivedDigest:
    """What the seal keeps of one piece of derived data: its names, and its bytes' SHA-256 and size.

    Made as each piece is written (`digest_of`), so a conversation stored in many parts is
    sealed without ever holding all of its data.
    """

    kind: str
    media_type: str
    producer: str
    producer_version: str
    sha256: str
    size: int


def digest_of(extra: DerivedLike) -> DerivedDigest:
    return DerivedDigest(
        kind=extra.kind,
        media_type=extra.media_type,
        producer=extra.producer,
        producer_version=extra.producer_version,
        sha256=sha256_hex(extra.data),
        size=len(extra.data),
    )


def _wall(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="microseconds") if moment is not None else None


def _time(stamp: Timestamp) -> dict[str, Any]:
    return {
        "source": str(stamp.source),
        "utc": format_utc(stamp.utc) if stamp.utc is not None else None,
        "local": _wall(stamp.local),
        "offset_minutes": stamp.offset_minutes,
        "assumption": stamp.assumption,
    }


def seal_document(
    *,
    name: str,
    path: str,
    kind: str,
    media_type: str | None,
    importer: str,
    importer_version: str,
    parent: int | None,
    times: Sequence[Timestamp],
    derived: Iterable[DerivedDigest],
) -> dict[str, Any]:
    """The canonical document the seal hashes; times and derived data in the order they were stored."""
    return {
        "v": SEAL_VERSION,
        "name": name,
        "path": path,
        "kind": kind,
        "media_type": media_type,
        "importer": f"{importer}/{importer_version}",
        "parent": parent,
        "times": [_time(stamp) for stamp in times],
        "derived": [
            {
                "kind": extra.kind,
                "media_type": extra.media_type,
                "producer": f"{extra.producer}/{extra.producer_version}",
                "sha256": extra.sha256,
                "size": extra.size,
            }
            for extra in derived
        ],
    }


def seal_of(document: dict[str, Any]) -> str:
    """SHA-256 (hex) of the document's canonical JSON: the value in the `item_added` event."""
    return sha256_hex(canonical_json(document))


def stored_document(conn: Connection, item_id: int) -> dict[str, Any] | None:
    """The seal document rebuilt from what the database holds now (None: no such item)."""
    return stored_documents(conn, [item_id]).get(item_id)


def stored_documents(conn: Connection, item_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """`stored_document` of each of `item_ids` that exists, in three queries per `IDS_PER_QUERY`
    items rather than three per item (an export seals a thousand items before it starts)."""
    found: dict[int, dict[str, Any]] = {}
    wanted = list(dict.fromkeys(item_ids))
    for start in range(0, len(wanted), IDS_PER_QUERY):
        batch = wanted[start : start + IDS_PER_QUERY]
        items = {item.id: item for item in conn.execute(select(Item).where(Item.id.in_(batch)))}
        times: dict[int, list[Timestamp]] = {item_id: [] for item_id in items}
        for stamp in conn.execute(
            select(ItemTime).where(ItemTime.item_id.in_(batch)).order_by(ItemTime.id)
        ):
            times[stamp.item_id].append(
                Timestamp(
                    source=_source(stamp.source),
                    utc=stamp.utc,
                    local=stamp.local,
                    offset_minutes=stamp.offset_minutes,
                    assumption=stamp.assumption,
                )
            )
        # One row at a time, each reduced to its digest: a conversation of many parts is never held whole.
        derived: dict[int, list[DerivedDigest]] = {item_id: [] for item_id in items}
        query = select(Derived).where(Derived.item_id.in_(batch)).order_by(Derived.item_id, Derived.id)
        for piece in conn.execute(query):
            derived[piece.item_id].append(digest_of(piece))
        for item_id, item in items.items():
            found[item_id] = seal_document(
                name=item.original_name,
                path=item.original_path,
                kind=item.kind,
                media_type=item.media_type,
                importer=item.importer,
                importer_version=item.importer_version,
                parent=item.parent_id,
                times=times[item_id],
                derived=derived[item_id],
            )
    return found


def _source(value: str) -> Any:
    # A source the program does not know (a row edited by hand) must still be hashed as written,
    # so that the seal fails instead of the check raising: keep the raw text.
    try:
        return TimeSource(value)
    except ValueError:
        return value


@dataclass(frozen=True)
class SealState:
    """An item's seal as recorded in its `item_added` event, and as the database now yields it.

    `recorded` is None for an item imported before seals existed (nothing to compare with).
    """

    recorded: str | None
    found: str

    @property
    def broken(self) -> bool:
        return self.recorded is not None and self.recorded != self.found


# The events that record an item's seal; the last of them for an item is the one that holds.
SEALING_EVENTS = (EventType.ITEM_ADDED, EventType.ITEM_PARSED, EventType.ITEM_REPARSED)


def recorded_seals(conn: Connection, item_ids: Sequence[int]) -> dict[int, str | None]:
    """Item id -> the seal its last sealing event recorded (None when its events carry none)."""
    wanted = set(item_ids)
    found: dict[int, str | None] = {}
    rows = conn.execute(
        select(CustodyEvent.item_id, CustodyEvent.event_type, CustodyEvent.body)
        .where(CustodyEvent.event_type.in_(SEALING_EVENTS))
        .order_by(CustodyEvent.seq)
    )
    for item_id, event_type, body in rows:
        if item_id not in wanted:
            continue
        try:
            data = json.loads(body).get("data", {})
        except (ValueError, AttributeError):
            data = {}
        seal = data.get("seal") if isinstance(data, dict) else None
        if event_type == EventType.ITEM_ADDED or isinstance(seal, str):
            found[item_id] = seal if isinstance(seal, str) else None
    return found


def seal_states(conn: Connection, item_ids: Sequence[int]) -> dict[int, SealState]:
    """Item id -> its recorded and its current seal, for each of `item_ids` that exists."""
    recorded = recorded_seals(conn, item_ids)
    documents = stored_documents(conn, item_ids)
    return {
        item_id: SealState(recorded.get(item_id), seal_of(documents[item_id]))
        for item_id in item_ids
        if item_id in documents
    }
