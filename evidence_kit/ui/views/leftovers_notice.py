"""What opening a vault found: left-over partial files (offered for removal) and an interrupted
key change that was completed or undone.

Rules: shown after unlocking, never blocking the workspace (`open()`, not `exec()`). The files
are named; removing them runs in the vault worker (which holds the folder's lock, so nothing
is removed while another program writes) and only ever what `storage/leftovers.py` found.
Keeping them is a choice: they are listed again at the next opening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from evidence_kit.storage.folder import display_path
from evidence_kit.storage.leftovers import remove_leftovers
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.workers import JobContext, JobKind


class LeftoversNotice(QDialog):
    def __init__(
        self,
        controller: JobsApi,
        leftovers: tuple[Path, ...],
        interrupted: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.leftovers = leftovers
        self.setWindowTitle(self.tr("Left-over partial files"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        lines = []
        if interrupted == "finished":
            lines.append(self.tr("A key change that was interrupted has been completed."))
        elif interrupted == "undone":
            lines.append(
                self.tr("A key change that was interrupted was undone; the vault is as it was before it.")
            )
        if leftovers:
            lines.append(
                self.tr(
                    "A write to this vault was interrupted (the program was stopped or the computer lost "
                    "power) and left these partial files behind. They are not part of the vault and are "
                    "never read, but a partial key file is one more copy of the vault's key. Remove them?"
                )
            )
        self.text = QLabel("\n\n".join(lines), self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.files = QPlainTextEdit("\n".join(display_path(path) for path in leftovers), self)
        self.files.setReadOnly(True)
        self.files.setAccessibleName(self.tr("Left-over partial files"))
        self.files.setVisible(bool(leftovers))
        layout.addWidget(self.files)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        if leftovers:
            self.remove_button = self.buttons.addButton(
                self.tr("&Remove them"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.keep_button = self.buttons.addButton(
                self.tr("&Keep them"), QDialogButtonBox.ButtonRole.RejectRole
            )
            self.buttons.accepted.connect(self._remove)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Ok).clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _remove(self) -> None:
        paths = self.leftovers
        self.buttons.setEnabled(False)

        def job(_ctx: JobContext) -> list[Path]:
            return remove_leftovers(paths)

        self.controller.worker.submit(job, kind=JobKind.WRITE, owner=self, done=self._removed)

    def _removed(self, failed: object) -> None:
        self.buttons.setEnabled(True)
        if isinstance(failed, list) and failed:
            self.problem.setText(
                self.tr("Some files could not be removed: {files}").format(
                    files=", ".join(display_path(path) for path in failed)
                )
            )
            return
        self.accept()
