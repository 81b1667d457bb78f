"""A progress dialog for long jobs: files done of total, bytes, the current file, Cancel.

Rule: Cancel only asks; the job stops at its next safe point and the vault keeps every item
finished before it. The dialog says so, and stays until the job really ends.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from evidence_kit.progress import ProgressInfo
from evidence_kit.ui import texts


class ProgressDialog(QDialog):
    def __init__(
        self,
        title: str,
        on_cancel: Callable[[], None],
        parent: QWidget | None = None,
        stopping: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._stopping = stopping
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self._on_cancel = on_cancel
        layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        layout.addWidget(self.heading)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(title)
        layout.addWidget(self.bar)
        self.files = QLabel(self)
        self.bytes = QLabel(self)
        self.current = QLabel(self)
        self.current.setProperty("evidenceContent", True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.current.setWordWrap(True)
        for label in (self.files, self.bytes, self.current):
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel)
        layout.addWidget(self.buttons)
        self.cancelled = False

    def update_progress(self, info: object) -> None:
        # A progress report queued before a lock or quick exit may arrive after the dialog is gone.
        if not isinstance(info, ProgressInfo) or not shiboken6.isValid(self.bar):
            return
        if info.total_files:
            self.bar.setRange(0, info.total_files)
            self.bar.setValue(info.done_files)
            self.files.setText(
                self.tr("{done} of %n file(s)", "", info.total_files).format(done=info.done_files)
            )
        if info.total_bytes:
            self.bytes.setText(
                self.tr("{done} of {total}").format(
                    done=texts.size_text(info.done_bytes), total=texts.size_text(info.total_bytes)
                )
            )
        self.current.setText(info.current)

    def _cancel(self) -> None:
        if not self.cancelled:
            self.cancelled = True
            self.heading.setText(
                self._stopping or self.tr("Stopping… every item finished so far stays in the vault.")
            )
            self.buttons.setEnabled(False)
            self._on_cancel()

    def reject(self) -> None:  # Esc and the window's close button ask to cancel too
        self._cancel()

    def finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
