"""Vault → Back up…: a consistent, checked copy of the open vault in a folder the user chooses.

Rules: the folder is chosen with the app's own file dialog (no recent-files trail,
`widgets/file_dialogs.py`); an empty folder is used as it is, in any other a new folder with a
neutral name (never the case's name) is made for the copy. The copy runs in the worker with a
progress dialog and Cancel (Cancel leaves nothing behind); the result is one calm sentence, and
the folder can be shown.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from evidence_kit.domain import BackupReport
from evidence_kit.errors import CancelledError, EvidenceKitError
from evidence_kit.progress import ProgressInfo
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.views.progress import ProgressDialog
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.workers import Job, JobKind

_BAR_STEPS = 1000


def backup_target(chosen: Path, now: datetime | None = None) -> Path:
    """The chosen folder if it is empty, else a new neutrally named folder inside it."""
    if chosen.is_dir() and not any(chosen.iterdir()):
        return chosen
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H%M")
    # Neutral: neither the case's name nor the program's (the app may go by a neutral name).
    name = QCoreApplication.translate("Backup", "Backup {stamp}").format(stamp=stamp)
    candidate = chosen / name
    number = 2
    while candidate.exists():
        candidate = chosen / f"{name} ({number})"
        number += 1
    return candidate


def backup_vault(controller: JobsApi, parent: QWidget) -> Job[BackupReport] | None:
    """Ask for a folder and make the backup there in the worker; None when no folder was chosen."""
    chosen = file_dialogs.existing_folder(
        parent,
        QCoreApplication.translate("Backup", "Choose where to put the backup (for example a USB stick)"),
    )
    if not chosen:
        return None
    target = backup_target(Path(chosen))
    holder: list[Job[BackupReport]] = []
    progress = ProgressDialog(
        QCoreApplication.translate("Backup", "Making a backup"),
        lambda: holder[0].cancel.cancel(),
        parent,
        stopping=QCoreApplication.translate("Backup", "Stopping… nothing will be left in the chosen folder."),
    )
    progress.setObjectName("backupProgress")

    def on_progress(info: object) -> None:
        progress.update_progress(info)
        if isinstance(info, ProgressInfo) and info.total_bytes and not info.total_files:
            progress.bar.setRange(0, _BAR_STEPS)
            progress.bar.setValue(int(_BAR_STEPS * info.done_bytes / info.total_bytes))
        elif isinstance(info, ProgressInfo) and info.total_files:
            progress.heading.setText(QCoreApplication.translate("Backup", "Checking the copy…"))
            progress.files.setText(
                # A label, not "1 of 1 items": no noun follows the number (lupdate reads no plural
                # from QCoreApplication.translate).
                QCoreApplication.translate("Backup", "Items checked: {done} of {total}").format(
                    done=info.done_files, total=info.total_files
                )
            )

    def done(report: BackupReport) -> None:
        progress.finish()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Backup", "Backup made"),
            "",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("backupResult")
        box.setText(
            QCoreApplication.translate(
                "Backup",
                "The backup is made and checked: {items} items, every byte and the custody log. It opens "
                "with the same passphrase and recovery code as this vault. Keep it away from this computer.",
            ).format(items=report.items)
        )
        box.setInformativeText(report.folder)
        box.open()

    def failed(exc: EvidenceKitError) -> None:
        progress.finish()
        if isinstance(exc, CancelledError):
            text = QCoreApplication.translate(
                "Backup", "The backup was cancelled; nothing was left in the chosen folder."
            )
            icon = QMessageBox.Icon.Information
        else:
            text, icon = texts.error_text(exc), QMessageBox.Icon.Warning
        box = QMessageBox(
            icon,
            QCoreApplication.translate("Backup", "Backup not made"),
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("backupResult")
        box.open()

    job = controller.worker.submit(
        lambda ctx: jobs.backup(ctx, target),
        kind=JobKind.LONG,
        owner=parent,
        done=done,
        error=failed,
        progress=on_progress,
    )
    holder.append(job)
    progress.open()
    return job
