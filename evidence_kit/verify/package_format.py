"""The package format: the names and fingerprints that the writer follows and the verifier checks.

Rule: the format of a dossier package is defined here once (docs/verification.md describes it for
other programs). `dossier/package*.py` write it and `verify/package*.py` check it; neither keeps
a name of its own, so a writer and a checker can never drift apart. What a token in timestamps/
stamps (its `subject`) is named in timestamping/subjects.py, which the vault's own tokens share.
"""

from __future__ import annotations

import re

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence_kit.hashing import sha256_hex

FORMAT_NAME = "evidence-kit-package"
FORMAT_VERSION = 1
TOOL_NAME = "Evidence Kit"

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PUBLIC_KEY_NAME = "public_key.pem"
SUMS_NAME = "SHA256SUMS"
VERIFY_NAME = "VERIFY.txt"
PDF_NAME = "dossier.pdf"
ORIGINALS_DIR = "originals"
# The same list inside originals/, with bare names, so `cd originals && sha256sum -c SHA256SUMS`
# works too (both files are listed, with their hashes, in the signed manifest).
INNER_SUMS_NAME = f"{ORIGINALS_DIR}/{SUMS_NAME}"
TIMESTAMPS_DIR = "timestamps"
# The whole custody log as JSON Lines, one signed event a line (dossier/package_custody.py writes
# it, verify/package_custody.py walks its chain); listed among the manifest's support files.
CUSTODY_LOG_NAME = "custody_log.jsonl"
PDF_ATTACHMENT_NAME = MANIFEST_NAME  # the name manifest.json carries inside dossier.pdf
# Why a withheld item's content is not shown (and, by default, its original not shipped): the
# manifest's `withheld_reason`, in English, as data a reader's tool can match.
WITHHELD_REASON = (
    "intimate or sensitive content, withheld at the request of the person who compiled the dossier"
)
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def is_sha256_hex(text: str) -> bool:
    """True for a SHA-256 as the package writes every hash: 64 lower-case hex digits."""
    return _SHA256_HEX.fullmatch(text) is not None


def public_key_sha256(public_key: Ed25519PublicKey) -> str:
    """SHA-256 (hex) of the key's SubjectPublicKeyInfo DER: the fingerprint VERIFY.txt and reports show."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return sha256_hex(der)
