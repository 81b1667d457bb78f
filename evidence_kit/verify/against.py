"""`verify --against FILE`: does the vault still extend a custody-log head recorded outside it?

Rule: some changes leave a vault perfectly consistent in itself — the whole folder put back to
an older copy, or the log rewritten and re-signed by someone who holds the key. Only a record
kept elsewhere shows them: the head printed on a dossier's cover, or a dossier package and its
manifest. The vault extends a recorded head when the event with that number, its hash
recomputed from the bodies from the first event on, is exactly the recorded hash; and the log
must be signed by the key that signed the record. Anything else is an integrity failure.

The head is written, on the cover and wherever the program prints it, as

    seq 42 · sha256 0f1e…(64 hex digits)

and read leniently: case, spaces or line breaks inside the hash, a ':' or '=' after the
labels, "event"/"gebeurtenis" for "seq" are all accepted. A file with only a 64-digit hash is
read too (the event is then found by its hash). FILE may also be a package folder or .zip, its
manifest.json, or its dossier.pdf (the manifest is attached inside).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence_kit.domain import Problem
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import _, fmt
from evidence_kit.verify.package_format import (
    MANIFEST_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE_NAME,
    is_sha256_hex,
    public_key_sha256,
)

MAX_RECORD_BYTES = 256 * 1024 * 1024  # a manifest of a very large dossier; a PDF is read whole

_HEX = r"(?:[0-9a-f][\s:]*){64}"
_SEQ_AND_HASH = re.compile(rf"(?:seq|event|gebeurtenis)\s*[:=#]?\s*(\d+)\W{{0,8}}sha-?256\s*[:=]?\s*({_HEX})")
_HASH_ONLY = re.compile(rf"(?<![0-9a-f])({_HEX})(?![0-9a-f])")


class RecordedHeadError(EvidenceKitError):
    template = "{path} cannot be used to compare the custody log: {detail}"


@dataclass(frozen=True)
class RecordedHead:
    """A head recorded outside the vault, and what else the record says about the vault."""

    hash: str  # 64 lower-case hex digits
    seq: int | None  # None: a bare hash (the event is looked up by its hash)
    source: str  # the file as the user named it
    public_key_sha256: str | None = None  # the key that signed the record (packages and manifests)
    vault_id: str | None = None


def format_head(seq: int, head_hash: str) -> str:
    """The one printed form of a custody-log head: `seq 42 · sha256 <64 hex>`."""
    return f"seq {seq} · sha256 {head_hash}"


def parse_head_text(text: str, source: str) -> RecordedHead | None:
    """The head in a text (see the module docstring), or None when it holds none."""
    lowered = text.lower()
    match = _SEQ_AND_HASH.search(lowered)
    if match is not None:
        return RecordedHead(_hex(match.group(2)), int(match.group(1)), source)
    # The label's own digits ("sha256") must never count as part of a hash.
    found = {_hex(m.group(1)) for m in _HASH_ONLY.finditer(re.sub(r"sha-?256", " ", lowered))}
    if len(found) == 1:
        return RecordedHead(found.pop(), None, source)
    return None


def _hex(text: str) -> str:
    return re.sub(r"[\s:]", "", text)


# ----------------------------------------------------------------------------- reading FILE


def read_recorded_head(path: Path) -> RecordedHead:
    """The head FILE records; RecordedHeadError (a usage error) when it holds none we can trust."""
    shown = str(path)
    if path.is_dir() or path.suffix.lower() == ".zip":
        return _from_package(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_RECORD_BYTES + 1)
    except OSError as exc:
        raise RecordedHeadError(path=shown, detail=exc.strerror or str(exc)) from exc
    if len(data) > MAX_RECORD_BYTES:
        raise RecordedHeadError(path=shown, detail=_("the file is too large"))
    if data.startswith(b"%PDF"):
        return _from_pdf(data, shown)
    if data.lstrip().startswith(b"{"):
        key, signature = _sibling(path, PUBLIC_KEY_NAME), _sibling(path, SIGNATURE_NAME)
        return _from_manifest(data, shown, key, signature)
    head = parse_head_text(data.decode("utf-8", errors="replace"), shown)
    if head is None:
        raise RecordedHeadError(
            path=shown,
            detail=_(
                "no custody log head found; write it as printed on a dossier's cover, "
                "e.g. 'seq 42 · sha256 ' followed by 64 hexadecimal digits"
            ),
        )
    return head


def _sibling(path: Path, name: str) -> bytes | None:
    try:
        return (path.parent / name).read_bytes() if path.name == MANIFEST_NAME else None
    except OSError:
        return None


def _from_package(path: Path) -> RecordedHead:
    from evidence_kit.verify.package_source import PackageUnreadableError, open_source

    try:
        source = open_source(path)
    except PackageUnreadableError as exc:
        raise RecordedHeadError(path=str(path), detail=exc.params.get("detail", "")) from exc
    try:
        manifest = source.read(MANIFEST_NAME, MAX_RECORD_BYTES)
        key = source.read(PUBLIC_KEY_NAME, 64 * 1024)
        signature = source.read(SIGNATURE_NAME, 1024)
    finally:
        source.close()
    if manifest is None:
        raise RecordedHeadError(path=str(path), detail=_("the package has no manifest.json"))
    if key is None or signature is None:
        raise RecordedHeadError(path=str(path), detail=_("the package has no manifest.sig or public_key.pem"))
    return _from_manifest(manifest, str(path), key, signature)


def _from_pdf(data: bytes, shown: str) -> RecordedHead:
    from evidence_kit.verify.package_pdf import attached_manifest

    try:
        manifest = attached_manifest(data)
    except Exception as exc:  # pyHanko parsing untrusted bytes can fail in many ways
        raise RecordedHeadError(
            path=shown, detail=fmt("not a readable PDF ({detail})", {"detail": str(exc)})
        ) from exc
    if manifest is None:
        raise RecordedHeadError(
            path=shown, detail=_("the PDF has no manifest.json attached; is it a dossier.pdf?")
        )
    return _from_manifest(manifest, shown, None, None)


def _from_manifest(data: bytes, shown: str, key_pem: bytes | None, signature: bytes | None) -> RecordedHead:
    try:
        manifest: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise RecordedHeadError(
            path=shown, detail=fmt("not a manifest in JSON ({detail})", {"detail": str(exc)})
        ) from exc
    if not isinstance(manifest, dict) or not is_sha256_hex(str(manifest.get("custody_log_head", ""))):
        raise RecordedHeadError(path=shown, detail=_("the manifest records no custody log head"))
    seq = manifest.get("custody_log_head_seq")
    signed_by = (
        manifest.get("signature", {}).get("public_key_sha256")
        if isinstance(manifest.get("signature"), dict)
        else None
    )
    if key_pem is not None and signature is not None:
        signed_by = _checked_signer(data, key_pem, signature, shown, signed_by)
    vault_id = manifest.get("vault_id")
    return RecordedHead(
        hash=str(manifest["custody_log_head"]),
        seq=seq if isinstance(seq, int) and not isinstance(seq, bool) and seq > 0 else None,
        source=shown,
        public_key_sha256=signed_by if isinstance(signed_by, str) and is_sha256_hex(signed_by) else None,
        vault_id=vault_id if isinstance(vault_id, str) else None,
    )


def _checked_signer(data: bytes, key_pem: bytes, signature: bytes, shown: str, recorded: object) -> str:
    """The fingerprint of the key that signed the manifest, once its signature is seen to hold."""
    try:
        key = serialization.load_pem_public_key(key_pem)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("not an Ed25519 key")
        key.verify(signature, data)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise RecordedHeadError(
            path=shown,
            detail=_(
                "its manifest.json does not match manifest.sig and public_key.pem; "
                "check it with verify-package"
            ),
        ) from exc
    fingerprint = public_key_sha256(key)
    if recorded not in (None, fingerprint):
        raise RecordedHeadError(
            path=shown, detail=_("public_key.pem is not the key its manifest.json records")
        )
    return fingerprint


# ----------------------------------------------------------------------------- the check


def _problem(scope: str, code: str, template: str, event: int | None = None, **params: object) -> Problem:
    return Problem(
        scope=scope,
        code=code,
        template=template,
        params=tuple((k, str(v)) for k, v in params.items()),
        event_seq=event,
    )


def check_against(
    recorded: RecordedHead, hashes: dict[int, str], vault_id: str, key_sha256: str
) -> tuple[list[Problem], list[Problem]]:
    """(integrity problems, notes) of comparing the vault with `recorded`.

    `hashes` maps each event number to the chain hash recomputed from the bodies (up to the
    first gap); `key_sha256` is the fingerprint of the vault's signing key.
    """
    problems: list[Problem] = []
    source = recorded.source
    if recorded.vault_id is not None and recorded.vault_id != vault_id:
        problems.append(
            _problem(
                "custody",
                "against_other_vault",
                "{source} was made from vault {theirs}, but this is vault {ours}: this vault is not "
                "the one that record was made from.",
                source=source,
                theirs=recorded.vault_id,
                ours=vault_id,
            )
        )
    if recorded.public_key_sha256 is not None and recorded.public_key_sha256 != key_sha256:
        problems.append(
            _problem(
                "custody",
                "against_key_changed",
                "The vault's signing key (SHA-256 {ours}) is not the key that signed {source} "
                "(SHA-256 {theirs}): the custody log has been signed again with another key.",
                source=source,
                ours=key_sha256,
                theirs=recorded.public_key_sha256,
            )
        )
    last = max(hashes, default=0)
    seq = recorded.seq
    if seq is None:
        seq = next((n for n, value in hashes.items() if value == recorded.hash), None)
        if seq is None:
            problems.append(
                _problem(
                    "custody",
                    "against_not_found",
                    "No event of the custody log has the hash {source} recorded ({hash}): the log was "
                    "rewritten or replaced, or the vault was put back to a copy older than that record.",
                    source=source,
                    hash=recorded.hash,
                )
            )
            return problems, []
    elif seq > last:
        problems.append(
            _problem(
                "custody",
                "against_rolled_back",
                "The custody log ends at event {last}, but {source} recorded event {seq}: the vault "
                "was put back to an older copy, or events were removed since that record.",
                seq,
                source=source,
                last=last,
                seq=seq,
            )
        )
        return problems, []
    elif hashes[seq] != recorded.hash:
        problems.append(
            _problem(
                "custody",
                "against_rewritten",
                "Event {seq} of the custody log does not have the hash {source} recorded: since then "
                "the log up to that event was rewritten or replaced, or the vault was put back to an "
                "older copy (recorded {recorded}, found {found}).",
                seq,
                source=source,
                seq=seq,
                recorded=recorded.hash,
                found=hashes[seq],
            )
        )
        return problems, []
    if problems:
        return problems, []
    note = _problem(
        "custody",
        "against_ok",
        "The custody log still contains the head {source} recorded ({head}); events added since: {later}.",
        seq,
        source=source,
        head=format_head(seq, recorded.hash),
        later=last - seq,
    )
    return [], [note]
