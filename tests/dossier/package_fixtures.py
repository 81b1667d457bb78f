"""Fictional packages for the package, signing and verify-package tests.

Everything here is made up in memory: items with invented names ("Anna de Vries",
example.com), a test CA and time-stamp authority made with `cryptography`, and a small PDF
made with ReportLab. The TSA answers through pyHanko's DummyTimeStamper, either in-process or
behind a tiny HTTP server on 127.0.0.1 (the real HTTP path of pyHanko's HTTPTimeStamper).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper

from evidence_kit.domain import ItemKind, TimeSource, Timestamp
from evidence_kit.dossier.package import (
    PackageItem,
    PackageResult,
    PackageToken,
    TokenSubject,
    export_package,
)
from evidence_kit.dossier.signing import SignOutcome
from evidence_kit.storage.signing_identity import SigningIdentity, make_signing_identity
from evidence_kit.timestamping.merkle import build_merkle

REPO = Path(__file__).resolve().parents[2]
FONT = REPO / "resources" / "fonts" / "NotoSans-Regular.ttf"
EXPORT_TIME = datetime(2024, 5, 17, 14, 30, 5, tzinfo=UTC)
GEN_TIME = datetime(2024, 5, 17, 14, 0, 0, tzinfo=UTC)


# ----------------------------------------------------------------------------- a test TSA


@dataclass(frozen=True)
class ExampleTsa:
    ca_certificate: x509.Certificate
    tsa_certificate: x509.Certificate
    tsa_key: rsa.RSAPrivateKey

    @property
    def chain_pem(self) -> bytes:
        return b"".join(
            cert.public_bytes(serialization.Encoding.PEM)
            for cert in (self.tsa_certificate, self.ca_certificate)
        )

    def stamper(self) -> DummyTimeStamper:
        certificate = asn1_x509.Certificate.load(
            self.tsa_certificate.public_bytes(serialization.Encoding.DER)
        )
        key = asn1_keys.PrivateKeyInfo.load(
            self.tsa_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        return DummyTimeStamper(tsa_cert=certificate, tsa_key=key, fixed_dt=GEN_TIME)

    def response_for(self, digest: bytes) -> bytes:
        """A DER TimeStampResp over a SHA-256 digest, as a TSA would send it."""
        _nonce, request = self.stamper().request_cms(digest, "sha256")  # type: ignore[no-untyped-call]
        response: bytes = self.stamper().request_tsa_response(request).dump()
        return response


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@functools.cache
def example_tsa() -> ExampleTsa:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Example Test Root CA"))
        .issuer_name(_name("Example Test Root CA"))
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(_name("Example Test TSA"))
        .issuer_name(ca.subject)
        .public_key(tsa_key.public_key())
        .serial_number(2)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return ExampleTsa(ca, tsa, tsa_key)


@contextmanager
def local_tsa_server(tsa: ExampleTsa) -> Iterator[str]:
    """An RFC 3161 server over HTTP on 127.0.0.1; yields its URL."""
    stamper = tsa.stamper()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            reply = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *_args: object) -> None:
            """Quiet."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# ----------------------------------------------------------------------------- PDF and identities


