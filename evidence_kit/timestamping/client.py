"""RFC 3161 client: ask a time-stamp authority to sign a SHA-256, and check every part of its answer.

Rule: a token is accepted only when all of this holds, checked in this order so that the error
names the first thing that is wrong: the answer is a TimeStampResp with status "granted"; its
nonce is the one we sent; its message imprint is exactly our SHA-256; its signer certificate
carries the critical timeStamping extended key usage, chains to a configured trust root and was
valid at the token's genTime; and `rfc3161-client` verifies the CMS signature with that chain.
Anything else raises one `TimestampError` subclass; no other exception escapes.

Only the digest leaves the machine. The request carries the digest itself as the message imprint
(we hash nothing again), so a third party checks a token with `openssl ts -verify -digest <hex>`
or `-data <original file>`. `rfc3161-client` builds requests only by hashing data itself, so
`encode_request` writes the same fixed DER structure by hand (a test proves it is byte-identical
to the library's); parsing and verifying answers is the library's.
"""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from http.client import HTTPException
from ipaddress import ip_address
from typing import NoReturn
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID
from rfc3161_client import PKIStatus, TimeStampResponse, VerificationError, VerifierBuilder
from rfc3161_client import decode_timestamp_response as _decode

from evidence_kit.timestamping.errors import (
    NonceMismatchError,
    NoTsaAnsweredError,
    NoTsaConfiguredError,
    TimestampError,
    TokenDigestMismatchError,
    TokenSignatureError,
    TsaCertificateExpiredError,
    TsaCertificateMissingError,
    TsaCertificatePurposeError,
    TsaCertificateUntrustedError,
    TsaGarbageResponseError,
    TsaHttpError,
    TsaRejectedError,
    TsaTimeoutError,
    TsaUnreachableError,
)
from evidence_kit.timestamping.tsas import TsaConfig

SHA256_OID = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
# AlgorithmIdentifier { id-sha256, NULL }, as rfc3161-client and OpenSSL write it.
_SHA256_ALGORITHM_DER = bytes.fromhex("300d06096086480165030402010500")
MAX_RESPONSE_BYTES = 1024 * 1024  # real replies are a few KiB; a hostile network gets no more
MAX_CHAIN_LENGTH = 8
QUERY_CONTENT_TYPE = "application/timestamp-query"


# ----------------------------------------------------------------------------- request


@dataclass(frozen=True)
class TimestampRequest:
    """One TimeStampReq: version 1, SHA-256 imprint, a random nonce, certReq TRUE."""

    digest: bytes
    nonce: int
    der: bytes


def _der(tag: int, content: bytes) -> bytes:
    length = len(content)
    if length < 0x80:
        return bytes([tag, length]) + content
    size = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def _der_positive_integer(value: int) -> bytes:
    # Minimal two's complement: one extra 0x00 byte when the top bit would read as a sign.
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def encode_request(digest: bytes, nonce: int, *, cert_req: bool = True) -> bytes:
    """DER of TimeStampReq for a SHA-256 `digest` (32 bytes) with `nonce` (> 0).

    certReq is TRUE (we always ask for the TSA's certificate); False exists for tests only, and
    is then left out, as DER requires for a DEFAULT FALSE field.
    """
    if len(digest) != 32:
        raise ValueError("the digest to stamp must be a raw 32-byte SHA-256")
    if nonce <= 0:
        raise ValueError("the nonce must be a positive integer")
    imprint = _der(0x30, _SHA256_ALGORITHM_DER + _der(0x04, digest))
    body = _der(0x02, b"\x01") + imprint + _der_positive_integer(nonce)
    if cert_req:
        body += _der(0x01, b"\xff")
    return _der(0x30, body)


def build_request(digest: bytes, nonce: int | None = None) -> TimestampRequest:
    """A request for `digest` with a fresh random 64-bit nonce (or the given one, for tests)."""
    chosen = nonce if nonce is not None else secrets.randbits(64) | 1
    return TimestampRequest(bytes(digest), chosen, encode_request(digest, chosen))


