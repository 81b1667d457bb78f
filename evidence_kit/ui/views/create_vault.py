"""Creating a vault: case name, where, passphrase twice; then the recovery code, shown once.

Rules: the vault is made in the worker (the key derivation takes a moment). The recovery
code is shown once, can be printed or saved to a file the user picks, and is never put on
the clipboard; the dialog cannot be finished before the user confirms they kept it, and the
code is wiped from the widgets when the dialog closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.widgets.passphrase import PassphraseEdit, StrengthMeter
from evidence_kit.ui.workers import JobKind
from evidence_kit.vault import MIN_PASSPHRASE_LENGTH


class CreateVaultDialog(QDialog):
    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.session: jobs.Session | None = None
        self.setWindowTitle(self.tr("Create a new vault"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._details_page())
        self.pages.addWidget(self._code_page())
        self._update()

    # ----------------------------------------------------------------- page 1: details

    def _details_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        explain = QLabel(
            self.tr(
                "A vault holds the evidence of one case. Everything in it is encrypted with your "
                "passphrase. Choose a passphrase that others cannot guess; without it (or the "
                "recovery code) nobody can open the vault, not even us."
            ),
            page,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.case_name = QLineEdit(page)
        self.case_name.setPlaceholderText(self.tr("For example: Messages from my ex, 2026"))
        self.case_name.setAccessibleName(self.tr("Case name"))
        form.addRow(self.tr("Case &name:"), self.case_name)
        self.location = QLineEdit(page)
        self.location.setAccessibleName(self.tr("Where to save the vault"))
        self.location.setText(str(self._default_location()))
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save in:"), row)
        self.passphrase = PassphraseEdit(page)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.meter = StrengthMeter(page)
        form.addRow("", self.meter)
        self.repeat = PassphraseEdit(page)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        form.addRow(self.tr("&Again:"), self.repeat)
        layout.addLayout(form)
        self.problem = QLabel(page)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        apply_tone(self.problem, Tone.ERROR)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(page)
        self.create_button = self.buttons.addButton(
            self.tr("&Create vault"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.case_name, self.location, self.passphrase, self.repeat):
            field.textChanged.connect(self._update)
        return page

    def _default_location(self) -> Path:
        base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        # Neutral: a folder called "Evidence vault" tells whoever browses a shared computer.
        name = self.tr("Notes")
        candidate = base / name
        number = 2
        while candidate.exists():
            candidate = base / f"{name} {number}"
            number += 1
        return candidate

    def _browse(self) -> None:
        folder = file_dialogs.existing_folder(
            self, self.tr("Choose the folder to save the vault in"), str(Path(self.location.text()).parent)
        )
        if folder:
            self.location.setText(str(Path(folder) / Path(self.location.text()).name))

    def _check(self) -> str:
        if not self.case_name.text().strip():
            return self.tr("Give the case a name (only you will see it; it is stored encrypted).")
        target = Path(self.location.text().strip())
        if not self.location.text().strip():
            return self.tr("Choose where to save the vault.")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            return self.tr("That place is already in use; choose a new folder name.")
        if len(self.passphrase.text()) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The passphrase needs at least {minimum} characters.").format(
                minimum=MIN_PASSPHRASE_LENGTH
            )
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def _update(self) -> None:
        self.meter.update_for(self.passphrase.text())
        problem = self._check()
        typed = bool(self.passphrase.text() or self.repeat.text())
        self.problem.setText(problem if typed else "")
        self.create_button.setEnabled(not problem)

    def _create(self) -> None:
        if self._check():
            return
        self.create_button.setEnabled(False)
        self.problem.setText(self.tr("Creating the vault…"))
        path = Path(self.location.text().strip())
        passphrase, title, kdf = self.passphrase.text(), self.case_name.text().strip(), self.controller.kdf
        self.controller.worker.submit(
            lambda ctx: jobs.create_vault(ctx, path, passphrase, title, kdf),
            kind=JobKind.SESSION,
            owner=self,
            done=self._created,
            error=self._failed,
        )

    def _failed(self, exc: EvidenceKitError) -> None:
        self.problem.setText(texts.error_text(exc))
        self.create_button.setEnabled(True)

    def _created(self, session: jobs.Session) -> None:
        self.session = session
        self.passphrase.clear()
        self.repeat.clear()
        self.code_label.setText(session.recovery_code or "")
        self.pages.setCurrentIndex(1)
        self.confirm.setFocus()

    # ----------------------------------------------------------------- page 2: recovery code

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        heading = QLabel(self.tr("Your recovery code"), page)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        layout.addWidget(heading)
        explain = QLabel(
            self.tr(
                "If you forget your passphrase, this code is the only way back into the vault. It is "
                "shown only now. Write it down or print it, and keep it somewhere safe, away from this "
                "computer and out of reach of the person you are collecting evidence about."
            ),
            page,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.code_label = QLabel(page)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setProperty("evidenceContent", True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setMinimumHeight(56)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        print_button = QPushButton(self.tr("&Print…"), page)
        print_button.clicked.connect(self._print)
        save_button = QPushButton(self.tr("Save as &file…"), page)
        save_button.clicked.connect(self._save)
        row.addWidget(print_button)
        row.addWidget(save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.confirm = QCheckBox(self.tr("I have written down, printed or saved the recovery code"), page)
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(page)
        self.continue_button = buttons.addButton(
            self.tr("&Open the vault"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setEnabled(False)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        buttons.accepted.connect(self._finish)
        layout.addWidget(buttons)
        return page

    def _code_document(self) -> QTextDocument:
        document = QTextDocument(self)
        title = self.tr("Evidence Kit recovery code")
        note = self.tr("Keep this paper somewhere safe. With this code you can set a new passphrase.")
        code = self.code_label.text()
        document.setPlainText(f"{title}\n\n{code}\n\n{note}\n")
        return document

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._code_document().print_(printer)

    def _save(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Save the recovery code"),
            self.tr(
                "Anyone who finds this file can open the vault with it. Save it on a USB stick or "
                "another place that only you can reach, not on this computer. Continue?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = file_dialogs.save_file(
            self, self.tr("Save the recovery code"), self.tr("recovery code.txt"), self.tr("Text (*.txt)")
        )
        if not name:
            return
        try:
            with open(name, "x", encoding="utf-8") as handle:
                handle.write(self._code_document().toPlainText())
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Could not save the file: {reason}").format(reason=exc.strerror),
            )

    def _finish(self) -> None:
        if not self.confirm.isChecked() or self.session is None:
            return
        self.code_label.clear()
        self.accept()

    def abandon(self) -> None:
        """The vault was locked before the code was confirmed: forget the code, close, open nothing."""
        self.code_label.clear()
        self.session = None
        super().reject()

    def reject(self) -> None:
        if self.session is not None:
            # The vault exists and is open: leaving means going on, once the code is acknowledged.
            if self.confirm.isChecked():
                self._finish()
            return
        super().reject()
