"""The RFC 3161 time-stamp tokens in timestamps/: what each stamps, what it covers, who signed it,
and whose word the authority's root rests on.

Rule: a token is checked only when its file hashed right. Its message imprint must be the
digest the manifest says; an item token must stamp that item's SHA-256 and a Merkle root must be
reached from each item's inclusion proof (`timestamping.subjects.covered_digest`, the same check
the vault's verify makes); its signature is checked against the roots in the package, the roots
the vault's keeper added (listed in the manifest), the roots the reader passed with
`--trust-ca`, and Mozilla's root store. What fails there is an integrity failure. Whose word the
root rests on is reported apart: the reader's own (`--trust-ca`) or Mozilla's store is a note;
a root that only the package vouches for — shipped with the token, or added by the vault's
keeper — is a trust *warning* (exit 3): the package cannot vouch for itself, so a forensic
examiner compares the fingerprint with the authority's published root and passes it with
`--trust-ca`. Without any root only the stamped hash is checked, also a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from evidence_kit.hashing import sha256_hex
from evidence_kit.timestamping.subjects import TokenSubject, covered_digest
from evidence_kit.verify.package_check import MAX_SMALL_FILE_BYTES, PackageCheck
from evidence_kit.verify.package_manifest import KeeperRootEntry, Manifest, TokenEntry
from evidence_kit.verify.package_report import CheckStatus, report_time


@dataclass(frozen=True)
class _Trust:
    """The roots a token may chain to, by who vouches for them (DER -> certificate)."""

    reader: dict[bytes, x509.Certificate]  # --trust-ca
    public: dict[bytes, x509.Certificate]  # Mozilla's store (certifi)
    keeper: dict[bytes, tuple[x509.Certificate, KeeperRootEntry]]  # added by the vault's keeper

    def candidates(self) -> list[x509.Certificate]:
        keeper = [certificate for certificate, _entry in self.keeper.values()]
        return [*self.reader.values(), *keeper, *self.public.values()]


def _by_der(certificates: Sequence[x509.Certificate]) -> dict[bytes, x509.Certificate]:
    return {certificate.public_bytes(Encoding.DER): certificate for certificate in certificates}


def _trust(check: PackageCheck, manifest: Manifest, reader: Sequence[x509.Certificate]) -> _Trust:
    from evidence_kit.timestamping.tsas import certifi_roots

    keeper: dict[bytes, tuple[x509.Certificate, KeeperRootEntry]] = {}
    for entry in manifest.keeper_roots:
        try:
            certificates = _certificates(check, entry.file)
        except ValueError:
            certificates = []
        for certificate in certificates:
            der = certificate.public_bytes(Encoding.DER)
            if sha256_hex(der) == entry.sha256:
                keeper[der] = (certificate, entry)
        if not any(e is entry for _c, e in keeper.values()) and check.file_ok.get(entry.file):
            check.add(
                entry.file,
                CheckStatus.MISMATCH,
                "keeper_root_mismatch",
                "{file} does not hold the root certificate the manifest lists (SHA-256 {sha256}).",
                file=entry.file,
                sha256=entry.sha256,
            )
    try:
        public = _by_der(certifi_roots())
    except (OSError, ValueError):  # a broken install: nothing is public then
        public = {}
    return _Trust(_by_der(reader), public, keeper)


def check_tokens(
    check: PackageCheck, manifest: Manifest, trusted_roots: Sequence[x509.Certificate] = ()
) -> None:
    """Check every token; `trusted_roots` are the reader's own (`verify-package --trust-ca`)."""
    trust = _trust(check, manifest, trusted_roots)
    for token in manifest.tokens:
        if not check.file_ok.get(token.file):
            continue  # its file was already reported missing or changed
        try:
            _check_token(check, token, manifest, trust)
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


def _check_token(check: PackageCheck, token: TokenEntry, manifest: Manifest, trust: _Trust) -> None:
    from rfc3161_client import decode_timestamp_response

    from evidence_kit.timestamping.client import verify_response
    from evidence_kit.timestamping.errors import TimestampError, TsaCertificateUntrustedError

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
    shipped = _certificates(check, token.ca_file)
    root_der: bytes | None = None
    try:
        info = verify_response(
            data,
            bytes.fromhex(imprint),
            roots=[*shipped, *trust.candidates()],
            intermediates=_certificates(check, token.untrusted_file),
            tsa=token.file,
        )
        time = report_time(info.gen_time)
        root_der = info.chain_der[-1]
    except TsaCertificateUntrustedError as exc:
        if shipped:  # the package's own root does not lead to the signer: the package is wrong
            _token_invalid(check, token, str(exc))
            return
        time = report_time(decode_timestamp_response(data).tst_info.gen_time)
    except TimestampError as exc:
        _token_invalid(check, token, str(exc))
        return
    _token_ok(check, token, manifest, time, imprint)
    _report_trust(check, token, trust, root_der)


def _token_ok(check: PackageCheck, token: TokenEntry, manifest: Manifest, time: str, imprint: str) -> None:
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


def _report_trust(check: PackageCheck, token: TokenEntry, trust: _Trust, root_der: bytes | None) -> None:
    """Whose word the token's root rests on: the reader's or Mozilla's (a note), or only the package's."""
    if root_der is None:
        check.add(
            token.file,
            CheckStatus.WARNING,
            "token_no_root",
            "{file}: no root certificate of the time-stamp authority is in the package or trusted "
            "by you, so only the stamped hash was checked, not the authority's signature. Pass the "
            "authority's root with --trust-ca to check it.",
            file=token.file,
        )
        return
    fingerprint = sha256_hex(root_der)
    if root_der in trust.reader:
        check.add(
            token.file,
            CheckStatus.NOTICE,
            "token_root_yours",
            "{file}: the time-stamp authority's root certificate is one you gave with --trust-ca "
            "(SHA-256 {fingerprint}).",
            file=token.file,
            fingerprint=fingerprint,
        )
    elif root_der in trust.public:
        check.add(
            token.file,
            CheckStatus.NOTICE,
            "token_root_public",
            "{file}: the time-stamp authority's root certificate ({subject}) is in Mozilla's root "
            "store, which this program ships.",
            file=token.file,
            subject=trust.public[root_der].subject.rfc4514_string(),
        )
    elif root_der in trust.keeper:
        check.add(
            token.file,
            CheckStatus.WARNING,
            "token_root_keeper",
            "{file}: the time-stamp authority's root certificate (SHA-256 {fingerprint}) was added "
            "by the vault's keeper on {day}; only the package vouches for it. Compare the fingerprint "
            "with the root the authority publishes, then pass {root} with --trust-ca.",
            file=token.file,
            fingerprint=fingerprint,
            day=trust.keeper[root_der][1].added_utc[:10],
            root=trust.keeper[root_der][1].file,
        )
    else:
        check.add(
            token.file,
            CheckStatus.WARNING,
            "token_root_untrusted",
            "{file}: the time-stamp authority's root certificate (SHA-256 {fingerprint}) came with "
            "the package and nobody outside it vouches for it. Compare the fingerprint with the root "
            "the authority publishes, then pass {root} with --trust-ca.",
            file=token.file,
            fingerprint=fingerprint,
            root=token.ca_file or "?",
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
