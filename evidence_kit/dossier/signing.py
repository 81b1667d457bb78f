"""Signing the dossier PDF: a per-vault certificate, manifest.json attached, PAdES with pyHanko.

Rule: the PDF is signed exactly once, as the last thing written to it, so the signature covers
the whole file; manifest.json is attached *before* signing, so the signed PDF alone carries
every item's hash. The key is ECDSA P-256 with a self-signed certificate made by the vault:
pyHanko, poppler's `pdfsig` and Adobe Reader all validate it (Ed25519 is poorly supported by
PDF viewers). The certificate is public inside every PDF, so its name must not identify the
victim. A readers' "signer unknown" is expected and honest: no public authority vouches for
the certificate; integrity, not identity, is what it shows.

Timestamps: with a TSA URL the signature becomes PAdES B-T (pyHanko's HTTPTimeStamper). A TSA
that cannot be reached or answers badly never blocks an export (offline first): the
PDF is then signed B-B and `SignOutcome` says why, unless the caller requires the timestamp.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cryptography.hazmat.primitives import serialization

from evidence_kit.errors import EvidenceKitError, OutputExistsError
from evidence_kit.storage.signing_identity import SigningIdentity

if TYPE_CHECKING:
    from pyhanko.sign.timestamps import TimeStamper

SIGNATURE_FIELD = "EvidenceKitDossier"
ATTACHMENT_NAME = "manifest.json"
ATTACHMENT_DESCRIPTION = "Evidence Kit manifest: every file of the package with its SHA-256"
TSA_TIMEOUT_SECONDS = 15


class PdfSigningError(EvidenceKitError):
    template = "Could not sign {path}: {detail}"


class PdfTimestampError(EvidenceKitError):
    template = "The time-stamp authority {url} did not give a usable timestamp: {detail}"


@dataclass(frozen=True)
class SignOutcome:
    """How the PDF was signed: `timestamped` for PAdES B-T; else `timestamp_problem` says why not."""

    timestamped: bool
    timestamp_url: str | None
    timestamp_problem: str | None = None


def _signed_pdf(
    source: BinaryIO,
    output: BinaryIO,
    identity: SigningIdentity,
    manifest_json: bytes,
    timestamper: TimeStamper | None,
    reason: str | None,
    location: str | None,
) -> None:
    """Attach manifest.json and sign, in one incremental update written to `output`."""
    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = asn1_x509.Certificate.load(identity.certificate_der)
    key = asn1_keys.PrivateKeyInfo.load(
        identity.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    registry = SimpleCertificateStore.from_certs([certificate])  # type: ignore[no-untyped-call]
    signer = signers.SimpleSigner(signing_cert=certificate, signing_key=key, cert_registry=registry)
    writer = IncrementalPdfFileWriter(source, strict=False)
    # PDF/A: the information dictionary and the XMP metadata must agree. pyHanko writes its own
    # name as the XMP producer but appends it to an existing /Producer; without one, both match.
    info_ref = getattr(writer, "_info", None)
    if info_ref is not None:
        info = info_ref.get_object()
        if "/Producer" in info:
            del info["/Producer"]
    # PDF/A-3 asks of an attachment: its media type, a modification date, and how it relates to
    # the document (/AFRelationship, listed in the catalog's /AF). The manifest is data.
    attachment = embed.EmbeddedFileObject.from_file_data(
        writer,
        manifest_json,
        mime_type="application/json",
        params=embed.EmbeddedFileParams(modification_date=datetime.now(UTC)),
    )
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=ATTACHMENT_NAME,
            file_name=ATTACHMENT_NAME,
            embedded_data=attachment,
            description=ATTACHMENT_DESCRIPTION,
            af_relationship=generic.NameObject("/Data"),
        ),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    signers.sign_pdf(writer, metadata, signer=signer, timestamper=timestamper, output=output)


def sign_pdf(
    pdf_in: bytes | Path,
    out: Path,
    identity: SigningIdentity,
    manifest_json: bytes,
    timestamp_url: str | None = None,
    *,
    require_timestamp: bool = False,
    reason: str | None = None,
    location: str | None = None,
    timestamper: TimeStamper | None = None,
) -> SignOutcome:
    """Write `out` (new file, mode 0600): `pdf_in` with `manifest_json` attached, signed PAdES B-B or B-T.

    `timestamp_url` (or a ready `timestamper`, for tests) asks for B-T. When the TSA fails, the
    PDF is signed B-B and the outcome says why, or PdfTimestampError is raised when
    `require_timestamp`. Raises PdfSigningError when `pdf_in` cannot be signed at all.
    """
    from pyhanko.sign.timestamps import HTTPTimeStamper

    out = Path(out)
    if timestamper is None and timestamp_url is not None:
        timestamper = HTTPTimeStamper(timestamp_url, timeout=TSA_TIMEOUT_SECONDS)
    try:
        fd = os.open(out, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError as exc:
        raise OutputExistsError(path=str(out)) from exc
    except OSError as exc:
        raise PdfSigningError(path=str(out), detail=exc.strerror or str(exc)) from exc
    problem: str | None = None
    try:
        with contextlib.ExitStack() as stack:
            output = stack.enter_context(os.fdopen(fd, "w+b"))
            source: BinaryIO = (
                stack.enter_context(open(pdf_in, "rb")) if isinstance(pdf_in, Path) else io.BytesIO(pdf_in)
            )
            if timestamper is not None:
                try:
                    _signed_pdf(source, output, identity, manifest_json, timestamper, reason, location)
                    return SignOutcome(timestamped=True, timestamp_url=timestamp_url)
                except Exception as exc:  # any TSA failure (network, garbage reply) means: no timestamp
                    problem = str(exc) or type(exc).__name__
                    if require_timestamp:
                        raise PdfTimestampError(url=timestamp_url or "(test)", detail=problem) from exc
                    source.seek(0)
                    output.seek(0)
                    output.truncate()
            _signed_pdf(source, output, identity, manifest_json, None, reason, location)
            return SignOutcome(timestamped=False, timestamp_url=timestamp_url, timestamp_problem=problem)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            out.unlink()
        if isinstance(exc, EvidenceKitError | KeyboardInterrupt | SystemExit):
            raise
        detail = str(exc) or type(exc).__name__
        raise PdfSigningError(path=str(out), detail=detail) from exc
