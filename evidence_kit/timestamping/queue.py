"""The vault's side of trusted timestamps: the offline queue, stored tokens and inclusion proofs.

Rules this module keeps:
- Only SQL on a connection the caller holds: each function runs inside the caller's
  transaction, so an item and its queue row, or a token, its proofs, the removal of the work
  it finished and its custody event, are written together or not at all. No network here;
  `vault.stamp_pending` asks the TSA first and writes afterwards.
- A token is stored exactly as received (the whole DER TimeStampResp) beside the facts it
  verified to, and is never changed or deleted (database triggers refuse it).
- What a token stamps is explicit (`subject`): one item's SHA-256 ("item"), the Merkle root of
  a batch of items ("merkle_root", docs/timestamps.md), or the custody log's head hash after
  event `head_seq` ("custody_head").
- A failed attempt never loses work: the row stays, counts `attempts` up and keeps the reason
  as an English template with its parameters, translated only when shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.custody import format_utc
from evidence_kit.storage.models import (
    Item,
    TimestampProof,
    TimestampQueue,
    TimestampToken,
    VaultInfo,
    table_of,
)
from evidence_kit.timestamping import (
    MerkleTree,
    NoTsaAnsweredError,
    StampResult,
    TimestampError,
    openssl_verify_command,
)
from evidence_kit.timestamping.subjects import TokenSubject, covered_digest

# The subjects as plain strings, as the database stores them (names in subjects.py).
SUBJECT_ITEM = TokenSubject.ITEM.value
SUBJECT_MERKLE_ROOT = TokenSubject.MERKLE_ROOT.value
SUBJECT_CUSTODY_HEAD = TokenSubject.CUSTODY_HEAD.value

MAX_BATCH = 10_000
"""Items per token. A proof grows with log2 of the batch, but the custody event of a token lists
its item ids, so a very large offline backlog is stamped as several batches."""


@dataclass(frozen=True)
class PendingTimestamp:
    """One piece of queued work, with what went wrong the last time it was tried."""

    id: int
    subject: str  # SUBJECT_ITEM or SUBJECT_CUSTODY_HEAD
    item_id: int | None
    digest: str
    head_seq: int | None
    created_at: datetime
    attempts: int
    last_attempt_at: datetime | None
    last_error_template: str | None
    last_error_params: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StoredTimestamp:
    """A token as stored: the `.tsr` bytes and everything needed to check it without us."""

    id: int
    subject: str  # SUBJECT_ITEM, SUBJECT_MERKLE_ROOT or SUBJECT_CUSTODY_HEAD
    digest: str  # hex of the stamped SHA-256 (the token's message imprint)
    response_der: bytes = field(repr=False)  # the whole TimeStampResp, byte for byte as the TSA sent it
    tsa_config_name: str  # the name the user configured (or the URL given on the command line)
    tsa_url: str
    tsa_name: str  # the TSA's own name from the token (or its certificate's subject)
    gen_time: datetime  # aware UTC: the TSA's signed time
    serial_number: int
    policy_oid: str
    nonce: int | None
    chain_pem: bytes = field(repr=False)  # signer and intermediates: `openssl ts -verify -untrusted`
    root_pem: bytes = field(repr=False)  # the root that vouched when it was stored: `-CAfile`
    head_seq: int | None  # SUBJECT_CUSTODY_HEAD: the last event the anchored head covers
    obtained_at: datetime  # this computer's clock when the token was stored

    def openssl_command(self, token_file: str, ca_file: str, untrusted_file: str | None) -> list[str]:
        """`openssl ts -verify` for this token against its stamped digest (for VERIFY.txt)."""
        return openssl_verify_command(
            token_file, digest_hex=self.digest, ca_file=ca_file, untrusted_file=untrusted_file
        )


@dataclass(frozen=True)
class ItemTimestamp:
    """One item covered by one token. For a batch, `steps` lead from the item's SHA-256 to the
    token's digest (docs/timestamps.md: start with SHA-256(0x00 || item), apply each step);
    for a token over the item alone (subject "item") there are no steps and the token's digest
    is the item's SHA-256 itself."""

    item_id: int
    item_sha256: str
    token: StoredTimestamp
    leaf_index: int
    tree_size: int
    steps: tuple[str, ...]

    def recomputed_digest(self) -> str | None:
        """The digest the token must carry, computed from the item's SHA-256 and the proof."""
        return covered_digest(self.token.subject, self.item_sha256, self.steps)

    @property
    def covers_item(self) -> bool:
        return self.recomputed_digest() == self.token.digest


@dataclass(frozen=True)
class StampReport:
    """What one `stamp_pending` run did. It never raises for a TSA's failure: `errors` say why
    work stayed queued (each a `TimestampError`; `NoTsaAnsweredError.failures` holds each TSA's)."""

    tokens: tuple[StoredTimestamp, ...] = ()
    items: tuple[int, ...] = ()  # item ids time-stamped in this run
    head_seq: int | None = None  # the custody event up to which the log head was anchored
    errors: tuple[TimestampError, ...] = ()
    remaining: int = 0  # queue rows still waiting after this run
    token_items: tuple[tuple[int, tuple[int, ...]], ...] = ()  # (token id, the item ids it covers)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def did_anything(self) -> bool:
        return bool(self.tokens or self.errors)


