"""Checking: the open vault (every page, every item's hash, the custody chain) and a dossier
package someone received (no vault needed). Both end in a readable report.

Rule: both run in the worker with a progress dialog; the report says plainly whether all is
well and, if not, each problem in one translated sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from evidence_kit.domain import VerifyReport
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import get_language
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.views.progress import ProgressDialog
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import Job, JobKind
from evidence_kit.verify.tearing import TORN_CODE


class ReportDialog(QDialog):
    def __init__(self, title: str, verdict: str, body: str, ok: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.verdict = QLabel(verdict, self)
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        apply_tone(self.verdict, Tone.OK if ok else Tone.ERROR)
        layout.addWidget(self.verdict)
        self.body = QPlainTextEdit(body, self)
        self.body.setReadOnly(True)
        self.body.setProperty("evidenceContent", True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setAccessibleName(title)
        layout.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.ok = ok


def vault_report_text(report: VerifyReport) -> tuple[str, str]:
    """(verdict, details) for a vault check, translated."""
    if report.ok:
        verdict = QCoreApplication.translate(
            "Verify",
            "The vault is intact: {items} items re-hashed and matching, {events} custody events checked.",
        ).format(items=report.items_checked, events=report.events_checked)
    else:
        count = len(report.problems)
        verdict = QCoreApplication.translate(
            "Verify", "The vault is NOT intact. Problems found: {count}."
        ).format(count=count)
        torn = [problem for problem in report.problems if problem.code == TORN_CODE]
        if torn:  # a copy made mid-write: what happened and what to do comes first, plainly
            verdict = texts.core_text(torn[0].template, torn[0].params)
    lines = [
        QCoreApplication.translate("Verify", "Items checked: {count}").format(count=report.items_checked),
        QCoreApplication.translate("Verify", "Bytes checked: {count}").format(
            count=texts.size_text(report.bytes_checked)
        ),
        QCoreApplication.translate("Verify", "Custody events checked: {count}").format(
            count=report.events_checked
        ),
        QCoreApplication.translate("Verify", "Head of the custody log: {hash}").format(hash=report.head_hash),
        "",
    ]
    lines += ["• " + texts.core_text(problem.template, problem.params) for problem in report.problems]
    return verdict, "\n".join(lines)


def verify_vault(controller: JobsApi, parent: QWidget) -> Job[VerifyReport]:
    holder: list[Job[VerifyReport]] = []
    progress = ProgressDialog(
        QCoreApplication.translate("Verify", "Checking the vault"), lambda: holder[0].cancel.cancel(), parent
    )

    def done(report: VerifyReport) -> None:
        progress.finish()
        verdict, body = vault_report_text(report)
        dialog = ReportDialog(
            QCoreApplication.translate("Verify", "Check of the vault"), verdict, body, report.ok, parent
        )
        dialog.setObjectName("vaultReport")
        dialog.open()

    def failed(exc: EvidenceKitError) -> None:
        progress.finish()
        ReportDialog(
            QCoreApplication.translate("Verify", "Check of the vault"),
            texts.error_text(exc),
            "",
            False,
            parent,
        ).open()

    job = controller.worker.submit(
        jobs.verify_vault,
        kind=JobKind.LONG,
        owner=parent,
        done=done,
        error=failed,
        progress=progress.update_progress,
    )
    holder.append(job)
    progress.open()
    return job


def verify_package(controller: JobsApi, parent: QWidget, path: Path | None = None) -> Job[Any] | None:
    if path is None:
        chosen = file_dialogs.open_file(
            parent,
            QCoreApplication.translate("Verify", "Choose the dossier package (.zip) or its manifest.json"),
            "",
            QCoreApplication.translate("Verify", "Dossier packages (*.zip manifest.json);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.name == "manifest.json":
            path = path.parent
    target = path

    def done(report: Any) -> None:
        from evidence_kit.verify.package import format_report

        if report.ok:
            verdict = QCoreApplication.translate(
                "Verify", "The package is complete and unchanged since it was exported."
            )
        else:
            verdict = QCoreApplication.translate(
                "Verify", "The package is NOT as it was exported: read the findings below."
            )
        dialog = ReportDialog(
            QCoreApplication.translate("Verify", "Check of a dossier package"),
            verdict,
            format_report(report, get_language()),
            report.ok,
            parent,
        )
        dialog.setObjectName("packageReport")
        dialog.open()

    def failed(exc: EvidenceKitError) -> None:
        ReportDialog(
            QCoreApplication.translate("Verify", "Check of a dossier package"),
            texts.error_text(exc),
            "",
            False,
            parent,
        ).open()

    return controller.worker.submit(
        lambda ctx: jobs.verify_package(ctx, target), kind=JobKind.LONG, owner=parent, done=done, error=failed
    )
