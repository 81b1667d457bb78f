"""What verify-package reports: one `CheckResult` a finding, a `PackageReport`, and the report as text.

Rule: a finding carries an English template with {placeholders} and its values; it is
translated only when shown (`verify_texts.translate`), so the report reads the same in every
language and the Dutch texts are keyed by the English ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from evidence_kit.verify import texts as verify_texts


class CheckStatus(StrEnum):
    OK = "ok"
    MISMATCH = "mismatch"  # present but not what the manifest says
    MISSING = "missing"
    UNEXPECTED = "unexpected"  # in the package but not in the manifest
    INVALID = "invalid"  # cannot be read as what it should be
    NOTICE = "notice"  # something to know that is not a failure (whose trust was used, ignored system files)
    WARNING = "warning"  # a trust warning: intact, but resting on trust only the package gives (exit 3)


_NOT_CHECKS = frozenset({CheckStatus.NOTICE, CheckStatus.WARNING})  # not counted among the checks
FAILING = frozenset({CheckStatus.MISMATCH, CheckStatus.MISSING, CheckStatus.UNEXPECTED, CheckStatus.INVALID})


@dataclass(frozen=True)
class CheckResult:
    """One finding. `subject` is a package path ('originals/0001_a.png') or a file the check is about."""

    subject: str
    status: CheckStatus
    code: str
    template: str  # English with {placeholders}; translated by verify_texts.translate
    params: tuple[tuple[str, str], ...] = ()

    @property
    def failed(self) -> bool:
        return self.status in FAILING

    def format(self, lang: str = "en", escape: Callable[[str], str] | None = None) -> str:
        """The finding in `lang`; `escape` (the CLI's) makes each value from the package safe to print."""
        params = {key: escape(value) if escape else value for key, value in self.params}
        return _fill(verify_texts.translate(self.template, lang), self.template, params)


@dataclass(frozen=True)
class PackageReport:
    path: str
    results: tuple[CheckResult, ...]
    dossier_id: str | None = None
    manifest_sha256: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.results) and not self.failures

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if result.failed)

    @property
    def warnings(self) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if result.status is CheckStatus.WARNING)

    def about(self, subject: str) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if result.subject == subject)


def _fill(translated: str, template: str, params: dict[str, str]) -> str:
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def report_time(moment: datetime) -> str:
    """A moment as findings show it: 'YYYY-MM-DD HH:MM:SS' in UTC (a naive moment is taken as UTC)."""
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def format_report(report: PackageReport, lang: str = "en", escape: Callable[[str], str] | None = None) -> str:
    """The report as the CLI prints it: a header, one line per finding, and a verdict.

    `escape` is applied to every value that came from the package (names, paths, texts), so the
    CLI can print them without a control or bidi character reaching the terminal.
    """
    labels = verify_texts.STATUS_LABELS.get(lang, verify_texts.STATUS_LABELS["en"])
    width = max(len(label) for label in labels.values()) + 2

    def line(template: str, **params: object) -> str:
        values = {key: escape(str(value)) if escape else str(value) for key, value in params.items()}
        return _fill(verify_texts.translate(template, lang), template, values)

    lines = [line("Package: {path}", path=report.path)]
    if report.dossier_id is not None:
        lines.append(line("Dossier: {dossier_id}", dossier_id=report.dossier_id))
    if report.manifest_sha256 is not None:
        lines.append(
            line(
                "SHA-256 of manifest.json (shown in the PDF footer): {sha256}", sha256=report.manifest_sha256
            )
        )
    lines.append("")
    for result in report.results:
        lines.append(f"{'[' + labels[result.status.value] + ']':<{width}} {result.format(lang, escape)}")
    lines.append("")
    count = sum(1 for result in report.results if result.status not in _NOT_CHECKS)
    failed = len(report.failures)
    if report.ok and report.warnings:
        lines.append(
            line(
                "All {count} checks passed, with {warnings} trust warnings: the files are as exported, "
                "but some rest on a certificate only the package vouches for.",
                count=count,
                warnings=len(report.warnings),
            )
        )
    elif report.ok:
        lines.append(line("All {count} checks passed.", count=count))
    else:
        lines.append(
            line(
                "{failed} of {count} checks failed: this package is not as it was exported.",
                failed=failed,
                count=max(count, failed),
            )
        )
    return "\n".join(lines) + "\n"
