"""Verifying a vault's trusted time-stamps: each stored token, each item's inclusion proof, each
anchored custody head, and whose trust each token rests on.

Rule: a finding is an integrity problem when something stored is not what was stored — a token
that no longer verifies against its own digest and certificates, facts that differ from what the
authority signed, a proof that does not lead to the stamp, an anchored head the log no longer
reaches, a trusted root without its custody event. A token that verifies but chains to a root
that neither this computer (Mozilla's store, the settings) nor the vault's keeper
(`timestamp --tsa-ca`, kept in the vault with its custody event) trusts is a *trust warning*:
the data is intact, only nobody has vouched for the authority yet. A root the keeper added is
named in a note with the day it was added and its fingerprint, so the reader knows whose word it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import Connection, select
from sqlalchemy import exc as sa_exc

from evidence_kit.domain import Problem
from evidence_kit.errors import StoredValueError
from evidence_kit.storage.custody import GENESIS_HASH, EventType, chain_hash
from evidence_kit.storage.models import CustodyEvent
from evidence_kit.timestamping import TimestampError, verify_response
from evidence_kit.timestamping.queue import (
    SUBJECT_CUSTODY_HEAD,
    StoredTimestamp,
    read_item_timestamps,
    read_tokens,
)
from evidence_kit.timestamping.user_roots import StoredTsaRoot, added_day, read_stored_roots

_DB_ERRORS = (sa_exc.DBAPIError, sa_exc.StatementError, StoredValueError)


@dataclass
class TimestampFindings:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def _problem(scope: str, code: str, template: str, *, item_id: int | None = None,
             event_seq: int | None = None, **params: object) -> Problem:  # fmt: skip
    return Problem(scope, code, template, tuple((k, str(v)) for k, v in params.items()), item_id, event_seq)


def chain_hashes(conn: Connection, up_to: int | None = None) -> dict[int, str]:
    """The chain hash after each event 1..up_to (all when None), recomputed from the bodies alone
    (not the stored hashes), up to the first gap."""
    hashes: dict[int, str] = {}
    previous = GENESIS_HASH
    expected = 1
    query = select(CustodyEvent.seq, CustodyEvent.body)
    if up_to is not None:
        query = query.where(CustodyEvent.seq <= up_to)
    for seq, body in conn.execute(query.order_by(CustodyEvent.seq)):
        if seq != expected:
            break  # a gap: no later hash can be one that was recorded
        previous = chain_hash(previous, body.encode("utf-8"))
        hashes[seq] = previous.hex()
        expected += 1
    return hashes


def _verify_token(token: StoredTimestamp) -> tuple[bytes | None, list[Problem]]:
    """(the DER of the root the token chains to, problems): it still verifies offline against its
    stored digest and certificates, and says what we stored about it."""
    try:
        roots = x509.load_pem_x509_certificates(token.root_pem)
        chain = x509.load_pem_x509_certificates(token.chain_pem) if token.chain_pem.strip() else []
        info = verify_response(
            token.response_der,
            bytes.fromhex(token.digest),
            roots=roots,
            intermediates=chain,
            tsa=token.tsa_name,
        )
    except (TimestampError, ValueError) as exc:
        return None, [
            _problem(
                "timestamp",
                "timestamp_invalid",
                "Time-stamp {token} from {tsa} no longer verifies: {detail}",
                token=token.id,
                tsa=token.tsa_name,
                detail=str(exc),
            )
        ]
    stored = (token.gen_time, token.serial_number, token.tsa_name, token.policy_oid)
    signed = (info.gen_time, info.serial_number, info.tsa_name, info.policy_oid)
    if stored != signed:
        names = ("gen_time", "serial_number", "tsa_name", "policy_oid")
        return None, [
            _problem(
                "timestamp",
                "timestamp_facts_mismatch",
                "Time-stamp {token}: the stored details ({fields}) differ from what the authority signed.",
                token=token.id,
                fields=", ".join(n for n, a, b in zip(names, stored, signed, strict=True) if a != b),
            )
        ]
    return info.chain_der[-1], []


def _logged_roots(
    roots: Sequence[StoredTsaRoot], bodies: Sequence[dict[str, Any]], findings: TimestampFindings
) -> dict[str, StoredTsaRoot]:
    """The keeper's roots whose `tsa_ca_added` event is in the verified log, by fingerprint."""
    events = {body.get("seq"): body for body in bodies}
    logged: dict[str, StoredTsaRoot] = {}
    for root in roots:
        body = events.get(root.event_seq) or {}
        data = body.get("data")
        data = data if isinstance(data, dict) else {}
        if (
            body.get("type") == EventType.TSA_CA_ADDED
            and data.get("sha256") == root.sha256
            and hashlib.sha256(root.der).hexdigest() == root.sha256
        ):
            logged[root.sha256] = root
            continue
        findings.problems.append(
            _problem(
                "timestamp",
                "tsa_root_unlogged",
                "The vault holds a time-stamp authority's root certificate (SHA-256 {fingerprint}) "
                "that no 'root certificate added' event of the custody log records; it was not "
                "added through Evidence Kit and is not trusted.",
                fingerprint=root.sha256,
            )
        )
    return logged


