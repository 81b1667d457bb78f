"""A real RFC 3161 time-stamp authority on 127.0.0.1, for tests: OpenSSL's `openssl ts -reply`
behind a small threaded `http.server`, with a test PKI made by `cryptography`.

Rule: every answer that claims to be a token is made by OpenSSL from the real request, so
the client is tested against the real protocol; faults are made by changing the request before
OpenSSL sees it, or the answer after, never by hand-written tokens. The mode is the URL path,
so one server (one fixture for the whole session) serves every fault at once:

    /tsa            a correct token
    /expired        signed by a TSA certificate that expired in 2021
    /no-eku         signed by a certificate with codeSigning instead of timeStamping (OpenSSL's
                    TSA refuses such a signer, so this one is signed with `openssl cms -sign`,
                    with OpenSSL's own TSTInfo for the request as its content)
    /untrusted      a correct token from a TSA under a root the client does not trust
    /different-data a token for another digest (the request's imprint is changed)
    /wrong-nonce    a token for the right digest with another nonce
    /replay         the last correct token served, whatever was asked
    /no-cert        a correct token without the signer's certificate (certReq is cleared)
    /rejected       OpenSSL's own rejection (this TSA accepts only SHA-512 imprints)
    /garbage        HTTP 200 with bytes that are not a TimeStampResp
    /http500        HTTP 500
    /hang           no answer until the server stops (for client timeouts)
    /slow           a correct token, but only once the test lets it go: `slow_arrived` is set when
                    the request is in, `slow_release.set()` lets the answer out (a request in flight)

`closed_url` is an address on which nothing listens (unreachable). `LocalTsa.close()` stops the
server and joins every thread it started. Files under the work folder hold only hashes and
test keys. OpenSSL runs one request at a time (a lock), as its serial file requires.
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from rfc3161_client._rust import parse_timestamp_request

from evidence_kit.timestamping.client import encode_request

TEST_POLICY_OID = "1.3.6.1.4.1.4146.99.1"  # made up for these tests
GARBAGE = b"<html><body>Service temporarily unavailable</body></html>"
_PRIVATE_KEY = serialization.PrivateFormat.PKCS8
_NO_ENCRYPTION = serialization.NoEncryption()

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Evidence Kit tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca(common_name: str, now: datetime) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate, key


def _signer(
    common_name: str,
    issuer: x509.Certificate,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    not_before: datetime,
    not_after: datetime,
    purpose: x509.ObjectIdentifier,
) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([purpose]), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
        )
        .sign(issuer_key, hashes.SHA256())
    )
    return certificate, key


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True)
class Signer:
    """A certificate and key on disk, as `openssl ts -reply -signer/-inkey` read them."""

    certificate: x509.Certificate
    cert_path: Path
    key_path: Path


@dataclass(frozen=True)
class TestPki:
    root: x509.Certificate
    root_path: Path  # PEM of the trusted test root: the client's roots and openssl's -CAfile
    good: Signer
    expired: Signer
    no_eku: Signer
    untrusted: Signer  # under another root that nobody trusts

    @property
    def root_pem(self) -> bytes:
        return _pem(self.root)


def make_pki(directory: Path) -> TestPki:
    """The test root, a proper TSA certificate and the faulty ones, written to `directory`."""
    now = datetime.now(UTC).replace(microsecond=0)
    root, root_key = _ca("Evidence Kit Test Root CA", now)
    other_root, other_key = _ca("Unknown Root CA", now)

    def write(label: str, pair: tuple[x509.Certificate, PrivateKey]) -> Signer:
        certificate, key = pair
        cert_path, key_path = directory / f"{label}.pem", directory / f"{label}.key"
        cert_path.write_bytes(_pem(certificate))
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, _PRIVATE_KEY, _NO_ENCRYPTION))
        key_path.chmod(0o600)
        return Signer(certificate, cert_path, key_path)

    fresh = {"not_before": now - timedelta(days=1), "not_after": now + timedelta(days=730)}
    stamping = ExtendedKeyUsageOID.TIME_STAMPING
    good = write("tsa", _signer("Evidence Kit Test TSA", root, root_key, purpose=stamping, **fresh))
    expired = write(
        "expired",
        _signer(
            "Evidence Kit Expired TSA",
            root,
            root_key,
            purpose=stamping,
            not_before=datetime(2020, 1, 1, tzinfo=UTC),
            not_after=datetime(2021, 1, 1, tzinfo=UTC),
        ),
    )
    no_eku = write(
        "no_eku",
        _signer(
            "Evidence Kit Code Signer", root, root_key, purpose=ExtendedKeyUsageOID.CODE_SIGNING, **fresh
        ),
    )
    untrusted = write("untrusted", _signer("Unknown TSA", other_root, other_key, purpose=stamping, **fresh))
    root_path = directory / "root.pem"
    root_path.write_bytes(_pem(root))
    return TestPki(root, root_path, good, expired, no_eku, untrusted)


_TSA_CONFIG = """\
[ tsa ]
default_tsa = tsa_main

