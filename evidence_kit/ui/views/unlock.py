"""Unlocking a vault: the passphrase, or the recovery code and a new passphrase.

Rule: a wrong passphrase is said plainly and the field is cleared and focused again; the
recovery path sets a new passphrase at once (the user has evidently lost the old one), and
that change is a custody event of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError, WrongPassphraseError, WrongRecoveryCodeError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.widgets.passphrase import PassphraseEdit, StrengthMeter
from evidence_kit.ui.workers import JobContext, JobKind
from evidence_kit.vault import MIN_PASSPHRASE_LENGTH


class UnlockDialog(QDialog):
    def __init__(self, controller: JobsApi, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.path = path
        self.session: jobs.Session | None = None
        self.setWindowTitle(self.tr("Unlock the vault"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Vault: {name}").format(name=path.name), self)
        where.setProperty("evidenceContent", True)
        where.setToolTip(str(path))
        layout.addWidget(where)
        self.modes = QStackedWidget(self)
        layout.addWidget(self.modes)

        passphrase_page = QWidget(self)
        form = QFormLayout(passphrase_page)
        self.passphrase = PassphraseEdit(passphrase_page)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.use_code = QPushButton(self.tr("I forgot my passphrase: use the recovery code"), passphrase_page)
        self.use_code.setFlat(True)
        self.use_code.clicked.connect(lambda: self._mode(1))
        form.addRow("", self.use_code)
        self.modes.addWidget(passphrase_page)

        code_page = QWidget(self)
        code_form = QFormLayout(code_page)
        self.code = QLineEdit(code_page)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code.setAccessibleName(self.tr("Recovery code"))
        code_form.addRow(self.tr("&Recovery code:"), self.code)
        self.new_passphrase = PassphraseEdit(code_page)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        code_form.addRow(self.tr("&New passphrase:"), self.new_passphrase)
        self.meter = StrengthMeter(code_page)
        code_form.addRow("", self.meter)
        self.new_repeat = PassphraseEdit(code_page)
        self.new_repeat.setAccessibleName(self.tr("New passphrase again"))
        code_form.addRow(self.tr("&Again:"), self.new_repeat)
        back = QPushButton(self.tr("Use the passphrase instead"), code_page)
        back.setFlat(True)
        back.clicked.connect(lambda: self._mode(0))
        code_form.addRow("", back)
        self.modes.addWidget(code_page)
        self.new_passphrase.textChanged.connect(self.meter.update_for)

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        apply_tone(self.problem, Tone.ERROR)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    @property
    def recovery_mode(self) -> bool:
        return self.modes.currentIndex() == 1

    def _mode(self, index: int) -> None:
        self.modes.setCurrentIndex(index)
        self.problem.clear()
        (self.code if index == 1 else self.passphrase).setFocus()

    def _unlock(self) -> None:
        path, kdf = self.path, self.controller.kdf
        if self.recovery_mode:
            new = self.new_passphrase.text()
            if len(new) < MIN_PASSPHRASE_LENGTH:
                self.problem.setText(
                    self.tr("The new passphrase needs at least {minimum} characters.").format(
                        minimum=MIN_PASSPHRASE_LENGTH
                    )
                )
                return
            if new != self.new_repeat.text():
                self.problem.setText(self.tr("The two new passphrases are not the same."))
                return
            code = self.code.text()

            def job(ctx: JobContext) -> jobs.Session:
                return jobs.open_vault(ctx, path, recovery_code=code, new_passphrase=new, kdf=kdf)

        else:
            passphrase = self.passphrase.text()

            def job(ctx: JobContext) -> jobs.Session:
                return jobs.open_vault(ctx, path, passphrase=passphrase)

        self.unlock_button.setEnabled(False)
        self.problem.setText(self.tr("Unlocking…"))
        self.controller.worker.submit(
            job, kind=JobKind.SESSION, owner=self, done=self._opened, error=self._failed
        )

    def _failed(self, exc: EvidenceKitError) -> None:
        self.unlock_button.setEnabled(True)
        if isinstance(exc, WrongPassphraseError):
            self.problem.setText(
                self.tr("That passphrase is not right for this vault. Check Caps Lock and try again.")
            )
            self.passphrase.clear()
            self.passphrase.setFocus()
        elif isinstance(exc, WrongRecoveryCodeError):
            self.problem.setText(self.tr("That recovery code is not right for this vault."))
            self.code.setFocus()
        else:
            self.problem.setText(texts.error_text(exc))

    def _opened(self, session: jobs.Session) -> None:
        self.session = session
        for field in (self.passphrase, self.code, self.new_passphrase, self.new_repeat):
            field.clear()
        self.accept()
