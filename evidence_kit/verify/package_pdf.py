"""dossier.pdf: its one signature (intact, covering the whole file, by the certificate the manifest
records) and the manifest attached inside it.

Rule: the PDF is untrusted input parsed by pyHanko; whatever it raises becomes one finding. The
signer's self-made certificate is trusted for the cryptographic check only; that no authority
vouches for it is reported as a notice, not a failure.
"""

from __future__ import annotations

import io
from typing import Any

from evidence_kit.hashing import sha256_hex
from evidence_kit.verify.package_check import PackageCheck
from evidence_kit.verify.package_format import PDF_ATTACHMENT_NAME, PDF_NAME
from evidence_kit.verify.package_manifest import Manifest
from evidence_kit.verify.package_report import CheckStatus, report_time

MAX_PDF_BYTES = 2 * 1024 * 1024 * 1024  # pyHanko needs the whole PDF in memory
MAX_NAME_TREE_DEPTH = 32


def check_pdf(check: PackageCheck, manifest: Manifest | None, manifest_bytes: bytes | None) -> None:
    data = check.read_small(PDF_NAME, MAX_PDF_BYTES)
    if data is None:
        return
    try:
        _check_pdf(check, data, manifest, manifest_bytes)
    except Exception as exc:  # pyHanko parsing untrusted bytes can fail in many ways
        check.add(
            PDF_NAME,
            CheckStatus.INVALID,
            "pdf_unreadable",
            "dossier.pdf cannot be read as a PDF: {detail}",
            detail=str(exc) or type(exc).__name__,
        )


