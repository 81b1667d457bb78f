"""The RFC 3161 time-stamp tokens in timestamps/: what each stamps, what it covers, who signed it.

Rule: a token is checked only when its file hashed right. Its message imprint must be the
digest the manifest says; an item token must stamp that item's SHA-256 and a Merkle root must be
reached from each item's inclusion proof (`timestamping.subjects.covered_digest`, the same check
the vault's verify makes); its signature is checked against the TSA certificates in the package
(`timestamping.client.verify_response`). Those certificates came with the package, so trusting
them is a notice for the reader, not a pass; without a root only the stamped hash is checked.
"""

from __future__ import annotations

from cryptography import x509

from evidence_kit.timestamping.subjects import TokenSubject, covered_digest
from evidence_kit.verify.package_check import MAX_SMALL_FILE_BYTES, PackageCheck
from evidence_kit.verify.package_manifest import Manifest, TokenEntry
from evidence_kit.verify.package_report import CheckStatus, report_time


def check_tokens(check: PackageCheck, manifest: Manifest) -> None:
    for token in manifest.tokens:
        if not check.file_ok.get(token.file):
            continue  # its file was already reported missing or changed
        try:
            _check_token(check, token, manifest)
        except Exception as exc:  # ASN.1 parsing of untrusted bytes can fail in many ways
            _token_invalid(check, token, str(exc) or type(exc).__name__)


def _token_invalid(check: PackageCheck, token: TokenEntry, detail: str) -> None:
    check.add(
        token.file,
        CheckStatus.INVALID,
        "token_invalid",
        "{file} is not a usable time-stamp token: {detail}",
        file=token.file,
        detail=detail,
    )


def _check_token(check: PackageCheck, token: TokenEntry, manifest: Manifest) -> None:
    from rfc3161_client import decode_timestamp_response

    from evidence_kit.timestamping.client import verify_response
    from evidence_kit.timestamping.errors import TimestampError

    data = check.source.read(token.file, MAX_SMALL_FILE_BYTES) or b""
    imprint = decode_timestamp_response(data).tst_info.message_imprint.message.hex()
    if imprint != token.stamped_sha256:
        check.add(
            token.file,
            CheckStatus.MISMATCH,
            "token_imprint_mismatch",
            "{file} stamps {actual}, not {expected} as the manifest says.",
            file=token.file,
            actual=imprint,
            expected=token.stamped_sha256,
        )
        return
    if not _token_covers_items(check, token, manifest):
        return
    roots = _certificates(check, token.ca_file)
    if roots:
        try:
            info = verify_response(
                data,
                bytes.fromhex(imprint),
                roots=roots,
                intermediates=_certificates(check, token.untrusted_file),
                tsa=token.file,
            )
        except TimestampError as exc:
            _token_invalid(check, token, str(exc))
            return
        time = report_time(info.gen_time)
    else:
        time = report_time(decode_timestamp_response(data).tst_info.gen_time)
    if token.subject == TokenSubject.ITEM:
        check.add(
            token.file,
            CheckStatus.OK,
            "token_ok",
            "{file}: a valid time-stamp token of {time} (UTC) for {subject}.",
            file=token.file,
            time=time,
            subject=manifest.item_ids[token.item_ids[0]].file,
        )
    elif token.subject == TokenSubject.MERKLE_ROOT:
        check.add(
            token.file,
            CheckStatus.OK,
            "token_ok",
            "{file}: a valid time-stamp token of {time} (UTC) for the Merkle root {sha256} of {items}.",
            file=token.file,
            time=time,
            sha256=imprint,
            items=", ".join(manifest.item_ids[i].file for i in token.item_ids),
        )
    else:
        check.add(
            token.file,
            CheckStatus.OK,
            "token_ok",
            "{file}: a valid time-stamp token of {time} (UTC) for the custody log head {sha256}.",
            file=token.file,
            time=time,
            sha256=imprint,
        )
    if roots:
        check.add(
            token.file,
            CheckStatus.NOTICE,
            "token_trust",
            "{file}: the time-stamp authority's certificate in the package was used; compare it with "
            "the one the authority publishes.",
            file=token.file,
        )
    else:
        check.add(
            token.file,
            CheckStatus.NOTICE,
            "token_no_root",
            "{file}: the package holds no root certificate of the time-stamp authority, so only the "
            "stamped hash was checked, not the authority's signature.",
            file=token.file,
        )


def _token_covers_items(check: PackageCheck, token: TokenEntry, manifest: Manifest) -> bool:
    """An item token stamps its item's SHA-256; a Merkle root is reached from each item's proof."""
    if token.subject == TokenSubject.ITEM:
        item = manifest.item_ids.get(token.item_ids[0]) if len(token.item_ids) == 1 else None
        # No steps: an item token's proofs, if a manifest lists any, are not part of what it stamps.
        if item is None or covered_digest(TokenSubject.ITEM, item.sha256, ()) != token.stamped_sha256:
            check.add(
                token.file,
                CheckStatus.MISMATCH,
                "token_item_mismatch",
                "{file} stamps {actual}, not {expected} as the manifest says.",
                file=token.file,
                actual=token.stamped_sha256,
                expected=item.sha256 if item is not None else "?",
            )
            return False
    elif token.subject == TokenSubject.MERKLE_ROOT:
        for item_id in token.item_ids:
            item = manifest.item_ids.get(item_id)
            steps = token.proofs.get(item_id)
            if (
                item is None
                or steps is None
                or covered_digest(TokenSubject.MERKLE_ROOT, item.sha256, steps) != token.stamped_sha256
            ):
                check.add(
                    token.file,
                    CheckStatus.MISMATCH,
                    "token_proof_mismatch",
                    "{file}: the inclusion proof of item {item} does not lead to the stamped Merkle "
                    "root {sha256}.",
                    file=token.file,
                    item=item.file if item is not None else item_id,
                    sha256=token.stamped_sha256,
                )
                return False
    elif token.subject != TokenSubject.CUSTODY_HEAD:
        _token_invalid(check, token, f"unknown subject {token.subject!r}")
        return False
    return True


def _certificates(check: PackageCheck, name: str | None) -> list[x509.Certificate]:
    if name is None or not check.file_ok.get(name):
        return []
    return list(x509.load_pem_x509_certificates(check.source.read(name, MAX_SMALL_FILE_BYTES) or b""))
