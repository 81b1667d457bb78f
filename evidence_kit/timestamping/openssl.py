"""The `openssl ts -verify` command a third party runs to check one of our tokens.

Rule: the command is built as an argument list from file names and a digest, never by pasting
text into a shell line, so VERIFY.txt and the tests run exactly the same thing. Tokens are stored
as whole TimeStampResp files (`.tsr`), which is what `-in` reads; a bare TimeStampToken would
need `-token_in` as well.
"""

from __future__ import annotations

import re
from datetime import datetime

_HEX64 = re.compile(r"[0-9a-f]{64}")


def openssl_verify_command(
    token_file: str,
    *,
    ca_file: str,
    digest_hex: str | None = None,
    data_file: str | None = None,
    untrusted_file: str | None = None,
    at_time: datetime | None = None,
    token_in: bool = False,
) -> list[str]:
    """`openssl ts -verify` for `token_file` against a SHA-256 (`digest_hex`) or a file (`data_file`).

    Exactly one of `digest_hex` (the stamped digest: an item's SHA-256, a Merkle root or a custody
    head) and `data_file` (the original, which openssl hashes itself) must be given.
    `ca_file` holds the trusted root, `untrusted_file` the TSA's signer and intermediate
    certificates. `at_time` (the token's genTime) makes openssl judge the certificates at that
    moment instead of now, which a token needs once the TSA's certificate has expired.
    `token_in` says that `token_file` is a bare TimeStampToken rather than a TimeStampResp.
    """
    if (digest_hex is None) == (data_file is None):
        raise ValueError("give exactly one of digest_hex and data_file")
    command = ["openssl", "ts", "-verify", "-in", token_file]
    if token_in:
        command.append("-token_in")
    if digest_hex is not None:
        if not _HEX64.fullmatch(digest_hex):
            raise ValueError("digest_hex must be 64 lowercase hex digits (a SHA-256)")
        command += ["-digest", digest_hex]
    else:
        assert data_file is not None
        command += ["-data", data_file]
    command += ["-CAfile", ca_file]
    if untrusted_file is not None:
        command += ["-untrusted", untrusted_file]
    if at_time is not None:
        if at_time.tzinfo is None:
            raise ValueError("at_time must be an aware datetime")
        command += ["-attime", str(int(at_time.timestamp()))]
    return command