def _check_pdf(
    check: PackageCheck, data: bytes, manifest: Manifest | None, manifest_bytes: bytes | None
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    signatures = reader.embedded_regular_signatures
    if not signatures:
        check.add(PDF_NAME, CheckStatus.INVALID, "pdf_unsigned", "dossier.pdf is not signed.")
    elif len(signatures) > 1:
        # Evidence Kit signs once; a second signature means someone changed and re-signed the PDF.
        check.add(
            PDF_NAME,
            CheckStatus.MISMATCH,
            "pdf_signed_again",
            "dossier.pdf carries {count} signatures; Evidence Kit signs a dossier once.",
            count=len(signatures),
        )
    else:
        _check_signature(check, signatures[0], manifest)
    _check_attachment(check, reader, manifest_bytes)


def _check_signature(check: PackageCheck, signature: Any, manifest: Manifest | None) -> None:
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signer = signature.signer_cert
    # Trust the signer's own certificate for the cryptographic check; trust is reported apart.
    context = ValidationContext(trust_roots=[signer], allow_fetching=False, revocation_mode="soft-fail")
    ts_context = ValidationContext(
        trust_roots=_timestamp_certificates(signature), allow_fetching=False, revocation_mode="soft-fail"
    )
    # skip_diff: any later revision already fails the whole-file coverage check below.
    status = validate_pdf_signature(signature, context, ts_validation_context=ts_context, skip_diff=True)
    if not (status.intact and status.valid):
        check.add(
            PDF_NAME,
            CheckStatus.MISMATCH,
            "pdf_changed",
            "dossier.pdf has been changed after it was signed.",
        )
        return
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        check.add(
            PDF_NAME,
            CheckStatus.MISMATCH,
            "pdf_extended",
            "dossier.pdf was extended after it was signed: the signature does not cover the whole file.",
        )
        return
    check.add(
        PDF_NAME,
        CheckStatus.OK,
        "pdf_signature_ok",
        "dossier.pdf is signed and unchanged since signing; the signature covers the whole file.",
    )
    certificate_sha256 = sha256_hex(signer.dump())  # as SigningIdentity.certificate_sha256 records it
    if manifest is not None and manifest.pdf_certificate_sha256 not in (None, certificate_sha256):
        check.add(
            PDF_NAME,
            CheckStatus.MISMATCH,
            "pdf_signer_mismatch",
            "dossier.pdf is signed by a certificate other than the one recorded in manifest.json "
            "(SHA-256 {actual}, recorded {expected}).",
            actual=certificate_sha256,
            expected=manifest.pdf_certificate_sha256,
        )
    check.add(
        PDF_NAME,
        CheckStatus.NOTICE,
        "pdf_signer_self_made",
        "dossier.pdf is signed with the vault's own certificate ({signer}); no public authority "
        "vouches for it, so PDF readers call the signer unknown. This is expected.",
        signer=signer.subject.human_friendly,
    )
    timestamp = status.timestamp_validity
    if timestamp is not None:
        if timestamp.intact and timestamp.valid:
            check.add(
                PDF_NAME,
                CheckStatus.NOTICE,
                "pdf_timestamp_ok",
                "The signature of dossier.pdf carries a timestamp of {time} (UTC); it is intact.",
                time=report_time(timestamp.timestamp),
            )
        else:
            check.add(
                PDF_NAME,
                CheckStatus.MISMATCH,
                "pdf_timestamp_bad",
                "The timestamp on the signature of dossier.pdf is damaged.",
            )
    elif status.signer_reported_dt is not None:
        check.add(
            PDF_NAME,
            CheckStatus.NOTICE,
            "pdf_no_timestamp",
            "The signature of dossier.pdf has no timestamp; its signing time is the computer's "
            "clock: {time} (UTC).",
            time=report_time(status.signer_reported_dt),
        )


def _check_attachment(check: PackageCheck, reader: Any, manifest_bytes: bytes | None) -> None:
    attached = _attachment(reader, PDF_ATTACHMENT_NAME)
    if attached is None:
        check.add(
            PDF_NAME,
            CheckStatus.MISSING,
            "pdf_manifest_missing",
            "dossier.pdf has no manifest.json attached.",
        )
    elif manifest_bytes is not None and attached != manifest_bytes:
        check.add(
            PDF_NAME,
            CheckStatus.MISMATCH,
            "pdf_manifest_differs",
            "The manifest attached to dossier.pdf differs from manifest.json.",
        )
    elif manifest_bytes is not None:
        check.add(
            PDF_NAME,
            CheckStatus.OK,
            "pdf_manifest_ok",
            "The manifest attached to dossier.pdf is identical to manifest.json.",
        )


def _timestamp_certificates(signature: Any) -> list[Any]:
    """The certificates inside the signature's own timestamp token (for the cryptographic check only)."""
    attrs = signature.signer_info["unsigned_attrs"]
    certificates: list[Any] = []
    if attrs.native is None:
        return certificates
    for attr in attrs:
        if attr["type"].native != "signature_time_stamp_token":
            continue
        for token in attr["values"]:
            for choice in token["content"]["certificates"]:
                if choice.name == "certificate":
                    certificates.append(choice.chosen)
    return certificates


def _attachment(reader: Any, wanted: str) -> bytes | None:
    """The bytes of the embedded file `wanted` from the document's EmbeddedFiles name tree."""
    try:
        tree = reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return None
    found = _find_in_name_tree(tree, wanted, 0)
    if found is None:
        return None
    spec = found.get_object()
    stream = spec["/EF"].get("/UF") or spec["/EF"]["/F"]
    data: bytes = stream.get_object().data
    return data


def _find_in_name_tree(node: Any, wanted: str, depth: int) -> Any:
    if depth > MAX_NAME_TREE_DEPTH:
        return None
    node = node.get_object()
    names = node.get("/Names")
    if names is not None:
        names = names.get_object()
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == wanted:
                return names[index + 1]
    for kid in node.get("/Kids") or ():
        found = _find_in_name_tree(kid, wanted, depth + 1)
        if found is not None:
            return found
    return None


def attached_manifest(data: bytes) -> bytes | None:
    """The manifest.json embedded in a dossier PDF's bytes, or None (for `verify --against`)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return _attachment(PdfFileReader(io.BytesIO(data), strict=False), PDF_ATTACHMENT_NAME)
