"""The custody log: append-only, hash-chained, Ed25519-signed events (docs/architecture.md, section 3).

Rule, exactly as docs/verification.md specifies it for third parties:
  body      = canonical JSON (hashing.canonical_json) of
              {"v": 1, "seq": n, "type": ..., "at": "<UTC ISO 8601 with Z>", "offset_minutes": m,
               "vault": "<vault id>", "actor": "<program/version (face)>", "data": {...}}
  hash_n    = SHA-256(hash_{n-1} || body_n), with hash_0 = 32 zero bytes (raw bytes, not hex)
  signature = Ed25519(vault signing key, hash_n)
Sequence numbers start at 1 and have no gaps. This module only builds and checks events; the
vault writes each one in the same transaction as the change it records.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from evidence_kit.hashing import canonical_json

EVENT_VERSION = 1
GENESIS_HASH = bytes(32)


class EventType:
    """The event types, as they appear in `type`."""

    VAULT_CREATED = "vault_created"
    VAULT_MIGRATED = "vault_migrated"
    ITEM_ADDED = "item_added"
    ITEM_PARSED = "item_parsed"  # what was read from a stored original, sealed (item_parsing.py)
    ITEM_REPARSED = "item_reparsed"  # the same read again, by a newer parser or on request
    NOTE_CHANGED = "note_changed"
    CATEGORY_CHANGED = "category_changed"
    ITEM_WITHHELD = "item_withheld"  # marked sensitive: withheld from dossiers, with the reason
    WITHHOLD_CLEARED = "withhold_cleared"  # that mark taken off again (the old reason recorded)
    OFFENCES_CHANGED = "offences_changed"  # an item's offence categories set (old and new ids)
    ITEM_EXTRACTED = "item_extracted"
    ITEM_VIEWED = "item_viewed"
    VERIFIED = "verified"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 (an event name)
    RECOVERED = "recovered_with_code"
    KEY_ROTATED = "key_rotated"
    RECOVERY_CODE_REISSUED = "recovery_code_reissued"
    EXPORTED = "exported"
    TIMESTAMP_OBTAINED = "timestamp_obtained"
    BACKUP_MADE = "backup_made"
    TSA_CA_ADDED = "tsa_ca_added"
    INCIDENT_RECORDED = "incident_recorded"  # an incident written down (its first version, sealed)
    INCIDENT_EDITED = "incident_edited"  # a later version of it (the earlier ones are kept)
    PERSON_RECORDED = "person_recorded"  # the other party added to the people register (sealed)
    PERSON_EDITED = "person_edited"  # a later version of that entry (the earlier ones are kept)
    NOTICE_RECORDED = "notice_recorded"  # a notice to a platform (DSA Article 16) drafted, sealed
    NOTICE_EDITED = "notice_edited"  # its next version: changed, sent, answered, content removed


@dataclass(frozen=True)
class SignedEvent:
    seq: int
    event_type: str
    at_utc: datetime
    item_id: int | None
    body: str
    hash: str
    signature: str


def chain_hash(previous: bytes, body: bytes) -> bytes:
    """hash_n = SHA-256(hash_{n-1} || body_n): one link of the chain (raw bytes in, raw bytes out)."""
    return hashlib.sha256(previous + body).digest()


def format_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def build_event(
    *,
    seq: int,
    prev_hash: str,
    event_type: str,
    data: Mapping[str, Any],
    vault_id: str,
    actor: str,
    key: Ed25519PrivateKey,
    now: datetime | None = None,
    item_id: int | None = None,
) -> SignedEvent:
    moment = now or datetime.now().astimezone()
    offset = moment.utcoffset()
    body = {
        "v": EVENT_VERSION,
        "seq": seq,
        "type": event_type,
        "at": format_utc(moment),
        "offset_minutes": int(offset.total_seconds() // 60) if offset is not None else 0,
        "vault": vault_id,
        "actor": actor,
        "data": dict(data),
    }
    encoded = canonical_json(body)
    digest = chain_hash(bytes.fromhex(prev_hash), encoded)
    return SignedEvent(
        seq=seq,
        event_type=event_type,
        at_utc=moment.astimezone(UTC),
        item_id=item_id,
        body=encoded.decode("utf-8"),
        hash=digest.hex(),
        signature=key.sign(digest).hex(),
    )


@dataclass(frozen=True)
class ChainProblem:
    """One thing wrong with the chain. `template` is an English message with {placeholders}."""

    seq: int | None
    code: str
    template: str
    params: tuple[tuple[str, str], ...] = ()

    def format(self) -> str:
        return self.template.format(**dict(self.params))


def _problem(at: int | None, code: str, template: str, /, **params: object) -> ChainProblem:
    return ChainProblem(at, code, template, tuple((k, str(v)) for k, v in params.items()))


def verify_chain(
    events: Iterable[SignedEvent], public_key: Ed25519PublicKey, vault_id: str
) -> tuple[list[ChainProblem], str, int, list[dict[str, Any]]]:
    """Walk the chain in storage order. Returns (problems, head hash, event count, decoded bodies).

    Each broken link is reported where it is found; the walk continues from the stored
    hash, so one edited event does not hide a later one.
    """
    problems: list[ChainProblem] = []
    bodies: list[dict[str, Any]] = []
    prev = GENESIS_HASH.hex()
    expected_seq = 1
    count = 0
    for event in events:
        count += 1
        if event.seq != expected_seq:
            if event.seq > expected_seq:
                problems.append(
                    _problem(
                        event.seq,
                        "events_missing",
                        "Custody events {first} to {last} are missing from the log.",
                        first=expected_seq,
                        last=event.seq - 1,
                    )
                )
            else:
                problems.append(
                    _problem(
                        event.seq, "event_out_of_order", "Custody event {seq} is out of order.", seq=event.seq
                    )
                )
        expected_seq = event.seq + 1
        digest = chain_hash(bytes.fromhex(prev), event.body.encode("utf-8")).hex()
        if digest != event.hash:
            problems.append(
                _problem(
                    event.seq,
                    "event_hash_mismatch",
                    "Custody event {seq} was changed, or the one before it was removed or "
                    "moved: its hash does not follow from the chain.",
                    seq=event.seq,
                )
            )
        try:
            public_key.verify(bytes.fromhex(event.signature), bytes.fromhex(event.hash))
        except (InvalidSignature, ValueError):
            problems.append(
                _problem(
                    event.seq,
                    "event_bad_signature",
                    "Custody event {seq} does not carry a valid signature of this vault.",
                    seq=event.seq,
                )
            )
        try:
            body = json.loads(event.body)
        except json.JSONDecodeError:
            problems.append(
                _problem(event.seq, "event_unreadable", "Custody event {seq} is unreadable.", seq=event.seq)
            )
            body = {}
        if not isinstance(body, dict):
            body = {}
        if (
            body.get("seq") != event.seq
            or body.get("type") != event.event_type
            or body.get("vault") != vault_id
        ):
            problems.append(
                _problem(
                    event.seq,
                    "event_fields_mismatch",
                    "Custody event {seq} does not match its stored fields.",
                    seq=event.seq,
                )
            )
        bodies.append(body)
        prev = event.hash
    return problems, prev, count, bodies
