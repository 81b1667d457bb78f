"""manifest.json: what it must say (read strictly into typed entries) and whether it is signed.

Rule: the manifest is read as untrusted JSON: a repeated key, NaN, a wrong type, a path that is
not a safe package path or a file listed twice make the whole manifest invalid (one finding),
never an exception. Its Ed25519 signature is checked against public_key.pem, and that key's
fingerprint against the one the manifest records; trust in the self-made key is a notice only.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence_kit.verify.package_check import PackageCheck
from evidence_kit.verify.package_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    INNER_SUMS_NAME,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    PDF_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE_NAME,
    SUMS_NAME,
    TIMESTAMPS_DIR,
    is_sha256_hex,
    public_key_sha256,
)
from evidence_kit.verify.package_report import CheckStatus
from evidence_kit.verify.package_source import unsafe_reason

MAX_MANIFEST_BYTES = 256 * 1024 * 1024  # ~500 bytes an item: room for far more than 100,000 items


class ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class FileEntry:
    file: str
    sha256: str
    size: int


@dataclass(frozen=True)
class TokenEntry:
    file: str
    stamped_sha256: str
    subject: str
    item_ids: tuple[int, ...]
    ca_file: str | None
    untrusted_file: str | None
    proofs: dict[int, tuple[str, ...]]


@dataclass(frozen=True)
class SealEntry:
    """An item's derived-data seal: as its import recorded it (None: before seals), as export found it."""

    file: str
    number: int
    recorded: str | None
    found: str


@dataclass(frozen=True)
class KeeperRootEntry:
    """A time-stamp authority's root the vault's keeper added (`timestamp --tsa-ca`), shipped as `file`."""

    file: str
    sha256: str  # of the certificate's DER (its fingerprint), not of the PEM file
    added_utc: str


@dataclass
class Manifest:
    dossier_id: str
    public_key_sha256: str
    pdf_certificate_sha256: str | None
    items: list[FileEntry] = field(default_factory=list)
    item_ids: dict[int, FileEntry] = field(default_factory=dict)
    support: list[FileEntry] = field(default_factory=list)
    tokens: list[TokenEntry] = field(default_factory=list)
    seals: list[SealEntry] = field(default_factory=list)
    keeper_roots: list[KeeperRootEntry] = field(default_factory=list)
    left_out: list[tuple[int, FileEntry]] = field(default_factory=list)  # (number, entry) not shipped
    vault_id: str = ""
    custody_head: str | None = None  # the last custody event's hash at export (custody_log_head)
    custody_head_seq: int | None = None


# ----------------------------------------------------------------------------- reading it


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ManifestError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ManifestError(f"{name} is not a number")


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise ManifestError(f"{where}: '{key}' is missing")
    value = obj[key]
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise ManifestError(f"{where}: '{key}' has the wrong type")
    if not isinstance(value, kind):
        raise ManifestError(f"{where}: '{key}' has the wrong type")
    return value


def _sha(obj: Any, key: str, where: str) -> str:
    value = _get(obj, key, str, where)
    if not is_sha256_hex(value):
        raise ManifestError(f"{where}: '{key}' is not a SHA-256 in lower-case hex")
    return str(value)


def _path(obj: Any, key: str, where: str, folder: str | None) -> str:
    value = str(_get(obj, key, str, where))
    reason = unsafe_reason(value)
    if reason is not None:
        raise ManifestError(f"{where}: '{key}' is not a safe package path ({reason})")
    parts = value.split("/")
    if folder is None and len(parts) != 1:
        raise ManifestError(f"{where}: '{key}' must be a file at the top of the package")
    if folder is not None and (len(parts) != 2 or parts[0] != folder):
        raise ManifestError(f"{where}: '{key}' must be a file in {folder}/")
    return unicodedata.normalize("NFC", value)


def _file_entry(obj: Any, where: str, folder: str | None) -> FileEntry:
    size = _get(obj, "size", int, where)
    if size < 0:
        raise ManifestError(f"{where}: 'size' is negative")
    return FileEntry(_path(obj, "file", where, folder), _sha(obj, "sha256", where), int(size))