def tiny_pdf(text: str = "Dossier EK-2024-0001") -> bytes:
    """A one-page PDF, with the bundled Noto Sans embedded when the fonts are there."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    font = "Helvetica"
    if FONT.is_file():
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("NotoSans", str(FONT)))
        font = "NotoSans"
    page.setFont(font, 11)
    page.drawString(72, 760, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


@functools.cache
def pdf_identity() -> SigningIdentity:
    return make_signing_identity("Evidence Kit vault 5f1c-test")


@functools.cache
def manifest_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


# ----------------------------------------------------------------------------- items


def item(number: int, name: str, data: bytes, kind: ItemKind = ItemKind.FILE, **extra: object) -> PackageItem:
    return PackageItem(
        number=number,
        item_id=100 + number,
        original_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        kind=kind,
        open=lambda: io.BytesIO(data),
        **extra,  # type: ignore[arg-type]
    )


def fictional_items() -> list[PackageItem]:
    chat = (
        "[12-03-2024 21:14] Anna de Vries: Waarom antwoord je niet?\n"
        "[12-03-2024 21:15] +31 6 00000000: Ik weet waar je woont 👀\n"
    ).encode()
    content_time = Timestamp(
        TimeSource.CONTENT,
        local=datetime(2024, 3, 12, 21, 14),
        assumption="time zone not stated in the export",
    )
    imported = Timestamp.from_aware(datetime(2024, 3, 13, 9, 0, tzinfo=UTC), TimeSource.IMPORT_CLOCK)
    return [
        item(
            1,
            "screenshot.png",
            b"\x89PNG\r\n\x1a\nfake screenshot bytes",
            ItemKind.IMAGE,
            media_type="image/png",
            times=(imported,),
        ),
        item(
            2,
            "WhatsApp Chat met Anna.txt",
            chat,
            ItemKind.CHAT,
            media_type="text/plain",
            times=(content_time, imported),
            message_count=2,
        ),
        item(3, "bericht.eml", b"From: anna@example.com\r\nSubject: Test\r\n\r\nHallo\r\n", ItemKind.EMAIL),
        item(4, "../../etc/passwd", b"not really a password file\n"),
        item(5, "photo\u202egnp.exe", b"MZ pretend executable", media_type="application/octet-stream"),
        item(6, "CON.txt", b"reserved name on Windows\n"),
        item(7, "Zażółć 👍🏽 ıİ.jpg", b"\xff\xd8\xff fake jpeg", ItemKind.IMAGE, withheld=True),
        item(8, "empty.bin", b""),
    ]


def tokens_for(items: Sequence[PackageItem], custody_head: str) -> list[PackageToken]:
    """An item token, a Merkle batch over items 2 and 3 (timestamping.merkle), and a custody head token."""
    tsa = example_tsa()
    first = items[0]
    batch = [items[1], items[2]]
    tree = build_merkle([bytes.fromhex(member.sha256) for member in batch])
    return [
        PackageToken(
            response_der=tsa.response_for(bytes.fromhex(first.sha256)),
            tsa_name="Example Test TSA",
            stamped_sha256=first.sha256,
            subject=TokenSubject.ITEM,
            item_ids=(first.item_id,),
            tsa_certificates_pem=tsa.chain_pem,
            gen_time=GEN_TIME,
        ),
        PackageToken(
            response_der=tsa.response_for(tree.root),
            tsa_name="Example Test TSA",
            stamped_sha256=tree.root.hex(),
            subject=TokenSubject.MERKLE_ROOT,
            item_ids=tuple(member.item_id for member in batch),
            tsa_certificates_pem=tsa.chain_pem,
            gen_time=GEN_TIME,
            inclusion_proofs=tuple(
                (member.item_id, tree.proof(index).steps()) for index, member in enumerate(batch)
            ),
        ),
        PackageToken(
            response_der=tsa.response_for(bytes.fromhex(custody_head)),
            tsa_name="Example Test TSA",
            stamped_sha256=custody_head,
            subject=TokenSubject.CUSTODY_HEAD,
            tsa_certificates_pem=tsa.chain_pem,
            gen_time=GEN_TIME,
        ),
    ]


CUSTODY_HEAD = hashlib.sha256(b"fictional custody log head").hexdigest()


def build_package(
    out_dir: Path,
    *,
    items: Sequence[PackageItem] | None = None,
    with_tokens: bool = True,
    zip_path: Path | None = None,
    lang: str = "en",
    timestamp_url: str | None = None,
) -> tuple[PackageResult, SignOutcome]:
    chosen = list(items) if items is not None else fictional_items()
    return export_package(
        out_dir,
        render_pdf=lambda manifest_sha256: tiny_pdf(f"Dossier EK-2024-0001 manifest {manifest_sha256}"),
        pdf_identity=pdf_identity(),
        dossier_id="EK-2024-0001",
        vault_id="5f1c0d6e-0000-4000-8000-000000000001",
        tool_version="0.1.0",
        export_time=EXPORT_TIME,
        lang=lang,
        custody_head_hash=CUSTODY_HEAD,
        items=chosen,
        signing_key=manifest_key(),
        tokens=tokens_for(chosen, CUSTODY_HEAD) if with_tokens else (),
        timestamp_url=timestamp_url,
        zip_path=zip_path,
    )
