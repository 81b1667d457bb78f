"""One run of verify-package: the package being read, the findings so far, and what the checks learnt.

Rule: every check reports, none raises: damage becomes a `CheckResult` naming the file and what
is wrong, so one bad file never hides the others. The checks in package_manifest.py,
package_files.py, package_pdf.py and package_tokens.py each take the `PackageCheck` they add to.
"""

from __future__ import annotations

from evidence_kit.verify.package_report import CheckResult, CheckStatus
from evidence_kit.verify.package_source import READ_ERRORS, PackageSource

MAX_SMALL_FILE_BYTES = 64 * 1024 * 1024  # SHA256SUMS, keys, signatures, VERIFY.txt, tokens, certificates


class PackageCheck:
    def __init__(self, source: PackageSource) -> None:
        self.source = source
        self.results: list[CheckResult] = []
        self.expected: set[str] = set()  # every name a check has accounted for; the rest is extra
        self.file_ok: dict[str, bool] = {}  # files listed in the manifest: True once they hashed right

    def add(self, subject: str, status: CheckStatus, code: str, template: str, /, **params: object) -> None:
        values = tuple((key, str(value)) for key, value in params.items())
        self.results.append(CheckResult(subject, status, code, template, values))

    def read_small(self, name: str, limit: int = MAX_SMALL_FILE_BYTES) -> bytes | None:
        """A required small file, or None after reporting it missing or unreadable."""
        self.expected.add(name)
        if name not in self.source.sizes:
            self.add(name, CheckStatus.MISSING, "file_missing", "{file} is missing.", file=name)
            return None
        try:
            data = self.source.read(name, limit)
            problem = None if data is not None else f"larger than {limit} bytes"
        except READ_ERRORS as exc:
            data, problem = None, str(exc)
        if problem is not None:
            self.add(
                name,
                CheckStatus.INVALID,
                "file_unreadable",
                "{file} could not be read: {detail}",
                file=name,
                detail=problem,
            )
        return data
