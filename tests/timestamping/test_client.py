"""The RFC 3161 client against a real local TSA: tokens that `openssl ts -verify` accepts, and
every fault refused with its own error."""

from __future__ import annotations

import hashlib
import subprocess
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rfc3161_client import HashAlgorithm, TimestampRequestBuilder, decode_timestamp_response
from rfc3161_client._rust import parse_timestamp_request

from evidence_kit.errors import EvidenceKitError
from evidence_kit.timestamping import (
    NonceMismatchError,
    NoTsaAnsweredError,
    NoTsaConfiguredError,
    StampResult,
    TimestampError,
    TokenDigestMismatchError,
    TokenInfo,
    TsaCertificateExpiredError,
    TsaCertificateFileError,
    TsaCertificateMissingError,
    TsaCertificatePurposeError,
    TsaCertificateUntrustedError,
    TsaConfig,
    TsaConfigError,
    TsaGarbageResponseError,
    TsaHttpError,
    TsaRejectedError,
    TsaTimeoutError,
    TsaUnreachableError,
    TsaUrlError,
    build_merkle,
    certifi_roots,
    encode_request,
    openssl_verify_command,
    root_from_steps,
    stamp_digest,
    stamp_with,
    verify_response,
)
from tests.timestamping.conftest import TsaFactory
from tests.tsa_server import TEST_POLICY_OID, LocalTsa, running_tsa

TSA_SUBJECT = "CN=Evidence Kit Test TSA,O=Evidence Kit tests,C=NL"
EVIDENCE = b"Screenshot of a message to Anna de Vries (+31 6 00000000), example.com"


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


@pytest.fixture(scope="module")
def good_stamp(local_tsa: LocalTsa) -> StampResult:
    config = TsaConfig(name="local-tsa", url=local_tsa.url("tsa"), roots_pem=local_tsa.pki.root_pem)
    return stamp_with(sha(EVIDENCE), config)


def write_token(directory: Path, result: StampResult) -> tuple[str, str, str]:
    token, ca, chain = directory / "token.tsr", directory / "ca.pem", directory / "chain.pem"
    token.write_bytes(result.response_der)
    ca.write_bytes(result.info.root_pem)
    chain.write_bytes(result.info.chain_pem)
    return str(token), str(ca), str(chain)


def openssl_ok(command: list[str], cwd: Path) -> bool:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=30, check=False)
    assert ("Verification: OK" in done.stdout) == (done.returncode == 0), done.stdout + done.stderr
    return done.returncode == 0


# ----------------------------------------------------------------------------- the good path


def test_stamp_through_the_real_http_path(tsa_config: TsaFactory, local_tsa: LocalTsa) -> None:
    digest = sha(EVIDENCE)
    before = datetime.now(UTC).replace(microsecond=0)
    first = stamp_with(digest, tsa_config())
    second = stamp_with(digest, tsa_config())
    after = datetime.now(UTC)
    for result in (first, second):
        info = result.info
        assert info.digest == digest
        assert info.tsa_name == TSA_SUBJECT
        assert info.policy_oid == TEST_POLICY_OID
        assert info.hash_algorithm == "sha256"
        assert info.gen_time.tzinfo is UTC
        assert before <= info.gen_time <= after
        assert info.accuracy == timedelta(seconds=1, milliseconds=500, microseconds=100)
        assert info.chain_der == (
            local_tsa.pki.good.certificate.public_bytes(Encoding.DER),
            local_tsa.pki.root.public_bytes(Encoding.DER),
        )
        assert info.root_pem == local_tsa.pki.root_pem
        assert x509.load_pem_x509_certificates(info.chain_pem) == [local_tsa.pki.good.certificate]
        assert info.certificates_pem == info.chain_pem + info.root_pem
        assert result.tsa == tsa_config()
        assert result.failures == ()
        parsed = decode_timestamp_response(result.response_der)
        assert (parsed.status, parsed.tst_info.nonce) == (0, info.nonce)
    assert second.info.serial_number == first.info.serial_number + 1
    assert first.info.nonce != second.info.nonce  # a fresh random nonce per request


