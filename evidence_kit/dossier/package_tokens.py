"""The RFC 3161 tokens a package ships in timestamps/, and the openssl commands VERIFY.txt gives for them.

Rule: each token is shipped as the TSA's whole reply (`NNNN.tsr`, what `openssl ts -verify -in`
reads) beside the TSA's certificates, split the way openssl wants them: self-signed roots in a
`-CAfile`, the others in an `-untrusted` file, each named by its hash so tokens from one TSA
share them. The commands are built by `timestamping.openssl_verify_command`, the same builder
the tests run. Nothing here writes to disk: `token_files` says what to write.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from evidence_kit.dossier.package_manifest import utc_text
from evidence_kit.hashing import sha256_hex
from evidence_kit.timestamping.openssl import openssl_verify_command
from evidence_kit.timestamping.subjects import TokenSubject
from evidence_kit.verify.package_format import TIMESTAMPS_DIR, is_sha256_hex
from evidence_kit.verify.texts import TokenCommand

# What VERIFY.txt puts after -CAfile when the package holds no root: the reader supplies the TSA's own.
READER_SUPPLIED_ROOT = "TSA_ROOT_CERTIFICATE.pem"


@dataclass(frozen=True)
class PackageToken:
    """An RFC 3161 token to ship in `timestamps/`.

    `response_der` is the TSA's reply as received (DER TimeStampResp: what `openssl ts -verify
    -in` reads). `stamped_sha256` is the hex digest in its message imprint. `tsa_certificates_pem`
    is the TSA's chain as stored with the token (PEM, any order; self-signed certificates become
    the `-CAfile`, the others `-untrusted`). `inclusion_proofs` holds, per item id, the opaque
    steps of the Merkle scheme (MERKLE_ROOT tokens only).
    """

    response_der: bytes
    tsa_name: str
    stamped_sha256: str
    subject: TokenSubject
    item_ids: tuple[int, ...] = ()
    tsa_certificates_pem: bytes = b""
    gen_time: datetime | None = None
    inclusion_proofs: tuple[tuple[int, tuple[str, ...]], ...] = ()


def check_token_inputs(tokens: Sequence[PackageToken], item_sha256: Mapping[int, str]) -> None:
    """ValueError when a token cannot be shipped as given (`item_sha256`: the exported items by id)."""
    for token in tokens:
        if not is_sha256_hex(token.stamped_sha256.lower()):
            raise ValueError("a token's stamped_sha256 must be 64 hex digits")
        if not set(token.item_ids).issubset(item_sha256):
            raise ValueError("a token names an item that is not exported")
        if token.subject is TokenSubject.ITEM:
            if len(token.item_ids) != 1:
                raise ValueError("an item token names exactly one item")
            if item_sha256[token.item_ids[0]].lower() != token.stamped_sha256.lower():
                raise ValueError("an item token must stamp that item's SHA-256")
        if token.subject is TokenSubject.MERKLE_ROOT and {i for i, _ in token.inclusion_proofs} != set(
            token.item_ids
        ):
            raise ValueError("a Merkle token needs one inclusion proof per item")


def _split_certificates(pem: bytes, response_der: bytes) -> tuple[bytes, bytes]:
    """(self-signed roots, other certificates openssl needs) of a TSA's PEM chain, each as PEM.

    The TSA's own (non-CA) certificate goes into the `-untrusted` file only when the reply does
    not carry it already: openssl warns about a non-CA certificate there, which would worry a
    careful reader for nothing.
    """
    if not pem.strip():
        return b"", b""
    roots: list[bytes] = []
    others: list[bytes] = []
    leaves: list[bytes] = []
    for cert in x509.load_pem_x509_certificates(pem):
        encoded = cert.public_bytes(serialization.Encoding.PEM)
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        if cert.issuer == cert.subject:
            roots.append(encoded)
        else:
            (others if is_ca else leaves).append(encoded)
    if leaves and not _reply_has_certificates(response_der):
        others.extend(leaves)
    return b"".join(roots), b"".join(others)


def _reply_has_certificates(response_der: bytes) -> bool:
    from rfc3161_client import decode_timestamp_response

    try:
        return bool(decode_timestamp_response(response_der).signed_data.certificates)
    except ValueError:
        return False


def token_openssl_commands(
    token_file: str,
    *,
    data_file: str | None,
    digest_hex: str,
    ca_file: str | None,
    untrusted_file: str | None,
) -> tuple[str, str]:
    """The `openssl ts -verify` command for one token (against a file or a digest) and the one that shows it.

    Package paths use '/' (openssl accepts it on Windows too) and are safe names, so no quoting
    is needed. Without a root certificate in the package the reader must supply the TSA's own.
    """
    verify = openssl_verify_command(
        token_file,
        ca_file=ca_file if ca_file is not None else READER_SUPPLIED_ROOT,
        digest_hex=digest_hex if data_file is None else None,
        data_file=data_file,
        untrusted_file=untrusted_file,
    )
    show = ["openssl", "ts", "-reply", "-in", token_file, "-text"]
    return " ".join(verify), " ".join(show)


def token_files(
    tokens: Sequence[PackageToken], files_by_id: Mapping[int, str], left_out: Collection[int] = ()
) -> tuple[list[dict[str, Any]], list[TokenCommand], dict[str, bytes]]:
    """(manifest entries, VERIFY.txt commands, files for timestamps/ by package path) of the tokens.

    The certificate files are deduplicated: tokens of one TSA share them. A token of an item whose
    original is `left_out` is checked against its recorded SHA-256 (-digest), as the file is absent.
    """
    entries: list[dict[str, Any]] = []
    commands: list[TokenCommand] = []
    files: dict[str, bytes] = {}
    for index, token in enumerate(tokens, start=1):
        token_file = f"{TIMESTAMPS_DIR}/{index:04d}.tsr"
        files[token_file] = token.response_der
        roots_pem, others_pem = _split_certificates(token.tsa_certificates_pem, token.response_der)
        ca_file = untrusted_file = None
        if roots_pem:
            ca_file = f"{TIMESTAMPS_DIR}/ca_{sha256_hex(roots_pem)[:16]}.pem"
            files[ca_file] = roots_pem
        if others_pem:
            untrusted_file = f"{TIMESTAMPS_DIR}/chain_{sha256_hex(others_pem)[:16]}.pem"
            files[untrusted_file] = others_pem
        stamped = token.stamped_sha256.lower()
        data_file = (
            files_by_id[token.item_ids[0]]
            if token.subject is TokenSubject.ITEM and token.item_ids[0] not in left_out
            else None
        )
        verify, show = token_openssl_commands(
            token_file,
            data_file=data_file,
            digest_hex=stamped,
            ca_file=ca_file,
            untrusted_file=untrusted_file,
        )
        commands.append(
            TokenCommand(
                token_file,
                str(token.subject),
                data_file,
                stamped,
                tuple(files_by_id[item_id] for item_id in token.item_ids),
                verify,
                show,
                ca_file is not None,
            )
        )
        entries.append(
            {
                "file": token_file,
                "tsa": token.tsa_name,
                "subject": str(token.subject),
                "stamped_sha256": stamped,
                "item_ids": list(token.item_ids),
                "gen_time_utc": utc_text(token.gen_time) if token.gen_time is not None else None,
                "ca_file": ca_file,
                "untrusted_file": untrusted_file,
                "inclusion_proofs": {str(item_id): list(steps) for item_id, steps in token.inclusion_proofs},
            }
        )
    return entries, commands, files