def _proofs(token: Any, where: str) -> dict[int, tuple[str, ...]]:
    """The Merkle inclusion steps per item id ("left:<hex>"/"right:<hex>", see timestamping/merkle.py)."""
    raw = _get(token, "inclusion_proofs", dict, where)
    proofs: dict[int, tuple[str, ...]] = {}
    for key, steps in raw.items():
        if not key.isdigit() or not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
            raise ManifestError(f"{where}: 'inclusion_proofs' must map item ids to lists of steps")
        proofs[int(key)] = tuple(steps)
    return proofs


def parse_manifest(data: bytes) -> Manifest:
    """The manifest's entries; ManifestError naming the first thing that is wrong."""
    try:
        top = json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_reject_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ManifestError(f"not UTF-8 JSON ({exc})") from exc
    if not isinstance(top, dict):
        raise ManifestError("not a JSON object")
    if top.get("format") != FORMAT_NAME:
        raise ManifestError("'format' is not " + FORMAT_NAME)
    version = _get(top, "format_version", int, "manifest")
    if version != FORMAT_VERSION:
        raise ManifestError(f"format version {version} is not supported by this version of Evidence Kit")
    signature = _get(top, "signature", dict, "manifest")
    pdf = _get(top, "pdf", dict, "manifest")
    if _get(pdf, "file", str, "pdf") != PDF_NAME:
        raise ManifestError("'pdf.file' must be " + PDF_NAME)
    certificate = pdf.get("signing_certificate_sha256")
    manifest = Manifest(
        dossier_id=str(_get(top, "dossier_id", str, "manifest")),
        public_key_sha256=_sha(signature, "public_key_sha256", "signature"),
        pdf_certificate_sha256=_sha(pdf, "signing_certificate_sha256", "pdf")
        if certificate is not None
        else None,
    )
    manifest.vault_id = str(top.get("vault_id", ""))
    if top.get("custody_log_head") is not None:
        manifest.custody_head = _sha(top, "custody_log_head", "manifest")
    if top.get("custody_log_head_seq") is not None:
        manifest.custody_head_seq = int(_get(top, "custody_log_head_seq", int, "manifest"))
    seen: set[str] = {MANIFEST_NAME, SIGNATURE_NAME, PUBLIC_KEY_NAME, PDF_NAME}
    for index, item in enumerate(_get(top, "items", list, "manifest"), start=1):
        where = f"item {index}"
        entry = _file_entry(item, where, ORIGINALS_DIR)
        item_id = _get(item, "id", int, where)
        if entry.file in seen or item_id in manifest.item_ids:
            raise ManifestError(f"{where}: its file or id appears twice")
        seen.add(entry.file)
        manifest.item_ids[int(item_id)] = entry
        if item.get("original_in_package", True) is False:
            # A withheld original left out on purpose: its hash and size stay, the file is absent.
            manifest.left_out.append((int(_get(item, "number", int, where)), entry))
        else:
            manifest.items.append(entry)
        if "derived_seal" in item:
            seal = _get(item, "derived_seal", dict, where)
            recorded = _sha(seal, "recorded", where) if seal.get("recorded") is not None else None
            number = _get(item, "number", int, where)
            manifest.seals.append(SealEntry(entry.file, int(number), recorded, _sha(seal, "found", where)))
    for index, support in enumerate(_get(top, "support_files", list, "manifest"), start=1):
        where = f"support file {index}"
        value = _get(support, "file", str, where)
        folder = None
        if "/" in value:
            folder = ORIGINALS_DIR if value == INNER_SUMS_NAME else TIMESTAMPS_DIR
        entry = _file_entry(support, where, folder)
        if entry.file in seen:
            raise ManifestError(f"{where}: its file appears twice")
        seen.add(entry.file)
        manifest.support.append(entry)
    support_names = {entry.file for entry in manifest.support}
    for index, token in enumerate(_get(top, "timestamps", list, "manifest"), start=1):
        where = f"timestamp {index}"
        if not isinstance(token, dict):
            raise ManifestError(f"{where}: not a JSON object")
        optional = {}
        for key in ("ca_file", "untrusted_file"):
            optional[key] = _path(token, key, where, TIMESTAMPS_DIR) if token.get(key) is not None else None
        entry_file = _path(token, "file", where, TIMESTAMPS_DIR)
        for name in (entry_file, *[value for value in optional.values() if value is not None]):
            if name not in support_names:
                raise ManifestError(f"{where}: {name} is not listed among the support files")
        item_ids = _get(token, "item_ids", list, where)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in item_ids):
            raise ManifestError(f"{where}: 'item_ids' must be numbers")
        manifest.tokens.append(
            TokenEntry(
                file=entry_file,
                stamped_sha256=_sha(token, "stamped_sha256", where),
                subject=str(_get(token, "subject", str, where)),
                item_ids=tuple(item_ids),
                ca_file=optional["ca_file"],
                untrusted_file=optional["untrusted_file"],
                proofs=_proofs(token, where),
            )
        )
    keeper_roots = _get(top, "user_tsa_roots", list, "manifest") if "user_tsa_roots" in top else []
    for index, root in enumerate(keeper_roots, start=1):
        where = f"user TSA root {index}"
        root_file = _path(root, "file", where, TIMESTAMPS_DIR)
        if root_file not in support_names:
            raise ManifestError(f"{where}: {root_file} is not listed among the support files")
        added = _get(root, "added_utc", str, where)
        manifest.keeper_roots.append(KeeperRootEntry(root_file, _sha(root, "sha256", where), str(added)))
    if SUMS_NAME not in support_names:
        raise ManifestError(f"{SUMS_NAME} is not listed among the support files")
    return manifest