def test_openssl_accepts_the_token_for_its_data_only(good_stamp: StampResult, tmp_path: Path) -> None:
    token, ca, chain = write_token(tmp_path, good_stamp)
    (tmp_path / "evidence.txt").write_bytes(EVIDENCE)
    changed = bytearray(EVIDENCE)
    changed[10] ^= 0x01
    (tmp_path / "changed.txt").write_bytes(bytes(changed))
    digest_hex = sha(EVIDENCE).hex()

    def check(**kwargs: object) -> bool:
        return openssl_ok(openssl_verify_command(token, ca_file=ca, **kwargs), tmp_path)  # type: ignore[arg-type]

    assert check(digest_hex=digest_hex, untrusted_file=chain)
    assert check(data_file="evidence.txt", untrusted_file=chain)
    assert check(digest_hex=digest_hex)  # the signer's certificate is in the token itself
    assert check(digest_hex=digest_hex, at_time=good_stamp.info.gen_time)
    assert not check(data_file="changed.txt", untrusted_file=chain)
    assert not check(digest_hex=sha(bytes(changed)).hex(), untrusted_file=chain)


def test_openssl_accepts_a_batch_root_and_each_item_recomputes_it(
    tsa_config: TsaFactory, tmp_path: Path
) -> None:
    originals = [f"Item {n}: message from Anna de Vries".encode() for n in range(5)]
    tree = build_merkle([sha(data) for data in originals])
    result = stamp_digest(tree.root, [tsa_config()])
    assert result.info.digest == tree.root
    token, ca, chain = write_token(tmp_path, result)
    for index, data in enumerate(originals):
        assert root_from_steps(sha(data), tree.proof(index).steps()) == tree.root
    assert openssl_ok(
        openssl_verify_command(token, digest_hex=tree.root.hex(), ca_file=ca, untrusted_file=chain), tmp_path
    )
    changed = originals[3][:-1] + b"?"
    forged_root = root_from_steps(sha(changed), tree.proof(3).steps())
    assert forged_root is not None and forged_root != tree.root
    assert not openssl_ok(
        openssl_verify_command(token, digest_hex=forged_root.hex(), ca_file=ca, untrusted_file=chain),
        tmp_path,
    )


def test_a_stored_token_is_verified_again_later(good_stamp: StampResult, local_tsa: LocalTsa) -> None:
    digest = sha(EVIDENCE)
    again = verify_response(good_stamp.response_der, digest, roots=[local_tsa.pki.root])
    assert again == good_stamp.info
    with pytest.raises(TokenDigestMismatchError):
        verify_response(good_stamp.response_der, sha(b"other"), roots=[local_tsa.pki.root], tsa="stored")
    with pytest.raises(NonceMismatchError):
        verify_response(good_stamp.response_der, digest, roots=[local_tsa.pki.root], nonce=12345)
    # The test root is not one of Mozilla's: under the default roots the token is untrusted.
    with pytest.raises(TsaCertificateUntrustedError) as caught:
        verify_response(good_stamp.response_der, digest, roots=certifi_roots(), tsa="Anna's TSA")
    assert caught.value.params == {"tsa": "Anna's TSA"}
    assert len(certifi_roots()) > 100


def test_the_request_is_byte_identical_to_rfc3161_clients_own() -> None:
    for n in range(25):
        data = f"evidence {n}".encode()
        theirs = TimestampRequestBuilder().data(data).hash_algorithm(HashAlgorithm.SHA256).build()
        assert theirs.nonce is not None
        assert encode_request(sha(data), theirs.nonce) == theirs.as_bytes()


@pytest.mark.parametrize("nonce", [1, 0x7F, 0x80, 0xFF, 0x100, 2**63, 2**64 - 1, 2**200 + 5])
@pytest.mark.parametrize("cert_req", [True, False])
def test_request_nonces_round_trip(nonce: int, cert_req: bool) -> None:
    digest = sha(b"Anna")
    parsed = parse_timestamp_request(encode_request(digest, nonce, cert_req=cert_req))
    assert (parsed.nonce, parsed.message_imprint.message, parsed.cert_req, parsed.version) == (
        nonce,
        digest,
        cert_req,
        1,
    )


def test_request_refuses_bad_digests_and_nonces() -> None:
    with pytest.raises(ValueError, match="32-byte"):
        encode_request(b"\x00" * 31, 5)
    with pytest.raises(ValueError, match="positive"):
        encode_request(b"\x00" * 32, 0)


