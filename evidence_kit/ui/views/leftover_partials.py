"""The calm question after unlocking: unfinished files a stopped export or copy left behind.

Rule: these files are plaintext pieces of evidence outside the vault (storage/partials.py), so
the person is told where they are and offered to remove them; nothing is removed without
asking, and the vault itself is never affected. The removal runs on the vault's worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobKind


class LeftoverPartialsDialog(QDialog):
    def __init__(self, controller: JobsApi, paths: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.remaining: tuple[Path, ...] | None = None  # after a removal: what could not be removed
        self.setWindowTitle(self.tr("Unfinished files found"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An export or a copy of an item was stopped before it was finished, and left these "
                "unfinished files on this computer. They are incomplete and not encrypted. The vault "
                "itself is complete and not affected."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.paths = QPlainTextEdit("\n".join(str(path) for path in paths))
        self.paths.setReadOnly(True)
        self.paths.setAccessibleName(self.tr("Unfinished files"))
        layout.addWidget(self.paths)
        self.status = QLabel(self.tr("Remove them now?"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.remove_button = QPushButton(self.tr("Remove them"))
        self.remove_button.setDefault(True)
        self.keep_button = QPushButton(self.tr("Keep them for now"))
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.remove_button.clicked.connect(self._remove)
        self.keep_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _remove(self) -> None:
        self.remove_button.setEnabled(False)
        self.controller.worker.submit(
            jobs.remove_partials, kind=JobKind.WRITE, owner=self, done=self._removed, error=self._failed
        )

    def _removed(self, remaining: tuple[Path, ...]) -> None:
        self.remaining = remaining
        if not remaining:
            self.accept()
            return
        self.paths.setPlainText("\n".join(str(path) for path in remaining))
        self.status.setText(self.tr("These could not be removed; please remove them by hand."))
        apply_tone(self.status, Tone.WARNING)
        self.remove_button.setEnabled(True)

    def _failed(self, exc: EvidenceKitError) -> None:
        self.status.setText(texts.error_text(exc))
        apply_tone(self.status, Tone.ERROR)
        self.remove_button.setEnabled(True)