# ----------------------------------------------------------------------------- transport


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A TSA that redirects a POST is answered as an HTTP error; we never re-send to another host."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def post_query(tsa: TsaConfig, body: bytes) -> bytes:
    """POST `body` as application/timestamp-query to `tsa.url`; the answer's bytes or a typed error."""
    url = tsa.validated_url()
    handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
    if _is_loopback(urlsplit(url).hostname):
        handlers.append(urllib.request.ProxyHandler({}))  # a proxy must never see local traffic
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(  # noqa: S310 - the scheme was checked to be http(s) above
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": QUERY_CONTENT_TYPE,
            "Accept": "application/timestamp-reply",
            "User-Agent": "Evidence-Kit",
        },
    )
    try:
        with opener.open(request, timeout=tsa.timeout) as answer:
            data: bytes = answer.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise TsaHttpError(tsa=tsa.name, status=exc.code) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TsaTimeoutError(tsa=tsa.name, seconds=f"{tsa.timeout:g}") from None
        raise TsaUnreachableError(tsa=tsa.name, detail=str(exc.reason)) from None
    except TimeoutError:
        raise TsaTimeoutError(tsa=tsa.name, seconds=f"{tsa.timeout:g}") from None
    except (OSError, HTTPException, ValueError) as exc:
        raise TsaUnreachableError(tsa=tsa.name, detail=str(exc) or type(exc).__name__) from None
    if len(data) > MAX_RESPONSE_BYTES:
        raise TsaGarbageResponseError(tsa=tsa.name, detail=f"more than {MAX_RESPONSE_BYTES} bytes")
    return data


# ----------------------------------------------------------------------------- verification


@dataclass(frozen=True)
class TokenInfo:
    """What a verified token says. `chain_der` runs from the signer to the trust root that vouched."""

    tsa_name: str  # the TSTInfo's tsa name, else the signer certificate's subject (RFC 4514)
    gen_time: datetime  # aware UTC
    serial_number: int
    policy_oid: str
    digest: bytes  # the stamped SHA-256 (message imprint)
    nonce: int | None
    accuracy: timedelta | None
    chain_der: tuple[bytes, ...]

    @property
    def hash_algorithm(self) -> str:
        return "sha256"

    @property
    def chain_pem(self) -> bytes:
        """Signer and intermediates (the `-untrusted` file of `openssl ts -verify`)."""
        return b"".join(_pem(der) for der in self.chain_der[:-1])

    @property
    def root_pem(self) -> bytes:
        """The trust root that vouched (the `-CAfile` of `openssl ts -verify`)."""
        return _pem(self.chain_der[-1])

    @property
    def certificates_pem(self) -> bytes:
        """The whole chain, signer first, root last."""
        return b"".join(_pem(der) for der in self.chain_der)


def _pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(Encoding.PEM)


def verify_response(
    response_der: bytes,
    digest: bytes,
    *,
    roots: Sequence[x509.Certificate],
    intermediates: Sequence[x509.Certificate] = (),
    nonce: int | None = None,
    tsa: str = "?",
) -> TokenInfo:
    """Check a DER TimeStampResp for the SHA-256 `digest` (see the module rule) and return its facts.

    `nonce` is checked when given (at stamping time); a stored token is re-checked later with
    nonce=None. Certificates are judged at the token's genTime, so a token stays verifiable after
    the TSA's certificate expires. `tsa` only names the authority in error messages.
    """
    try:
        return _verify(response_der, digest, roots, intermediates, nonce, tsa)
    except TimestampError:
        raise
    except Exception as exc:  # a field that only fails when read (lazy parsing of malformed input)
        _garbage(tsa, exc)
    except BaseException as exc:
        # rfc3161-client's Rust layer turns an internal panic into pyo3's PanicException, which
        # derives from BaseException; it still only means the input was malformed.
        if type(exc).__name__ != "PanicException":
            raise
        _garbage(tsa, exc)