# ----------------------------------------------------------------------------- checking it


def check_manifest(check: PackageCheck) -> tuple[bytes | None, Manifest | None]:
    """Read manifest.json, parse it, check its signature: (its bytes, its entries), None if unusable."""
    data = check.read_small(MANIFEST_NAME, MAX_MANIFEST_BYTES)
    signature = check.read_small(SIGNATURE_NAME, 1024)
    key_pem = check.read_small(PUBLIC_KEY_NAME, 64 * 1024)
    if data is None:
        return None, None
    manifest: Manifest | None = None
    try:
        manifest = parse_manifest(data)
    except ManifestError as exc:
        check.add(
            MANIFEST_NAME,
            CheckStatus.INVALID,
            "manifest_invalid",
            "manifest.json is not a valid Evidence Kit manifest: {detail}",
            detail=str(exc),
        )
    if signature is not None and key_pem is not None:
        _check_signature(check, data, signature, key_pem, manifest)
    return data, manifest


def _check_signature(
    check: PackageCheck, data: bytes, signature: bytes, key_pem: bytes, manifest: Manifest | None
) -> None:
    try:
        key = serialization.load_pem_public_key(key_pem)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("another kind of key")
    except (ValueError, TypeError) as exc:
        check.add(
            PUBLIC_KEY_NAME,
            CheckStatus.INVALID,
            "key_invalid",
            "public_key.pem is not an Ed25519 public key: {detail}",
            detail=str(exc),
        )
        return
    fingerprint = public_key_sha256(key)
    try:
        key.verify(signature, data)
    except InvalidSignature:
        check.add(
            SIGNATURE_NAME,
            CheckStatus.MISMATCH,
            "manifest_signature_bad",
            "The signature in manifest.sig does not match manifest.json and public_key.pem: "
            "manifest.json or the key has been changed.",
        )
        return
    check.add(
        SIGNATURE_NAME,
        CheckStatus.OK,
        "manifest_signature_ok",
        "manifest.json is signed by the key in public_key.pem (SHA-256 {fingerprint}).",
        fingerprint=fingerprint,
    )
    if manifest is not None and manifest.public_key_sha256 != fingerprint:
        check.add(
            PUBLIC_KEY_NAME,
            CheckStatus.MISMATCH,
            "key_not_recorded",
            "public_key.pem is not the key recorded in manifest.json (SHA-256 {actual}, "
            "recorded {expected}).",
            actual=fingerprint,
            expected=manifest.public_key_sha256,
        )
    check.add(
        PUBLIC_KEY_NAME,
        CheckStatus.NOTICE,
        "key_trust",
        "The key is the vault's own; compare its fingerprint with the vault's key if you can.",
    )