def most_specific(error: TimestampError) -> TimestampError:
    """The error to show and keep: the single TSA's own reason when only one was tried."""
    if isinstance(error, NoTsaAnsweredError) and len(error.failures) == 1:
        return error.failures[0]
    return error


# ----------------------------------------------------------------------------- queue


# Built once on the table: this runs in every item's transaction (see vault.py's write path).
_INSERT_QUEUED = insert(table_of(TimestampQueue))


def enqueue_item(conn: Connection, item_id: int, sha256: str) -> None:
    """Queue an item's SHA-256 for a time-stamp, in the transaction that stores the item."""
    conn.execute(
        _INSERT_QUEUED,
        {
            "subject": SUBJECT_ITEM,
            "item_id": item_id,
            "digest": sha256,
            "created_at_utc": datetime.now(UTC),
            "attempts": 0,
        },
    )


def enqueue_head(conn: Connection, *, attempts: int = 0, error: TimestampError | None = None) -> None:
    """Queue the custody log's current head for anchoring (after an export, or a failed anchor)."""
    head_seq, head_hash = conn.execute(select(VaultInfo.head_seq, VaultInfo.head_hash)).one()
    now = datetime.now(UTC)
    conn.execute(
        insert(TimestampQueue).values(
            subject=SUBJECT_CUSTODY_HEAD,
            digest=head_hash,
            head_seq=head_seq,
            created_at_utc=now,
            attempts=attempts,
            last_attempt_utc=now if error is not None else None,
            **_error_columns(most_specific(error) if error is not None else None),
        )
    )


def _error_columns(error: EvidenceKitError | None) -> dict[str, str | None]:
    if error is None:
        return {"last_error_template": None, "last_error_params": None}
    return {
        "last_error_template": error.template,
        "last_error_params": json.dumps({str(k): str(v) for k, v in error.params.items()}, sort_keys=True),
    }


def _params(raw: str | None) -> tuple[tuple[str, str], ...]:
    if not raw:
        return ()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return ()
    return tuple(sorted((str(k), str(v)) for k, v in data.items())) if isinstance(data, dict) else ()


def read_pending(conn: Connection) -> list[PendingTimestamp]:
    """Every queued piece of work, oldest first."""
    rows = conn.execute(select(TimestampQueue).order_by(TimestampQueue.id)).all()
    return [
        PendingTimestamp(
            id=row.id,
            subject=row.subject,
            item_id=row.item_id,
            digest=row.digest,
            head_seq=row.head_seq,
            created_at=row.created_at_utc,
            attempts=row.attempts,
            last_attempt_at=row.last_attempt_utc,
            last_error_template=row.last_error_template,
            last_error_params=_params(row.last_error_params),
        )
        for row in rows
    ]


def record_failure(conn: Connection, queue_ids: Iterable[int], error: TimestampError) -> None:
    """One more failed attempt for these rows, keeping the reason; the work stays queued."""
    ids = list(queue_ids)
    if not ids:
        return
    conn.execute(
        update(TimestampQueue)
        .where(TimestampQueue.id.in_(ids))
        .values(
            attempts=TimestampQueue.attempts + 1,
            last_attempt_utc=datetime.now(UTC),
            **_error_columns(most_specific(error)),
        )
    )


def remove_queued(conn: Connection, queue_ids: Iterable[int]) -> None:
    ids = list(queue_ids)
    if ids:
        conn.execute(delete(TimestampQueue).where(TimestampQueue.id.in_(ids)))


def remove_heads_up_to(conn: Connection, head_seq: int) -> None:
    """An anchor of the head after event n also anchors every earlier head: their requests are done."""
    conn.execute(
        delete(TimestampQueue).where(
            TimestampQueue.subject == SUBJECT_CUSTODY_HEAD, TimestampQueue.head_seq <= head_seq
        )
    )


# ----------------------------------------------------------------------------- tokens


def store_token(
    conn: Connection, subject: str, result: StampResult, *, head_seq: int | None = None
) -> StoredTimestamp:
    """Store a verified token in the caller's transaction."""
    info = result.info
    now = datetime.now(UTC)
    values = {
        "subject": subject,
        "digest": info.digest.hex(),
        "response_der": bytes(result.response_der),
        "tsa_config_name": result.tsa.name,
        "tsa_url": result.tsa.url,
        "tsa_name": info.tsa_name,
        "gen_time_utc": info.gen_time,
        "serial_number": str(info.serial_number),
        "policy_oid": info.policy_oid,
        "nonce": str(info.nonce) if info.nonce is not None else None,
        "chain_pem": info.chain_pem,
        "root_pem": info.root_pem,
        "head_seq": head_seq,
        "obtained_at_utc": now,
    }
    key = conn.execute(insert(TimestampToken).values(**values)).inserted_primary_key
    assert key is not None
    row = conn.execute(select(TimestampToken).where(TimestampToken.id == int(key[0]))).one()
    return _stored(row)


