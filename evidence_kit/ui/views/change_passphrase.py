"""Changing the passphrase of the open vault: the current one, the new one twice; then a calm "done".

Rules: the change runs in the vault worker (the key derivation takes about half a second
with real parameters, twice: checking the current passphrase and wrapping the key under the
new one), never on the GUI thread; while it runs the dialog shows that it is busy and cannot
be closed. A wrong current passphrase is said plainly and changes nothing. The new one must
meet the rule used when creating a vault. The core records the change in the custody log.
The passphrases leave the widgets as soon as the change is done, and whenever the dialog is
hidden (also when the vault locks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError, WrongPassphraseError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.widgets.passphrase import NewPassphraseFields, PassphraseEdit
from evidence_kit.ui.workers import JobContext, JobKind


class ChangePassphraseDialog(QDialog):
    passphrase_changed = Signal()
    status_message = Signal(str)  # a line for the window's status bar

    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.busy = False
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(520)
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._done_page())
        self._update()
        self.current.setFocus()

    # ----------------------------------------------------------------- page 1: the passphrases

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            self.tr(
                "Only the key that opens the vault changes; the evidence in it stays exactly as it "
                "is. Your recovery code stays valid."
            ),
            page,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.current = PassphraseEdit(page)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        form.addRow(self.tr("C&urrent passphrase:"), self.current)
        self.new = NewPassphraseFields(form, page)
        layout.addLayout(form)
        self.problem = QLabel(page)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        apply_tone(self.problem, Tone.ERROR)
        layout.addWidget(self.problem)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)  # busy, no percentage: the key derivation gives none
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Changing the passphrase…"))
        self.progress.hide()
        self.status = QLabel(page)
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(page)
        self.change_button = self.buttons.addButton(
            self.tr("&Change passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.current.textChanged.connect(self._update)
        self.new.changed.connect(self._update)
        return page

    def _check(self) -> str:
        if not self.current.text():
            return self.tr("Type the passphrase you use now.")
        problem = self.new.problem()
        if problem:
            return problem
        if self.new.text() == self.current.text():
            return self.tr("The new passphrase is the same as the current one.")
        return ""

    def _update(self) -> None:
        problem = self._check()
        # Say what is missing only once the user has started on the new passphrase.
        self.problem.setText(problem if self.new.typed() else "")
        self.change_button.setEnabled(not problem and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.current.setEnabled(not busy)
        self.new.set_enabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status.setText(self.tr("Changing the passphrase…") if busy else "")
        self._update()

    def _change(self) -> None:
        if self.busy or self._check():
            return
        current, new, kdf = self.current.text(), self.new.text(), self.controller.kdf

        def job(ctx: JobContext) -> None:
            jobs.change_passphrase(ctx, current, new, kdf)

        self.problem.clear()
        self._set_busy(True)
        # A write: if the vault locks meanwhile, the change still finishes before it closes.
        self.controller.worker.submit(
            job, kind=JobKind.WRITE, owner=self, done=self._changed, error=self._failed
        )

    def _failed(self, exc: EvidenceKitError) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphraseError):
            self.current.clear()
            self.current.setFocus()
            message = self.tr(
                "That is not the passphrase this vault has now. Check Caps Lock and try again. "
                "Nothing was changed."
            )
        else:
            message = texts.error_text(exc)
        self.problem.setText(message)

    def _changed(self, _result: object) -> None:
        self._set_busy(False)
        self._clear()
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        self.status_message.emit(self.tr("The passphrase was changed."))
        self.passphrase_changed.emit()

    # ----------------------------------------------------------------- page 2: done

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("The passphrase was changed"), page)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        self.done_text = QLabel(
            self.tr(
                "From now on, unlock this vault with the new passphrase. Your recovery code stays "
                "valid. The change is written in the custody log."
            ),
            page,
        )
        self.done_text.setWordWrap(True)
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.done_text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, page)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        return page

    @property
    def shows_done(self) -> bool:
        return self.pages.currentIndex() == 1

    # ----------------------------------------------------------------- closing

    def _clear(self) -> None:
        self.current.clear()
        self.new.clear()

    def reject(self) -> None:
        if self.busy:
            return  # half a second: the outcome is worth waiting for
        super().reject()

    def hideEvent(self, event: QHideEvent) -> None:
        self._clear()  # the passphrases do not stay in a hidden dialog (a lock hides it)
        super().hideEvent(event)