def _verify(
    response_der: bytes,
    digest: bytes,
    roots: Sequence[x509.Certificate],
    intermediates: Sequence[x509.Certificate],
    nonce: int | None,
    tsa: str,
) -> TokenInfo:
    response = _parse(response_der, tsa)
    status = response.status
    if status != PKIStatus.GRANTED:
        _rejected(response, status, tsa)
    try:
        tst_info = response.tst_info
        imprint = tst_info.message_imprint
        imprint_algorithm, imprint_digest = imprint.hash_algorithm, imprint.message
        token_nonce = tst_info.nonce
        gen_time = _as_utc(tst_info.gen_time)
        serial_number = tst_info.serial_number
        policy_oid = tst_info.policy.dotted_string
        signer_infos = list(response.signed_data.signer_infos)
        if len(signer_infos) != 1:
            raise TsaGarbageResponseError(tsa=tsa, detail=f"{len(signer_infos)} signers instead of one")
        signer_issuer, signer_serial = signer_infos[0].issuer, signer_infos[0].serial_number
        embedded = [x509.load_der_x509_certificate(der) for der in response.signed_data.certificates]
    except ValueError as exc:  # what the library and cryptography raise for malformed structures
        _garbage(tsa, exc)
    if nonce is not None and token_nonce != nonce:
        raise NonceMismatchError(tsa=tsa)
    if imprint_algorithm != SHA256_OID or imprint_digest != digest:
        raise TokenDigestMismatchError(tsa=tsa)
    pool = [*embedded, *intermediates]
    signer = next(
        (cert for cert in pool if cert.issuer == signer_issuer and cert.serial_number == signer_serial), None
    )
    if signer is None:
        raise TsaCertificateMissingError(tsa=tsa)
    _check_purpose(signer, tsa)
    chain = _chain_to_root(signer, pool, roots)
    if chain is None:
        raise TsaCertificateUntrustedError(tsa=tsa)
    for certificate in chain:
        if not certificate.not_valid_before_utc <= gen_time <= certificate.not_valid_after_utc:
            raise TsaCertificateExpiredError(
                tsa=tsa, subject=certificate.subject.rfc4514_string(), gen_time=gen_time.isoformat()
            )
    _library_verify(response, digest, signer, chain, nonce, tsa)
    return TokenInfo(
        tsa_name=_tsa_name(response, signer),
        gen_time=gen_time,
        serial_number=serial_number,
        policy_oid=policy_oid,
        digest=bytes(imprint_digest),
        nonce=token_nonce,
        accuracy=_accuracy(response),
        chain_der=tuple(cert.public_bytes(Encoding.DER) for cert in chain),
    )


def _parse(response_der: bytes, tsa: str) -> TimeStampResponse:
    if not response_der:
        raise TsaGarbageResponseError(tsa=tsa, detail="the answer is empty")
    try:
        return _decode(bytes(response_der))
    except Exception as exc:
        _garbage(tsa, exc)


def _garbage(tsa: str, exc: BaseException) -> NoReturn:
    raise TsaGarbageResponseError(tsa=tsa, detail=str(exc)[:200] or type(exc).__name__) from None


def _rejected(response: TimeStampResponse, status: int, tsa: str) -> NoReturn:
    try:
        name = PKIStatus(status).name.lower()
    except ValueError:
        name = str(status)
    try:
        text = "; ".join(response.status_string) or "no reason given"
    except Exception:
        text = "no reason given"
    raise TsaRejectedError(tsa=tsa, status=name, detail=text[:300])


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _check_purpose(signer: x509.Certificate, tsa: str) -> None:
    """RFC 3161 section 2.3: the only extended key usage is timeStamping, and it is critical."""
    try:
        extension = signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        raise TsaCertificatePurposeError(tsa=tsa) from None
    except ValueError:  # a malformed extension
        raise TsaCertificatePurposeError(tsa=tsa) from None
    if not extension.critical or ExtendedKeyUsageOID.TIME_STAMPING not in extension.value:
        raise TsaCertificatePurposeError(tsa=tsa)


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except Exception:  # wrong name, wrong key type or bad signature: not this parent
        return False
    return True