def _trust(
    tokens: Sequence[tuple[StoredTimestamp, bytes]],
    trusted: set[bytes],
    keeper: dict[str, StoredTsaRoot],
    findings: TimestampFindings,
) -> None:
    """A note per keeper's root used, a warning per root nobody trusts (tokens grouped by root)."""
    by_root: dict[bytes, list[StoredTimestamp]] = {}
    for token, root_der in tokens:
        if root_der not in trusted:
            by_root.setdefault(root_der, []).append(token)
    for root_der, group in by_root.items():
        fingerprint = hashlib.sha256(root_der).hexdigest()
        numbers = ", ".join(str(token.id) for token in group)
        tsas = ", ".join(sorted({token.tsa_name for token in group}))
        root = keeper.get(fingerprint)
        if root is not None:
            findings.notes.append(
                _problem(
                    "timestamp",
                    "timestamp_root_added_by_you",
                    "Time-stamps {tokens} from {tsa}: their root certificate ({subject}) is trusted "
                    "because you added it on {day} (SHA-256 fingerprint {fingerprint}).",
                    tokens=numbers,
                    tsa=tsas,
                    subject=root.subject,
                    day=added_day(root),
                    fingerprint=fingerprint,
                )
            )
            continue
        findings.warnings.append(
            _problem(
                "timestamp",
                "timestamp_root_untrusted",
                "Time-stamps {tokens} from {tsa} are intact, but their root certificate (SHA-256 "
                "fingerprint {fingerprint}) is not one this computer trusts, and you have not added "
                "it. Compare the fingerprint with the root the authority publishes; if it is the "
                "same, add it with: evidence-kit timestamp VAULT --tsa URL --tsa-ca FILE",
                tokens=numbers,
                tsa=tsas,
                fingerprint=fingerprint,
            )
        )


def check_timestamps(
    conn: Connection, tsa_roots: Sequence[x509.Certificate] | None, bodies: Sequence[dict[str, Any]]
) -> TimestampFindings:
    """Every stored token, every item's inclusion proof, every anchored custody head; and, when
    `tsa_roots` (the roots this computer trusts) is given, whose trust each token rests on.

    The anchor check is what makes the log's history before a time-stamp unchangeable even for
    the key holder: re-signing rewritten events makes the chain consistent again, but the
    events up to the anchored one then hash to a different head than the TSA signed.
    """
    findings = TimestampFindings()
    try:
        tokens = read_tokens(conn)
        covered = read_item_timestamps(conn)
        anchors = [t for t in tokens if t.subject == SUBJECT_CUSTODY_HEAD]
        hashes = chain_hashes(conn, max((t.head_seq or 0 for t in anchors), default=0))
        keeper_roots = read_stored_roots(conn)
    except (*_DB_ERRORS, ValueError, TypeError) as exc:  # unreadable pages, or values edited into nonsense
        findings.problems.append(
            _problem(
                "database",
                "timestamps_unreadable",
                "The stored time-stamps cannot be read ({detail}).",
                detail=str(getattr(exc, "orig", exc)),
            )
        )
        return findings
    keeper = _logged_roots(keeper_roots, bodies, findings)
    verified: list[tuple[StoredTimestamp, bytes]] = []
    for token in tokens:
        root_der, problems = _verify_token(token)
        findings.problems += problems
        if root_der is not None:
            verified.append((token, root_der))
    if tsa_roots is not None:
        _trust(verified, {root.public_bytes(Encoding.DER) for root in tsa_roots}, keeper, findings)
    for token in anchors:
        if token.head_seq is None or hashes.get(token.head_seq) != token.digest:
            findings.problems.append(
                _problem(
                    "custody",
                    "anchored_head_mismatch",
                    "The custody log was rewritten before a trusted time-stamp: its events up to "
                    "{seq} no longer lead to the head that {tsa} time-stamped at {gen_time}.",
                    event_seq=token.head_seq,
                    seq=token.head_seq,
                    tsa=token.tsa_name,
                    gen_time=token.gen_time.strftime("%Y-%m-%d %H:%M:%S UTC"),
                )
            )
    for item_id, stamps in covered.items():
        for stamp in stamps:
            if not stamp.covers_item:
                findings.problems.append(
                    _problem(
                        "item",
                        "item_timestamp_mismatch",
                        "Item {item}: its time-stamp {token} does not cover its SHA-256 (the proof "
                        "does not lead to the stamped value).",
                        item_id=item_id,
                        item=item_id,
                        token=stamp.token.id,
                    )
                )
    return findings
