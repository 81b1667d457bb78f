"""Stamping what waits in a vault's queue: items in Merkle batches, then the custody log's head.

Rules this module keeps:
- The time-stamp authorities are asked outside any transaction and without the vault's lock,
  so the app can go on writing while a request waits on the network.
- Each verified token is stored with its inclusion proofs, the removal of the work it finished
  and a `timestamp_obtained` custody event, in one transaction.
- A TSA failure never raises: the work stays queued with one more attempt and the reason, and
  the report carries the error. Only hashes leave the computer (see `client.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from evidence_kit.progress import CancelToken
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.models import VaultInfo
from evidence_kit.timestamping import (
    NoTsaConfiguredError,
    TimestampError,
    TsaConfig,
    build_merkle,
    stamp_digest,
)
from evidence_kit.timestamping.queue import (
    MAX_BATCH,
    SUBJECT_CUSTODY_HEAD,
    SUBJECT_ITEM,
    SUBJECT_MERKLE_ROOT,
    PendingTimestamp,
    StampReport,
    StoredTimestamp,
    enqueue_head,
    event_data,
    read_pending,
    record_failure,
    remove_heads_up_to,
    remove_queued,
    store_proofs,
    store_token,
)


def pending(db: VaultDatabase) -> list[PendingTimestamp]:
    with db.read() as conn:
        return read_pending(conn)


def stamp_pending(
    db: VaultDatabase, tsas: Sequence[TsaConfig], *, cancel: CancelToken | None = None
) -> StampReport:
    """Stamp the queued items (one Merkle root per batch), then the custody log's head."""
    waiting_work = pending(db)
    if not waiting_work:
        return StampReport()
    if not tsas:
        return StampReport(errors=(NoTsaConfiguredError(),), remaining=len(waiting_work))
    items = [p for p in waiting_work if p.subject == SUBJECT_ITEM and p.item_id is not None]
    heads = [p for p in waiting_work if p.subject == SUBJECT_CUSTODY_HEAD]
    tokens: list[StoredTimestamp] = []
    stamped: list[int] = []
    covered: list[tuple[int, tuple[int, ...]]] = []
    error: TimestampError | None = None
    for start in range(0, len(items), MAX_BATCH):
        if cancel is not None:
            cancel.check()
        batch = items[start : start + MAX_BATCH]
        token, error = _stamp_items(db, batch, tsas)
        if token is None:
            break
        tokens.append(token)
        batch_ids = tuple(p.item_id for p in batch if p.item_id is not None)
        stamped += batch_ids
        covered.append((token.id, batch_ids))
    anchored: int | None = None
    if error is None:
        if cancel is not None:
            cancel.check()
        token, error = _stamp_head(db, tsas)
        if token is not None:
            tokens.append(token)
            anchored = token.head_seq
    if error is not None:
        with db.write() as conn:
            done = set(stamped)
            waiting = [p.id for p in items if p.item_id not in done]
            if waiting or heads:
                record_failure(conn, [*waiting, *(p.id for p in heads)], error)
            else:  # the items are stamped but the head is not: keep its anchor queued
                enqueue_head(conn, attempts=1, error=error)
    return StampReport(
        tokens=tuple(tokens),
        items=tuple(stamped),
        head_seq=anchored,
        errors=(error,) if error is not None else (),
        remaining=len(pending(db)),
        token_items=tuple(covered),
    )


def _stamp_items(
    db: VaultDatabase, batch: Sequence[PendingTimestamp], tsas: Sequence[TsaConfig]
) -> tuple[StoredTimestamp | None, TimestampError | None]:
    digests = [bytes.fromhex(p.digest) for p in batch]
    # One item is stamped as itself, so `openssl ts -verify -data <file>` checks it directly.
    tree = build_merkle(digests) if len(batch) > 1 else None
    try:
        result = stamp_digest(tree.root if tree is not None else digests[0], tsas)
    except TimestampError as exc:
        return None, exc
    item_ids = [p.item_id for p in batch if p.item_id is not None]
    with db.write() as conn:
        token = store_token(conn, SUBJECT_MERKLE_ROOT if tree is not None else SUBJECT_ITEM, result)
        store_proofs(conn, token.id, item_ids, tree)
        remove_queued(conn, [p.id for p in batch])
        db.append_event(
            conn,
            EventType.TIMESTAMP_OBTAINED,
            event_data(token, item_ids),
            item_id=item_ids[0] if tree is None else None,
        )
    return token, None


def _stamp_head(
    db: VaultDatabase, tsas: Sequence[TsaConfig]
) -> tuple[StoredTimestamp | None, TimestampError | None]:
    with db.read() as conn:
        head_seq, head_hash = conn.execute(select(VaultInfo.head_seq, VaultInfo.head_hash)).one()
    try:
        result = stamp_digest(bytes.fromhex(head_hash), tsas)
    except TimestampError as exc:
        return None, exc
    with db.write() as conn:
        token = store_token(conn, SUBJECT_CUSTODY_HEAD, result, head_seq=head_seq)
        remove_heads_up_to(conn, head_seq)
        db.append_event(conn, EventType.TIMESTAMP_OBTAINED, event_data(token))
    return token, None
