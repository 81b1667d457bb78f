"""`verify-package`: check an export package (folder or .zip) with no vault and no passphrase.

Rule: the package is untrusted input. Nothing is extracted to disk; a zip is read member by
member in memory with size limits, and names that could escape a folder (`../`, absolute
paths, backslashes, drive letters) are findings, never paths we open. Every check reports,
none raises: damage becomes a `CheckResult` naming the file and what is wrong, so one bad
file never hides the others. Only a path that is neither a folder nor a readable zip raises
`PackageUnreadableError`.

What is checked, and where:
  package_manifest.py  manifest.json's Ed25519 signature against public_key.pem (and that key's
                       fingerprint against the one the manifest records)
  package_files.py     every original and every support file against the manifest (present,
                       size, SHA-256); no extra files; SHA256SUMS agreeing with the manifest
  package_pdf.py       dossier.pdf's signature (intact, covering the whole file, by the
                       certificate the manifest records) and the manifest attached inside it
  package_tokens.py    each RFC 3161 token's stamped hash, and its signature against the TSA
                       certificates in the package
  package_custody.py   custody_log.jsonl: every event's link, hash and signature, up to the
                       head the manifest records
Reading the folder or zip is package_source.py; the findings and the report are
package_report.py. Trust in the self-made keys is reported as a note: they are the vault's own
by design. A time-stamp whose authority's root only the package vouches for is a trust warning
(exit 3), unless the reader passes that root with `--trust-ca` or it is in Mozilla's store.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509

from evidence_kit.hashing import sha256_hex
from evidence_kit.verify.package_check import PackageCheck
from evidence_kit.verify.package_custody import check_custody_log
from evidence_kit.verify.package_files import check_extra, check_files
from evidence_kit.verify.package_manifest import check_manifest
from evidence_kit.verify.package_pdf import check_pdf
from evidence_kit.verify.package_report import (
    FAILING,
    CheckResult,
    CheckStatus,
    PackageReport,
    format_report,
)
from evidence_kit.verify.package_seals import check_seals
from evidence_kit.verify.package_source import PackageUnreadableError, open_source
from evidence_kit.verify.package_tokens import check_tokens

__all__ = [
    "FAILING",
    "CheckResult",
    "CheckStatus",
    "PackageReport",
    "PackageUnreadableError",
    "format_report",
    "verify_package",
]


def verify_package(path: Path, *, trusted_roots: Sequence[x509.Certificate] = ()) -> PackageReport:
    """Check a package folder or .zip (see the module docstring); never raises for damage inside it.

    `trusted_roots`: time-stamp authority roots the reader vouches for (`--trust-ca`).
    """
    path = Path(path)
    source = open_source(path)
    check = PackageCheck(source)
    try:
        manifest_bytes, manifest = check_manifest(check)
        if manifest is not None:
            check_files(check, manifest)
            check_seals(check, manifest)
            check_custody_log(check, manifest)
        check_pdf(check, manifest, manifest_bytes)
        if manifest is not None:
            check_tokens(check, manifest, trusted_roots)
            check_extra(check)
    finally:
        with contextlib.suppress(Exception):
            source.close()
    return PackageReport(
        path=str(path),
        results=tuple(check.results),
        dossier_id=manifest.dossier_id if manifest is not None else None,
        manifest_sha256=sha256_hex(manifest_bytes) if manifest_bytes is not None else None,
    )