def store_proofs(conn: Connection, token_id: int, item_ids: Sequence[int], tree: MerkleTree | None) -> None:
    """Link each item to its token: its Merkle proof, or (tree None) leaf 0 of 1 for a direct stamp."""
    for index, item_id in enumerate(item_ids):
        steps: tuple[str, ...]
        if tree is None:
            leaf_index, size, steps = 0, 1, ()
        else:
            proof = tree.proof(index)
            leaf_index, size, steps = proof.leaf_index, proof.tree_size, proof.steps()
        conn.execute(
            insert(TimestampProof).values(
                item_id=item_id,
                token_id=token_id,
                leaf_index=leaf_index,
                tree_size=size,
                proof_steps=json.dumps(list(steps)),
            )
        )


def event_data(token: StoredTimestamp, item_ids: Sequence[int] = ()) -> dict[str, object]:
    """The `data` of the custody event that records a token (docs/timestamps.md)."""
    data: dict[str, object] = {
        "token": token.id,
        "subject": token.subject,
        "digest": token.digest,
        "tsa": token.tsa_config_name,
        "tsa_url": token.tsa_url,
        "tsa_name": token.tsa_name,
        "gen_time": format_utc(token.gen_time),
        "serial": str(token.serial_number),
        "token_sha256": hashlib.sha256(token.response_der).hexdigest(),
    }
    if token.subject == SUBJECT_CUSTODY_HEAD:
        data["head_seq"] = token.head_seq
    else:
        data["items"] = list(item_ids)
    return data


def _stored(row: Any) -> StoredTimestamp:
    return StoredTimestamp(
        id=row.id,
        subject=row.subject,
        digest=row.digest,
        response_der=bytes(row.response_der),
        tsa_config_name=row.tsa_config_name,
        tsa_url=row.tsa_url,
        tsa_name=row.tsa_name,
        gen_time=row.gen_time_utc,
        serial_number=int(row.serial_number),
        policy_oid=row.policy_oid,
        nonce=int(row.nonce) if row.nonce is not None else None,
        chain_pem=bytes(row.chain_pem),
        root_pem=bytes(row.root_pem),
        head_seq=row.head_seq,
        obtained_at=row.obtained_at_utc,
    )


def read_tokens(conn: Connection) -> list[StoredTimestamp]:
    """Every stored token, in the order obtained."""
    rows = conn.execute(select(TimestampToken).order_by(TimestampToken.id)).all()
    return [_stored(row) for row in rows]


def read_head_tokens(conn: Connection) -> list[StoredTimestamp]:
    """The custody-head anchors, oldest first."""
    query = select(TimestampToken).where(TimestampToken.subject == SUBJECT_CUSTODY_HEAD)
    return [_stored(row) for row in conn.execute(query.order_by(TimestampToken.id)).all()]


def read_item_timestamps(conn: Connection, item_id: int | None = None) -> dict[int, list[ItemTimestamp]]:
    """Item id -> its tokens with their proofs, oldest first (one item, or every item)."""
    query = (
        select(
            TimestampProof.item_id,
            TimestampProof.token_id,
            TimestampProof.leaf_index,
            TimestampProof.tree_size,
            TimestampProof.proof_steps,
            Item.sha256,
        )
        .join(Item, Item.id == TimestampProof.item_id)
        .order_by(TimestampProof.item_id, TimestampProof.token_id)
    )
    if item_id is not None:
        query = query.where(TimestampProof.item_id == item_id)
    proofs = conn.execute(query).all()
    token_ids = {proof.token_id for proof in proofs}
    tokens = {
        row.id: _stored(row)
        for row in conn.execute(select(TimestampToken).where(TimestampToken.id.in_(token_ids))).all()
    }
    found: dict[int, list[ItemTimestamp]] = {}
    for proof in proofs:
        found.setdefault(proof.item_id, []).append(
            ItemTimestamp(
                item_id=proof.item_id,
                item_sha256=proof.sha256,
                token=tokens[proof.token_id],
                leaf_index=proof.leaf_index,
                tree_size=proof.tree_size,
                steps=parse_steps(proof.proof_steps),
            )
        )
    return found


def parse_steps(raw: str) -> tuple[str, ...]:
    """The stored JSON list of steps; a damaged value gives a step that matches nothing."""
    try:
        steps = json.loads(raw)
    except json.JSONDecodeError:
        return ("unreadable",)
    if not isinstance(steps, list) or not all(isinstance(step, str) for step in steps):
        return ("unreadable",)
    return tuple(steps)


def read_timestamp_states(conn: Connection) -> tuple[set[int], set[int]]:
    """(ids of items a stored token covers, ids of items waiting for one): ids only, two light queries."""
    stamped = set(conn.execute(select(TimestampProof.item_id).distinct()).scalars())
    queued = conn.execute(
        select(TimestampQueue.item_id).where(
            TimestampQueue.subject == SUBJECT_ITEM, TimestampQueue.item_id.is_not(None)
        )
    ).scalars()
    waiting = {item_id for item_id in queued if item_id is not None}
    return stamped, waiting