# ----------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("mode", "error", "params"),
    [
        ("garbage", TsaGarbageResponseError, None),
        ("http500", TsaHttpError, {"tsa": "local-http500", "status": "500"}),
        ("nothing-here", TsaHttpError, {"tsa": "local-nothing-here", "status": "404"}),
        ("rejected", TsaRejectedError, {
            "tsa": "local-rejected", "status": "rejection",
            "detail": "Message digest algorithm is not supported.",
        }),
        ("different-data", TokenDigestMismatchError, {"tsa": "local-different-data"}),
        ("wrong-nonce", NonceMismatchError, {"tsa": "local-wrong-nonce"}),
        ("replay", NonceMismatchError, {"tsa": "local-replay"}),
        ("expired", TsaCertificateExpiredError, None),
        ("no-eku", TsaCertificatePurposeError, {"tsa": "local-no-eku"}),
        ("untrusted", TsaCertificateUntrustedError, {"tsa": "local-untrusted"}),
    ],
)  # fmt: skip
def test_each_fault_has_its_own_error(
    tsa_config: TsaFactory, mode: str, error: type[TimestampError], params: dict[str, str] | None
) -> None:
    with pytest.raises(TimestampError) as caught:
        stamp_with(sha(EVIDENCE), tsa_config(mode))
    assert type(caught.value) is error
    if params is not None:
        assert caught.value.params == params
    assert caught.value.params["tsa"] == f"local-{mode}"
    assert str(caught.value) == error.template.format(**caught.value.params)


def test_garbage_and_expiry_say_what_they_saw(tsa_config: TsaFactory, local_tsa: LocalTsa) -> None:
    with pytest.raises(TsaGarbageResponseError) as garbage:
        stamp_with(sha(EVIDENCE), tsa_config("garbage"))
    assert garbage.value.params["detail"].startswith("ASN.1 parse error")
    before = datetime.now(UTC).replace(microsecond=0)
    with pytest.raises(TsaCertificateExpiredError) as expired:
        stamp_with(sha(EVIDENCE), tsa_config("expired"))
    assert expired.value.params["subject"] == "CN=Evidence Kit Expired TSA,O=Evidence Kit tests,C=NL"
    gen_time = datetime.fromisoformat(expired.value.params["gen_time"])
    assert before <= gen_time <= datetime.now(UTC)


def test_a_replayed_good_token_is_refused(tsa_config: TsaFactory) -> None:
    """The replay serves a real, valid token (for an earlier request): only the nonce gives it away."""
    stamp_with(sha(b"first request"), tsa_config("tsa"))
    with pytest.raises(NonceMismatchError):
        stamp_with(sha(b"first request"), tsa_config("replay"))


def test_unreachable_and_timeout(local_tsa: LocalTsa, tsa_config: TsaFactory) -> None:
    closed = TsaConfig(name="closed", url=local_tsa.closed_url, roots_pem=local_tsa.pki.root_pem)
    with pytest.raises(TsaUnreachableError) as unreachable:
        stamp_with(sha(EVIDENCE), closed)
    assert type(unreachable.value) is TsaUnreachableError
    assert "refused" in unreachable.value.params["detail"].lower()
    with pytest.raises(TsaTimeoutError) as timeout:
        stamp_with(sha(EVIDENCE), tsa_config("hang", timeout=0.3))
    assert timeout.value.params == {"tsa": "local-hang", "seconds": "0.3"}


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/tsr", "http://", "example.com/tsr", "http://[::1/tsa"]
)
def test_only_http_urls_are_contacted(url: str) -> None:
    with pytest.raises(TsaUrlError) as caught:
        stamp_with(sha(EVIDENCE), TsaConfig(name="Anna's TSA", url=url))
    assert caught.value.params == {"tsa": "Anna's TSA", "url": url}


def test_bad_configured_roots_are_a_config_error(local_tsa: LocalTsa) -> None:
    config = TsaConfig(
        name="pinned", url=local_tsa.url("tsa"), roots_pem=b"-----BEGIN CERTIFICATE-----\nAAAA\n"
    )
    with pytest.raises(TsaCertificateFileError):
        stamp_with(sha(EVIDENCE), config)
    config = TsaConfig(
        name="pinned", url=local_tsa.url("tsa"), roots_pem=local_tsa.pki.root_pem, intermediates_pem=b"junk"
    )
    with pytest.raises(TsaCertificateFileError) as caught:
        stamp_with(sha(EVIDENCE), config)
    assert isinstance(caught.value, TsaConfigError)


