"""Changing what opens the vault: a new passphrase, optionally a new key, or a new recovery code.

Rules: every change runs in the vault worker (key derivation takes about half a second with
real parameters; replacing the key re-encrypts the whole vault, with a progress bar), never
on the GUI thread; while it runs the dialog shows that it is busy and cannot be closed. The
current passphrase is asked for every change and checked by the vault; a wrong one is said
plainly and changes nothing. The dialog says plainly what a passphrase change does and does
not do: old copies of the key file still open the vault with the old passphrase, unless the
key is replaced. A new recovery code is shown once, in a display that cannot be copied, and
the dialog cannot be closed until the user says it is written down. Passphrases and the code
leave the widgets as soon as they are used, and whenever the dialog is hidden (also when the
vault locks). The core records each change in the custody log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError, WrongPassphraseError
from evidence_kit.progress import ProgressInfo
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.widgets.passphrase import NewPassphraseFields, PassphraseEdit
from evidence_kit.ui.widgets.written_code import WrittenCode
from evidence_kit.ui.workers import JobContext, JobKind


class ChangePassphraseDialog(QDialog):
    passphrase_changed = Signal()
    status_message = Signal(str)  # a line for the window's status bar

    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.busy = False
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._done_page())
        # Never smaller than what the wrapped explanation and the fields need: without this the
        # dialog opened at its minimum width, cutting the explanation and the passphrase tip.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._update()
        self.current.setFocus()

    # ----------------------------------------------------------------- page 1: the passphrases

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.explain = QLabel(
            self.tr(
                "A new passphrase changes only the lock on the key that opens the vault; the evidence "
                "in it stays exactly as it is, and your recovery code stays valid.\n\n"
                "What it does not do: an old copy of the key file (keys.json, for example in a backup "
                "or on a lost USB stick) still opens the vault with the old passphrase. If someone may "
                "know your old passphrase or have a copy of the vault folder, also replace the key: the "
                "vault is re-encrypted under a new key, every old copy of the key file and your old "
                "recovery code stop working, and you get a new recovery code."
            ),
            page,
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        form = QFormLayout()
        self.current = PassphraseEdit(page)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        form.addRow(self.tr("C&urrent passphrase:"), self.current)
        self.new = NewPassphraseFields(form, page)
        layout.addLayout(form)
        self.rotate = QCheckBox(
            self.tr("Also &replace the key (re-encrypts the vault; you get a new recovery code)"), page
        )
        layout.addWidget(self.rotate)
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
        self.code_button = self.buttons.addButton(
            self.tr("New reco&very code…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.code_button.setToolTip(
            self.tr(
                "Make a new recovery code; the old one stops working with the key file in this folder "
                "(an old copy of the key file still opens with it, unless you also replace the key)"
            )
        )
        self.change_button = self.buttons.addButton(
            self.tr("&Change passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.code_button.clicked.connect(self._new_code)
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
        self.code_button.setEnabled(bool(self.current.text()) and not self.busy)

    def _set_busy(self, busy: bool, status: str = "") -> None:
        self.busy = busy
        self.current.setEnabled(not busy)
        self.new.set_enabled(not busy)
        self.rotate.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.status.setText(status if busy else "")
        self._update()

    def _change(self) -> None:
        if self.busy or self._check():
            return
        current, new, kdf = self.current.text(), self.new.text(), self.controller.kdf
        rotate = self.rotate.isChecked()

        def job(ctx: JobContext) -> str | None:
            return jobs.change_passphrase(ctx, current, new, kdf, rotate_key=rotate)

        self.problem.clear()
        if rotate:
            self._set_busy(True, self.tr("Re-encrypting the vault under a new key…"))
        else:
            self._set_busy(True, self.tr("Changing the passphrase…"))
        # A write: if the vault locks meanwhile, the change still finishes before it closes.
        self.controller.worker.submit(
            job,
            kind=JobKind.WRITE,
            owner=self,
            done=self._changed,
            error=self._failed,
            progress=self._on_progress,
        )

    def _new_code(self) -> None:
        if self.busy or not self.current.text():
            return
        current, kdf = self.current.text(), self.controller.kdf

        def job(ctx: JobContext) -> str:
            return jobs.new_recovery_code(ctx, current, kdf)

        self.problem.clear()
        self._set_busy(True, self.tr("Making a new recovery code…"))
        self.controller.worker.submit(
            job, kind=JobKind.WRITE, owner=self, done=self._code_made, error=self._failed
        )

    def _on_progress(self, info: object) -> None:
        if isinstance(info, ProgressInfo) and info.total_bytes:
            self.progress.setRange(0, 100)
            self.progress.setValue(info.done_bytes * 100 // info.total_bytes)

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

    def _changed(self, code: object) -> None:
        rotated = isinstance(code, str)
        self._set_busy(False)
        self._clear()
        if rotated:
            self.heading.setText(self.tr("The key was replaced"))
            self.done_text.setText(
                self.tr(
                    "The vault is re-encrypted under a new key. From now on, unlock it with the new "
                    "passphrase. Old copies of the key file and your old recovery code no longer open "
                    "it. The change is written in the custody log.\n\nThis is your new recovery code:"
                )
            )
        else:
            self.heading.setText(self.tr("The passphrase was changed"))
            self.done_text.setText(
                self.tr(
                    "From now on, unlock this vault with the new passphrase. Your recovery code stays "
                    "valid. The change is written in the custody log.\n\nAn old copy of the key file "
                    "still opens the vault with the old passphrase; to end that, change the passphrase "
                    "again with “Also replace the key”."
                )
            )
        self._show_done(code if isinstance(code, str) else None)
        self.status_message.emit(
            self.tr("The key was replaced.") if rotated else self.tr("The passphrase was changed.")
        )
        self.passphrase_changed.emit()

    def _code_made(self, code: object) -> None:
        self._set_busy(False)
        self._clear()
        self.heading.setText(self.tr("Your new recovery code"))
        self.done_text.setText(
            self.tr(
                "The old recovery code no longer works with the key file in this folder. An old copy "
                "of the key file still opens the vault with the old code; to end that, change the "
                "passphrase with “Also replace the key”. The change is written in the custody log."
                "\n\nThis is your new recovery code:"
            )
        )
        self._show_done(str(code))
        self.status_message.emit(self.tr("A new recovery code was made."))

    # ----------------------------------------------------------------- page 2: done

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(page)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.done_text = QLabel(page)
        self.done_text.setWordWrap(True)
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.done_text)
        self.code = WrittenCode(self.tr("New recovery code"), page)
        layout.addWidget(self.code)
        self.code_note = QLabel(
            self.tr(
                "It is shown only now and cannot be copied. Write it down and keep it somewhere safe, "
                "away from this computer and out of reach of the person you are collecting evidence "
                "about."
            ),
            page,
        )
        self.code_note.setWordWrap(True)
        layout.addWidget(self.code_note)
        self.written = QCheckBox(self.tr("I have written down the new recovery code"), page)
        layout.addWidget(self.written)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, page)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        self.written.toggled.connect(self.close_button.setEnabled)
        layout.addWidget(buttons)
        return page

    def _show_done(self, code: str | None) -> None:
        self.code.setText(code or "")
        for widget in (self.code, self.code_note, self.written):
            widget.setVisible(code is not None)
        self.written.setChecked(False)
        self.close_button.setEnabled(code is None)
        self.pages.setCurrentIndex(1)
        (self.written if code is not None else self.close_button).setFocus()

    @property
    def shows_done(self) -> bool:
        return self.pages.currentIndex() == 1

    # ----------------------------------------------------------------- closing

    def _clear(self) -> None:
        self.current.clear()
        self.new.clear()

    def reject(self) -> None:
        if self.busy:
            return  # the outcome is worth waiting for
        if self.shows_done and not self.close_button.isEnabled():
            return  # a new recovery code on screen: closed only once it is written down
        super().reject()

    def hideEvent(self, event: QHideEvent) -> None:
        self._clear()  # the passphrases do not stay in a hidden dialog (a lock hides it)
        self.code.clear()
        super().hideEvent(event)