[ tsa_main ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = {policy}
digests = sha256, sha384, sha512
accuracy = secs:1, millisecs:500, microsecs:100
clock_precision_digits = 0
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256

[ tsa_sha512_only ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = {policy}
digests = sha512
"""
# No `certs =` line: the answer then carries only the signer's certificate, and rfc3161-client
# rejects answers whose certificate SET is not in DER order (as OpenSSL writes a chain).


class LocalTsa:
    """The running server. Use `running_tsa()` rather than constructing this directly."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.pki = make_pki(directory)
        self.config_path = directory / "tsa.cnf"
        self.config_path.write_text(_TSA_CONFIG.format(dir=directory, policy=TEST_POLICY_OID))
        (directory / "serial").write_text("00\n")  # OpenSSL increments first: serials 1, 2, ...
        self._lock = threading.Lock()
        self._counter = 0
        self._last_good: bytes | None = None
        self._release = threading.Event()
        self.slow_arrived = threading.Event()
        self.slow_release = threading.Event()
        self.requests_served = 0
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.tsa = self
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-tsa", daemon=True)
        self._thread.start()
        self.closed_url = f"http://127.0.0.1:{_closed_port()}/tsa"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, mode: str = "tsa") -> str:
        return f"http://127.0.0.1:{self.port}/{mode}"

    def close(self) -> None:
        self._release.set()  # let /hang and /slow handlers finish so their threads can be joined
        self.slow_release.set()
        self._server.shutdown()
        self._server.server_close()  # joins every handler thread (block_on_close)
        self._thread.join()

    # --------------------------------------------------------------------- answers

    def answer(self, mode: str, query: bytes) -> tuple[int, bytes]:
        """(HTTP status, body) for one request in `mode`."""
        if mode == "http500":
            return 500, b"internal error"
        if mode == "garbage":
            return 200, GARBAGE
        if mode == "hang":
            self._release.wait()
            return 503, b""
        if mode == "slow":
            self.slow_arrived.set()
            self.slow_release.wait()
            return self.answer("tsa", query)
        if mode == "replay":
            if self._last_good is not None:
                return 200, self._last_good
            return 200, self._reply(
                _rewrite(query, digest=hashlib.sha256(b"earlier").digest()), self.pki.good
            )
        if mode == "tsa":
            reply = self._reply(query, self.pki.good)
            self._last_good = reply
            return 200, reply
        if mode == "expired":
            return 200, self._reply(query, self.pki.expired)
        if mode == "untrusted":
            return 200, self._reply(query, self.pki.untrusted)
        if mode == "different-data":
            return 200, self._reply(
                _rewrite(query, digest=hashlib.sha256(b"other data").digest()), self.pki.good
            )
        if mode == "wrong-nonce":
            return 200, self._reply(_rewrite(query, nonce_delta=1), self.pki.good)
        if mode == "no-cert":
            return 200, self._reply(_rewrite(query, cert_req=False), self.pki.good)
        if mode == "rejected":
            return 200, self._reply(query, self.pki.good, section="tsa_sha512_only")
        if mode == "no-eku":
            return 200, self._wrong_purpose_reply(query)
        return 404, b"unknown mode"

    def _run(self, *args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30)

    def _files(self) -> tuple[Path, Path]:
        self._counter += 1
        return self.directory / f"q{self._counter}.tsq", self.directory / f"r{self._counter}.tsr"

    def _reply(self, query: bytes, signer: Signer, section: str = "tsa_main") -> bytes:
        with self._lock:
            query_path, reply_path = self._files()
            query_path.write_bytes(query)
            self._run(
                "ts", "-reply", "-config", str(self.config_path), "-section", section,
                "-queryfile", str(query_path), "-signer", str(signer.cert_path),
                "-inkey", str(signer.key_path), "-out", str(reply_path),
            )  # fmt: skip
            return reply_path.read_bytes()

    def _wrong_purpose_reply(self, query: bytes) -> bytes:
        """OpenSSL's TSTInfo for this request, signed as CMS by the codeSigning certificate."""
        good = self._reply(query, self.pki.good)
        with self._lock:
            stem = self.directory / f"w{self._counter}"
            reply, token, tst_info, signed = (stem.with_suffix(s) for s in (".tsr", ".tok", ".tst", ".p7"))
            reply.write_bytes(good)
            self._run("ts", "-reply", "-in", str(reply), "-token_out", "-out", str(token))
            self._run(
                "cms", "-verify", "-noverify", "-inform", "DER", "-in", str(token), "-out", str(tst_info)
            )
            self._run(
                "cms", "-sign", "-binary", "-nodetach", "-nosmimecap", "-outform", "DER",
                "-econtent_type", "1.2.840.113549.1.9.16.1.4", "-md", "sha256",
                "-signer", str(self.pki.no_eku.cert_path), "-inkey", str(self.pki.no_eku.key_path),
                "-in", str(tst_info), "-out", str(signed),
            )  # fmt: skip
            content_info = signed.read_bytes()
        status_granted = bytes.fromhex("3003020100")
        return _der_sequence(status_granted + content_info)


def _der_sequence(content: bytes) -> bytes:
    length = len(content)
    if length < 0x80:
        return bytes([0x30, length]) + content
    size = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x30, 0x80 | len(size)]) + size + content


def _rewrite(
    query: bytes, *, digest: bytes | None = None, nonce_delta: int = 0, cert_req: bool = True
) -> bytes:
    """The same request with another imprint, nonce or certReq."""
    parsed = parse_timestamp_request(query)
    nonce = parsed.nonce
    assert nonce is not None
    return encode_request(
        digest if digest is not None else parsed.message_imprint.message,
        nonce + nonce_delta,
        cert_req=cert_req,
    )


def _closed_port() -> int:
    """A port that was free a moment ago and has nothing listening on it now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # handler threads are tracked and joined by server_close()
    block_on_close = True
    tsa: LocalTsa


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        query = self.rfile.read(min(length, 65536))
        status, body = self.server.tsa.answer(self.path.strip("/"), query)
        self.server.tsa.requests_served += 1
        # The client may have given up first (a timeout test): then there is nobody to tell.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(status)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return  # keep test output clean


@contextmanager
def running_tsa(directory: Path) -> Iterator[LocalTsa]:
    """Start a local TSA working in `directory`; stop it and join its threads on exit."""
    tsa = LocalTsa(directory)
    try:
        yield tsa
    finally:
        tsa.close()