def test_configured_certificates_complete_an_answer_without_them(local_tsa: LocalTsa) -> None:
    without = TsaConfig(name="bare", url=local_tsa.url("no-cert"), roots_pem=local_tsa.pki.root_pem)
    with pytest.raises(TsaCertificateMissingError) as caught:
        stamp_with(sha(EVIDENCE), without)
    assert caught.value.params == {"tsa": "bare"}
    good_pem = local_tsa.pki.good.cert_path.read_bytes()
    result = stamp_with(sha(EVIDENCE), replace(without, intermediates_pem=good_pem))
    assert x509.load_der_x509_certificate(result.info.chain_der[0]) == local_tsa.pki.good.certificate
    assert result.info.root_pem == local_tsa.pki.root_pem
    assert decode_timestamp_response(result.response_der).signed_data.certificates == set()


def test_configured_intermediates_never_make_an_untrusted_tsa_trusted(local_tsa: LocalTsa) -> None:
    config = TsaConfig(
        name="local",
        url=local_tsa.url("untrusted"),
        roots_pem=local_tsa.pki.root_pem,
        intermediates_pem=local_tsa.pki.good.cert_path.read_bytes(),
    )
    with pytest.raises(TsaCertificateUntrustedError):
        stamp_with(sha(EVIDENCE), config)


# ----------------------------------------------------------------------------- several TSAs


def test_tsas_are_tried_in_order_and_failures_kept(local_tsa: LocalTsa, tsa_config: TsaFactory) -> None:
    closed = TsaConfig(name="closed", url=local_tsa.closed_url)
    tsas = [closed, tsa_config("garbage"), tsa_config("expired"), tsa_config("tsa"), tsa_config("http500")]
    served = local_tsa.requests_served
    result = stamp_digest(sha(EVIDENCE), tsas)
    assert result.tsa == tsa_config("tsa")
    assert [type(error) for error in result.failures] == [
        TsaUnreachableError,
        TsaGarbageResponseError,
        TsaCertificateExpiredError,
    ]
    assert [error.params["tsa"] for error in result.failures] == ["closed", "local-garbage", "local-expired"]
    assert local_tsa.requests_served == served + 3  # the last TSA was never asked


def test_when_every_tsa_fails_all_failures_are_reported(tsa_config: TsaFactory) -> None:
    with pytest.raises(NoTsaAnsweredError) as caught:
        stamp_digest(sha(EVIDENCE), [tsa_config("garbage"), tsa_config("no-eku")])
    assert [type(error) for error in caught.value.failures] == [
        TsaGarbageResponseError,
        TsaCertificatePurposeError,
    ]
    assert str(caught.value) == (
        "No time-stamp authority gave a valid time-stamp; the work stays queued. "
        "Tried: local-garbage, local-no-eku."
    )
    with pytest.raises(NoTsaConfiguredError):
        stamp_digest(sha(EVIDENCE), [])


# ----------------------------------------------------------------------------- the server itself


def test_the_server_stops_and_leaves_no_thread(tmp_path: Path) -> None:
    threads_before = set(threading.enumerate())
    with running_tsa(tmp_path) as tsa:
        config = TsaConfig(name="own", url=tsa.url("tsa"), roots_pem=tsa.pki.root_pem)
        assert stamp_with(sha(b"one"), config).info.serial_number == 1
        with pytest.raises(TsaTimeoutError):
            stamp_with(sha(b"two"), TsaConfig(name="own", url=tsa.url("hang"), timeout=0.2))
    # Only threads this server started count: a handler thread of the session's TSA may still be
    # finishing an earlier answer when `threads_before` is taken, and end meanwhile.
    assert set(threading.enumerate()) - threads_before == set()


# ----------------------------------------------------------------------------- hostile answers


def _mutations(response: bytes) -> st.SearchStrategy[bytes]:
    flip = st.tuples(st.integers(0, len(response) - 1), st.integers(1, 255)).map(
        lambda change: (
            response[: change[0]] + bytes([response[change[0]] ^ change[1]]) + response[change[0] + 1 :]
        )
    )
    cut = st.integers(0, len(response) - 1).map(lambda end: response[:end])
    return st.one_of(flip, cut, st.binary(max_size=600))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_answer_gives_a_token_or_a_typed_error(
    data: st.DataObject, good_stamp: StampResult, local_tsa: LocalTsa
) -> None:
    answer = data.draw(_mutations(good_stamp.response_der))
    try:
        info = verify_response(
            answer, sha(EVIDENCE), roots=[local_tsa.pki.root], nonce=good_stamp.info.nonce, tsa="fuzz"
        )
    except TimestampError as error:
        assert isinstance(error, EvidenceKitError)
        assert error.params["tsa"] == "fuzz"
        return
    assert isinstance(info, TokenInfo)
    assert info.digest == sha(EVIDENCE)
    assert info.gen_time == good_stamp.info.gen_time