def _chain_to_root(
    signer: x509.Certificate, pool: Sequence[x509.Certificate], roots: Sequence[x509.Certificate]
) -> list[x509.Certificate] | None:
    """A path signer -> ... -> trusted root by signature checks (depth-first, bounded), or None."""
    roots_by_subject: dict[x509.Name, list[x509.Certificate]] = {}
    for root in roots:
        roots_by_subject.setdefault(root.subject, []).append(root)

    def extend(path: list[x509.Certificate]) -> list[x509.Certificate] | None:
        tip = path[-1]
        for root in roots_by_subject.get(tip.issuer, []):
            if root == tip:
                return path
            if _issued_by(tip, root):
                return [*path, root]
        if len(path) >= MAX_CHAIN_LENGTH:
            return None
        for parent in pool:
            if parent.subject == tip.issuer and parent not in path and _issued_by(tip, parent):
                found = extend([*path, parent])
                if found is not None:
                    return found
        return None

    return extend([signer])


def _library_verify(
    response: TimeStampResponse,
    digest: bytes,
    signer: x509.Certificate,
    chain: Sequence[x509.Certificate],
    nonce: int | None,
    tsa: str,
) -> None:
    builder = VerifierBuilder(roots=[chain[-1]], intermediates=list(chain[1:-1]), tsa_certificate=signer)
    if nonce is not None:
        builder = builder.nonce(nonce)
    try:
        builder.build().verify(response, digest)
    except VerificationError as exc:
        raise TokenSignatureError(tsa=tsa, detail=str(exc)[:300]) from None
    except Exception as exc:  # the Rust layer reports malformed structures as ValueError and others
        raise TokenSignatureError(tsa=tsa, detail=str(exc)[:300] or type(exc).__name__) from None


def _tsa_name(response: TimeStampResponse, signer: x509.Certificate) -> str:
    try:
        name = response.tst_info.name
    except Exception:  # the optional tsa field is absent
        return signer.subject.rfc4514_string()
    if isinstance(name, x509.DirectoryName):
        return name.value.rfc4514_string()
    return signer.subject.rfc4514_string()


def _accuracy(response: TimeStampResponse) -> timedelta | None:
    try:
        accuracy = response.tst_info.accuracy
        if accuracy is None:
            return None
        return timedelta(
            seconds=accuracy.seconds or 0,
            milliseconds=accuracy.millis or 0,
            microseconds=accuracy.micros or 0,
        )
    except Exception:
        return None


# ----------------------------------------------------------------------------- stamping


@dataclass(frozen=True)
class StampResult:
    """A verified token. Store `response_der` (the whole TimeStampResp: what `openssl ts -verify -in`
    and `decode_timestamp_response` read) with `info`'s facts; `failures` are the TSAs tried first."""

    tsa: TsaConfig
    response_der: bytes
    info: TokenInfo
    failures: tuple[TimestampError, ...] = ()


def stamp_with(digest: bytes, tsa: TsaConfig) -> StampResult:
    """Ask one TSA to stamp the raw SHA-256 `digest`, and verify its answer fully."""
    request = build_request(digest)
    roots = tsa.trust_roots()
    intermediates = tsa.intermediates()
    response_der = post_query(tsa, request.der)
    info = verify_response(
        response_der,
        request.digest,
        roots=roots,
        intermediates=intermediates,
        nonce=request.nonce,
        tsa=tsa.name,
    )
    return StampResult(tsa, response_der, info)


def stamp_digest(digest: bytes, tsas: Sequence[TsaConfig]) -> StampResult:
    """Try each TSA in order until one gives a valid token; NoTsaAnsweredError carries every failure."""
    if not tsas:
        raise NoTsaConfiguredError()
    failures: list[TimestampError] = []
    for tsa in tsas:
        try:
            result = stamp_with(digest, tsa)
        except TimestampError as exc:
            failures.append(exc)
            continue
        return replace(result, failures=tuple(failures))
    raise NoTsaAnsweredError(failures)
