"""manifest.json as the writer builds it: canonical JSON that lists every file with its SHA-256 and size.

Rule: the manifest is encoded by `hashing.canonical_json` only, so another program reproduces
its bytes exactly; every time in it is UTC ISO 8601 with 'Z'. dossier.pdf is not listed: it
carries the manifest's SHA-256 in its footer and the manifest itself as an attachment instead.
verify/package_manifest.py reads what this writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from evidence_kit.domain import Timestamp
from evidence_kit.hashing import canonical_json, sha256_hex
from evidence_kit.verify.package_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PDF_ATTACHMENT_NAME,
    PDF_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE_NAME,
    SUMS_NAME,
    TIMESTAMPS_DIR,
    TOOL_NAME,
)


def utc_text(moment: datetime) -> str:
    """An aware datetime as UTC ISO 8601 with 'Z', as the manifest writes times."""
    if moment.utcoffset() is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def time_entry(stamp: Timestamp) -> dict[str, Any]:
    return {
        "source": str(stamp.source),
        "utc": utc_text(stamp.utc) if stamp.utc is not None else None,
        "local": stamp.local.isoformat() if stamp.local is not None else None,
        "offset_minutes": stamp.offset_minutes,
        "assumption": stamp.assumption,
    }


@dataclass(frozen=True)
class DossierFacts:
    """What the manifest (and VERIFY.txt) say of the dossier as a whole."""

    dossier_id: str
    vault_id: str
    tool_version: str
    export_time: datetime  # aware
    lang: str
    custody_head_hash: str
    custody_head_seq: int | None = None  # the number of the event whose hash is the head


@dataclass(frozen=True)
class KeeperRoot:
    """A time-stamp authority's root the vault's keeper added (`timestamp --tsa-ca`), to ship.

    `sha256` is of the certificate's DER (its fingerprint); `pem` is what the package holds.
    """

    sha256: str
    pem: bytes
    subject: str
    tsa_url: str
    added_at: datetime  # aware
    event_seq: int


def keeper_root_files(roots: Sequence[KeeperRoot]) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """(manifest entries, files by package path) of the keeper's roots, one PEM file each."""
    entries: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    for root in roots:
        name = f"{TIMESTAMPS_DIR}/keeper_root_{root.sha256[:16]}.pem"
        files[name] = root.pem
        entries.append(
            {
                "file": name,
                "sha256": root.sha256,
                "subject": root.subject,
                "tsa_url": root.tsa_url,
                "added_utc": utc_text(root.added_at),
                "custody_seq": root.event_seq,
            }
        )
    return entries, files


def manifest_bytes(
    facts: DossierFacts,
    *,
    public_key_sha256: str,
    pdf_certificate_sha256: str | None,
    items: Sequence[Mapping[str, Any]],
    tokens: Sequence[Mapping[str, Any]],
    support: Mapping[str, bytes],
    keeper_roots: Sequence[Mapping[str, Any]] = (),
) -> bytes:
    """The whole manifest.json; `support` is every support file by package path, with its bytes."""
    manifest: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "dossier_id": facts.dossier_id,
        "vault_id": facts.vault_id,
        "tool": {"name": TOOL_NAME, "version": facts.tool_version},
        "export_time_utc": utc_text(facts.export_time),
        "language": facts.lang,
        "hash_algorithm": "sha256",
        "custody_log_head": facts.custody_head_hash,
        "custody_log_head_seq": facts.custody_head_seq,
        "signature": {
            "algorithm": "Ed25519",
            "file": SIGNATURE_NAME,
            "public_key_file": PUBLIC_KEY_NAME,
            "public_key_sha256": public_key_sha256,
        },
        "pdf": {
            "file": PDF_NAME,
            "signing_certificate_sha256": pdf_certificate_sha256,
            "attachment": PDF_ATTACHMENT_NAME,
        },
        "sha256sums_file": SUMS_NAME,
        "items": list(items),
        "timestamps": list(tokens),
        "user_tsa_roots": list(keeper_roots),
        "support_files": [
            {"file": name, "sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(support.items())
        ],
    }
    return canonical_json(manifest)
