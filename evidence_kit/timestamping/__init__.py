"""RFC 3161 trusted timestamps: the client, Merkle batching, the TSA list and the openssl command.

Rule: this package knows nothing of the vault. It turns a SHA-256 into a verified token (or a
typed `TimestampError`), batches digests under one Merkle root, and says how a third party
checks the result; storing tokens, queueing and custody events belong to `vault.py`.
"""

from __future__ import annotations

from evidence_kit.timestamping.client import (
    StampResult,
    TimestampRequest,
    TokenInfo,
    build_request,
    encode_request,
    post_query,
    stamp_digest,
    stamp_with,
    verify_response,
)
from evidence_kit.timestamping.errors import (
    NonceMismatchError,
    NoTsaAnsweredError,
    NoTsaConfiguredError,
    TimestampError,
    TokenDigestMismatchError,
    TokenSignatureError,
    TsaCertificateError,
    TsaCertificateExpiredError,
    TsaCertificateFileError,
    TsaCertificateMissingError,
    TsaCertificatePurposeError,
    TsaCertificateUntrustedError,
    TsaConfigError,
    TsaGarbageResponseError,
    TsaHttpError,
    TsaRejectedError,
    TsaRootFileError,
    TsaTimeoutError,
    TsaUnreachableError,
    TsaUrlError,
)
from evidence_kit.timestamping.merkle import (
    InclusionProof,
    MerkleTree,
    build_merkle,
    leaf_hash,
    node_hash,
    root_from_steps,
    verify_inclusion,
)
from evidence_kit.timestamping.openssl import openssl_verify_command
from evidence_kit.timestamping.tsas import DEFAULT_TSAS, PUBLIC_TSAS, TsaConfig, certifi_roots

__all__ = [
    "DEFAULT_TSAS",
    "PUBLIC_TSAS",
    "InclusionProof",
    "MerkleTree",
    "NoTsaAnsweredError",
    "NoTsaConfiguredError",
    "NonceMismatchError",
    "StampResult",
    "TimestampError",
    "TimestampRequest",
    "TokenDigestMismatchError",
    "TokenInfo",
    "TokenSignatureError",
    "TsaCertificateError",
    "TsaCertificateExpiredError",
    "TsaCertificateFileError",
    "TsaCertificateMissingError",
    "TsaCertificatePurposeError",
    "TsaCertificateUntrustedError",
    "TsaConfig",
    "TsaConfigError",
    "TsaGarbageResponseError",
    "TsaHttpError",
    "TsaRejectedError",
    "TsaRootFileError",
    "TsaTimeoutError",
    "TsaUnreachableError",
    "TsaUrlError",
    "build_merkle",
    "build_request",
    "certifi_roots",
    "encode_request",
    "leaf_hash",
    "node_hash",
    "openssl_verify_command",
    "post_query",
    "root_from_steps",
    "stamp_digest",
    "stamp_with",
    "verify_inclusion",
    "verify_response",
]
