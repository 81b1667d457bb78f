"""custody_log.jsonl in a package: the vault's custody chain, walked event by event without the vault.

Rule: each line is one event (dossier/package_custody.py writes them). Its `prev_hash` must be
the hash of the line before (32 zero bytes for event 1), its `seq` one more than the line before,
its hash SHA-256(prev_hash || body) where the body is shipped, and its Ed25519 signature over the
hash must be the key in public_key.pem (the key that signs the manifest). The last event must be
the head the signed manifest records. So one event changed, dropped, inserted or moved is found,
and named. The walk goes on after a problem, from the hash as stored, so one edit does not hide
another. An event whose body is left out (it concerns an item not in the package) is checked by
its link and signature only, and counted in the result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence_kit.storage.custody import GENESIS_HASH, chain_hash
from evidence_kit.verify.package_check import MAX_SMALL_FILE_BYTES, PackageCheck
from evidence_kit.verify.package_format import CUSTODY_LOG_NAME, PUBLIC_KEY_NAME, is_sha256_hex
from evidence_kit.verify.package_manifest import Manifest
from evidence_kit.verify.package_report import CheckStatus
from evidence_kit.verify.package_source import READ_ERRORS

MAX_PROBLEMS = 20  # beyond this, one line says how many more: a report must stay readable


@dataclass(frozen=True)
class _Line:
    seq: int
    prev_hash: str
    hash: str
    signature: str
    body: str | None
    event_type: str


def _parse(raw: str) -> _Line | None:
    try:
        value: Any = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(value, dict):
        return None
    seq, body, kind = value.get("seq"), value.get("body"), value.get("type")
    hashes = [value.get(key) for key in ("prev_hash", "hash")]
    signature = value.get("signature")
    if (
        not isinstance(seq, int)
        or isinstance(seq, bool)
        or not all(isinstance(h, str) and is_sha256_hex(h) for h in hashes)
        or not isinstance(signature, str)
        or not isinstance(kind, str)
        or not (body is None or isinstance(body, str))
    ):
        return None
    return _Line(seq, str(hashes[0]), str(hashes[1]), signature, body, kind)


def _key(check: PackageCheck) -> Ed25519PublicKey | None:
    try:
        pem = check.source.read(PUBLIC_KEY_NAME, 64 * 1024)
        key = serialization.load_pem_public_key(pem or b"")
    except (*READ_ERRORS, ValueError, TypeError):
        return None  # package_manifest.py reports an unusable key
    return key if isinstance(key, Ed25519PublicKey) else None


class _Findings:
    """The chain's problems, the first MAX_PROBLEMS reported one by one (a report must stay readable)."""

    def __init__(self, check: PackageCheck) -> None:
        self.check = check
        self.count = 0

    def add(self, subject: str, status: CheckStatus, code: str, template: str, /, **params: object) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS:
            self.check.add(subject, status, code, template, **params)


def _body_problem(line: _Line, vault_id: str) -> str | None:
    """What is wrong with a shipped body itself ("hash" or "fields"), or None."""
    assert line.body is not None
    if chain_hash(bytes.fromhex(line.prev_hash), line.body.encode("utf-8")).hex() != line.hash:
        return "hash"
    try:
        body = json.loads(line.body)
    except (json.JSONDecodeError, RecursionError):
        body = None
    if (
        not isinstance(body, dict)
        or body.get("seq") != line.seq
        or body.get("type") != line.event_type
        or (vault_id and body.get("vault") != vault_id)
    ):
        return "fields"
    return None


def check_custody_log(check: PackageCheck, manifest: Manifest) -> None:
    """Walk the chain in custody_log.jsonl; a package written before it existed gets a notice."""
    if CUSTODY_LOG_NAME not in {entry.file for entry in manifest.support}:
        check.add(
            CUSTODY_LOG_NAME,
            CheckStatus.NOTICE,
            "custody_log_absent",
            "This package has no custody log file (it was made by an older version); the log is "
            "printed in appendix A of the PDF only.",
        )
        return
    if CUSTODY_LOG_NAME not in check.source.sizes:
        return  # reported as missing by package_files.py
    try:
        data = check.source.read(CUSTODY_LOG_NAME, MAX_SMALL_FILE_BYTES)
    except READ_ERRORS:
        return  # reported by package_files.py
    key = _key(check)
    if data is None or key is None:
        return
    found = _Findings(check)
    broken = CheckStatus.MISMATCH
    previous, expected_seq, count, private = GENESIS_HASH.hex(), 1, 0, 0
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        line = _parse(raw)
        if line is None:
            found.add(
                CUSTODY_LOG_NAME,
                broken,
                "custody_chain_broken",
                "Line {line} of the custody log is not a custody event.",
                line=number,
            )
            continue
        count += 1
        if line.seq > expected_seq:
            found.add(
                CUSTODY_LOG_NAME,
                broken,
                "custody_chain_broken",
                "Custody events {first} to {last} are missing from the log.",
                first=expected_seq,
                last=line.seq - 1,
            )
        elif line.seq < expected_seq:
            found.add(
                CUSTODY_LOG_NAME,
                broken,
                "custody_chain_broken",
                "Custody event {seq} is out of order.",
                seq=line.seq,
            )
        if line.prev_hash != previous:
            found.add(
                CUSTODY_LOG_NAME,
                broken,
                "custody_chain_broken",
                "Custody event {seq} does not follow the event before it: an event was removed, "
                "inserted or moved.",
                seq=line.seq,
            )
        if line.body is None:
            private += 1
        else:
            problem = _body_problem(line, manifest.vault_id)
            if problem == "hash":
                found.add(
                    CUSTODY_LOG_NAME,
                    broken,
                    "custody_chain_broken",
                    "Custody event {seq} was changed: its hash does not follow from its content.",
                    seq=line.seq,
                )
            elif problem == "fields":
                found.add(
                    CUSTODY_LOG_NAME,
                    broken,
                    "custody_chain_broken",
                    "Custody event {seq} does not match its own content (number, type or vault).",
                    seq=line.seq,
                )
        try:
            key.verify(bytes.fromhex(line.signature), bytes.fromhex(line.hash))
        except (InvalidSignature, ValueError):
            found.add(
                CUSTODY_LOG_NAME,
                broken,
                "custody_chain_broken",
                "Custody event {seq} does not carry a valid signature of this vault.",
                seq=line.seq,
            )
        previous, expected_seq = line.hash, line.seq + 1
    last_seq = expected_seq - 1
    if manifest.custody_head is not None and (
        previous != manifest.custody_head
        or (manifest.custody_head_seq is not None and last_seq != manifest.custody_head_seq)
    ):
        found.add(
            CUSTODY_LOG_NAME,
            broken,
            "custody_chain_broken",
            "The custody log ends at event {found}, not at the head the manifest records "
            "(event {expected}): events were removed from its end or added to it.",
            found=last_seq,
            expected=manifest.custody_head_seq or "?",
        )
    if found.count > MAX_PROBLEMS:
        check.add(
            CUSTODY_LOG_NAME,
            broken,
            "custody_chain_broken",
            "{count} more problems in the custody log.",
            count=found.count - MAX_PROBLEMS,
        )
    if not found.count:
        check.add(
            CUSTODY_LOG_NAME,
            CheckStatus.OK,
            "custody_chain_ok",
            "The custody log's {count} events form an unbroken chain signed by the key in "
            "public_key.pem, ending at the head the manifest records ({private} of them concern items "
            "not in this package: their content is left out, their links and signatures were checked).",
            count=count,
            private=private,
        )
