"""The `openssl ts -verify` command line, argument by argument."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from evidence_kit.timestamping import openssl_verify_command

DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_digest_form() -> None:
    assert openssl_verify_command(
        "timestamps/0001.tsr",
        digest_hex=DIGEST,
        ca_file="timestamps/ca.pem",
        untrusted_file="timestamps/chain.pem",
    ) == [
        "openssl", "ts", "-verify", "-in", "timestamps/0001.tsr", "-digest", DIGEST,
        "-CAfile", "timestamps/ca.pem", "-untrusted", "timestamps/chain.pem",
    ]  # fmt: skip


def test_data_form_with_attime_and_token_in() -> None:
    moment = datetime(2026, 3, 1, 12, 0, 5, tzinfo=timezone(timedelta(hours=1)))
    assert openssl_verify_command(
        "t.tst", data_file="originals/Anna de Vries.jpg", ca_file="ca.pem", at_time=moment, token_in=True
    ) == [
        "openssl", "ts", "-verify", "-in", "t.tst", "-token_in", "-data", "originals/Anna de Vries.jpg",
        "-CAfile", "ca.pem", "-attime", str(int(datetime(2026, 3, 1, 11, 0, 5, tzinfo=UTC).timestamp())),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"digest_hex": DIGEST, "data_file": "x"},
        {"digest_hex": DIGEST.upper()},
        {"digest_hex": DIGEST[:-1]},
        {"digest_hex": DIGEST, "at_time": datetime(2026, 1, 1)},  # naive: ambiguous
    ],
)
def test_refusals(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        openssl_verify_command("t.tsr", ca_file="ca.pem", **kwargs)  # type: ignore[arg-type]
