"""Signing dossier.pdf: the vault identity, the attached manifest, PAdES B-B and B-T, checked by poppler."""

from __future__ import annotations

import io
import socket
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from evidence_kit.dossier.signing import (
    PdfSigningError,
    PdfTimestampError,
    sign_pdf,
)
from evidence_kit.errors import OutputExistsError
from evidence_kit.storage.signing_identity import SigningIdentity, SigningIdentityError, make_signing_identity

from .package_fixtures import GEN_TIME, example_tsa, local_tsa_server, pdf_identity, tiny_pdf

MANIFEST = b'{"dossier_id":"EK-2024-0001","items":[]}'


def _pdfsig(path: Path) -> str:
    result = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    return result.stdout + result.stderr


def _validate(path: Path) -> object:
    reader = PdfFileReader(io.BytesIO(path.read_bytes()), strict=False)
    (signature,) = reader.embedded_regular_signatures
    context = ValidationContext(trust_roots=[signature.signer_cert], allow_fetching=False)
    return validate_pdf_signature(
        signature, context, ts_validation_context=ValidationContext(trust_roots=[], allow_fetching=False)
    )


def test_identity_is_a_self_signed_p256_certificate() -> None:
    moment = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    identity = make_signing_identity("Evidence Kit vault 0a1b", now=moment)
    certificate = identity.certificate
    assert isinstance(identity.private_key.curve, ec.SECP256R1)
    assert certificate.subject == certificate.issuer
    assert (
        certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
        == "Evidence Kit vault 0a1b"
    )
    assert certificate.not_valid_before_utc == datetime(2024, 4, 30, 12, 0, tzinfo=UTC)
    assert certificate.not_valid_after_utc.year == 2074
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert len(identity.certificate_sha256) == 64


def test_identity_round_trips_through_bytes() -> None:
    identity = pdf_identity()
    data = identity.to_bytes()
    assert data.startswith(b"-----BEGIN PRIVATE KEY-----")
    again = SigningIdentity.from_bytes(data)
    assert again.certificate == identity.certificate
    assert again.private_key.private_numbers() == identity.private_key.private_numbers()


def test_a_damaged_identity_is_a_typed_error() -> None:
    with pytest.raises(SigningIdentityError):
        SigningIdentity.from_bytes(b"not a key")
    other = make_signing_identity("other")
    mixed = pdf_identity().to_bytes().split(b"-----BEGIN CERTIFICATE-----")[0] + other.certificate_pem
    with pytest.raises(SigningIdentityError, match="does not belong"):
        SigningIdentity.from_bytes(mixed)


def test_signed_pdf_is_valid_for_pdfsig_qpdf_and_pyhanko(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    outcome = sign_pdf(tiny_pdf(), out, pdf_identity(), MANIFEST)
    assert outcome.timestamped is False and outcome.timestamp_problem is None
    report = _pdfsig(out)
    assert "Signature is Valid." in report
    assert "Total document signed" in report
    assert "Signature Type: ETSI.CAdES.detached" in report  # PAdES
    assert "Signer Certificate Common Name: Evidence Kit vault 5f1c-test" in report
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    listing = subprocess.run(["pdfdetach", "-list", str(out)], capture_output=True, text=True).stdout
    assert "1: manifest.json" in listing
    saved = tmp_path / "attached.json"
    subprocess.run(["pdfdetach", "-savefile", "manifest.json", "-o", str(saved), str(out)], check=True)
    assert saved.read_bytes() == MANIFEST
    status = _validate(out)
    assert status.intact and status.valid  # type: ignore[attr-defined]
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE  # type: ignore[attr-defined]


def test_signing_from_a_path_gives_the_same_kind_of_pdf(tmp_path: Path) -> None:
    source = tmp_path / "unsigned.pdf"
    source.write_bytes(tiny_pdf())
    out = tmp_path / "signed.pdf"
    sign_pdf(source, out, pdf_identity(), MANIFEST, reason="Evidence Kit dossier", location="Utrecht")
    assert "Signature is Valid." in _pdfsig(out)
    assert out.stat().st_mode & 0o777 == 0o600


def test_one_changed_byte_makes_pdfsig_fail(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    sign_pdf(tiny_pdf(), out, pdf_identity(), MANIFEST)
    data = bytearray(out.read_bytes())
    data[data.index(b"ReportLab")] ^= 0x01  # the producer name in the signed document information
    out.write_bytes(bytes(data))
    report = _pdfsig(out)
    assert "Signature is Valid." not in report
    assert "Signature Validation: Digest Mismatch." in report


def test_b_t_signature_through_a_local_tsa(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    with local_tsa_server(example_tsa()) as url:
        outcome = sign_pdf(tiny_pdf(), out, pdf_identity(), MANIFEST, timestamp_url=url)
    assert outcome.timestamped is True and outcome.timestamp_url == url
    assert "Signature is Valid." in _pdfsig(out)
    status = _validate(out)
    timestamp = status.timestamp_validity  # type: ignore[attr-defined]
    assert timestamp is not None and timestamp.intact and timestamp.valid
    assert timestamp.timestamp == GEN_TIME


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"


def test_an_unreachable_tsa_falls_back_to_b_b(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    url = _closed_port_url()
    outcome = sign_pdf(tiny_pdf(), out, pdf_identity(), MANIFEST, timestamp_url=url)
    assert outcome.timestamped is False
    assert outcome.timestamp_problem == "Error while contacting timestamp service"
    assert "Signature is Valid." in _pdfsig(out)
    assert _validate(out).timestamp_validity is None  # type: ignore[attr-defined]


def test_a_required_timestamp_that_fails_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    with pytest.raises(PdfTimestampError) as caught:
        sign_pdf(
            tiny_pdf(),
            out,
            pdf_identity(),
            MANIFEST,
            timestamp_url=_closed_port_url(),
            require_timestamp=True,
        )
    assert "did not give a usable timestamp" in str(caught.value)
    assert not out.exists()


def test_garbage_is_not_signed_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    with pytest.raises(PdfSigningError) as caught:
        sign_pdf(b"%PDF-1.4 this is not really a PDF", out, pdf_identity(), MANIFEST)
    assert caught.value.params["path"] == str(out)
    assert not out.exists()


def test_an_existing_output_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError):
        sign_pdf(tiny_pdf(), out, pdf_identity(), MANIFEST)
    assert out.read_bytes() == b"keep me"
