"""Settings: language, auto-lock, a neutral app name, dossier defaults, trusted time-stamps.

Rule: nothing here holds case content. The app's own choices go to `UiSettings` (QSettings);
the time-stamp choice is the program-wide setting the CLI shares (`evidence_kit.settings`).
A language change rebuilds the window at once; the open vault stays open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.settings import Settings, load_settings, save_settings
from evidence_kit.ui import texts
from evidence_kit.ui.controller_api import ControllerApi
from evidence_kit.ui.ui_settings import MAX_AUTOLOCK_MINUTES
from evidence_kit.ui.views.tsa_editor import TsaEditor
from evidence_kit.ui.widgets import file_dialogs


class SettingsDialog(QDialog):
    def __init__(self, controller: ControllerApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        settings = controller.settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as the system"), "system")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        form.addRow(self.tr("&Language:"), self.language)

        self.autolock = QSpinBox(self)
        self.autolock.setRange(0, MAX_AUTOLOCK_MINUTES)
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" minutes"))
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        form.addRow(self.tr("Lock the vault after &no use for:"), self.autolock)

        self.neutral = QCheckBox(self.tr("Show a neutral name in the title bar and task bar"), self)
        self.neutral.setChecked(settings.neutral_name_enabled)
        self.neutral_name = QLineEdit(settings.neutral_name, self)
        self.neutral_name.setPlaceholderText(self.tr("Notes"))
        self.neutral_name.setAccessibleName(self.tr("Neutral name"))
        form.addRow(self.neutral)
        form.addRow(self.tr("Neutral &name:"), self.neutral_name)

        self.recent = QCheckBox(
            self.tr(
                "Remember the last vaults opened here "
                "(anyone using this computer can then see their folder names)"
            ),
            self,
        )
        self.recent.setChecked(settings.recent_enabled)
        form.addRow(self.recent)

        self.dossier_language = QComboBox(self)
        self.dossier_language.addItem(self.tr("Same as the program"), "")
        self.dossier_language.addItem("Nederlands", "nl")
        self.dossier_language.addItem("English", "en")
        self.dossier_language.setCurrentIndex(
            max(self.dossier_language.findData(settings.dossier_language), 0)
        )
        form.addRow(self.tr("&Dossier language:"), self.dossier_language)
        folder_row = QHBoxLayout()
        self.dossier_folder = QLineEdit(settings.dossier_folder, self)
        self.dossier_folder.setAccessibleName(self.tr("Where dossiers go"))
        browse = QPushButton(self.tr("B&rowse…"), self)
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.dossier_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Dossiers go to:"), folder_row)

        self.timestamps = QCheckBox(
            self.tr("Ask a trusted time-stamp authority to confirm when items were stored (needs internet)"),
            self,
        )
        self.tsa_list = QLabel(self)
        self.tsa_list.setWordWrap(True)
        self.tsa_edit = QPushButton(self.tr("&Change…"), self)
        self.tsa_edit.setAccessibleName(self.tr("Change the time-stamp authorities"))
        self.tsa_edit.clicked.connect(self.edit_authorities)
        self._program_settings = self._load_program_settings()
        self._loaded_program_settings = self._program_settings
        self.tsa_edit.setEnabled(self._program_settings is not None)
        tsa_row = QHBoxLayout()
        tsa_row.addWidget(self.tsa_list, 1)
        tsa_row.addWidget(self.tsa_edit)
        form.addRow(self.timestamps)
        form.addRow(self.tr("Authorities:"), tsa_row)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _load_program_settings(self) -> Settings | None:
        try:
            loaded = load_settings()
        except EvidenceKitError as exc:
            self.timestamps.setEnabled(False)
            self.tsa_list.setText(texts.error_text(exc))
            return None
        self.timestamps.setChecked(loaded.timestamping_enabled)
        self._show_authorities(loaded)
        return loaded

    def _show_authorities(self, settings: Settings) -> None:
        names = ", ".join(t.name for t in settings.tsas)
        self.tsa_list.setText(names or self.tr("None: items are not time-stamped."))
        self.tsa_list.setProperty("evidenceContent", bool(names))  # names of services, not translatable

    def edit_authorities(self) -> None:
        """Open the authority list; its changes are kept until this dialog is saved or cancelled."""
        if self._program_settings is None:
            return
        self.tsa_editor = TsaEditor(self._program_settings, self)
        self.tsa_editor.setModal(True)
        self.tsa_editor.finished.connect(self._authorities_edited)
        self.tsa_editor.open()

    def _authorities_edited(self) -> None:
        edited = self.tsa_editor.result_settings()
        if edited is not None:
            self._program_settings = edited
            self._show_authorities(edited)

    def _browse(self) -> None:
        folder = file_dialogs.existing_folder(
            self, self.tr("Where should dossiers go?"), self.dossier_folder.text()
        )
        if folder:
            self.dossier_folder.setText(folder)

    def save(self) -> None:
        settings = self.controller.settings
        settings.autolock_minutes = self.autolock.value()
        settings.neutral_name_enabled = self.neutral.isChecked()
        settings.neutral_name = self.neutral_name.text()
        settings.recent_enabled = self.recent.isChecked()  # off: the list is deleted
        if self.recent.isChecked() and self.controller.last_path is not None:
            settings.remember_vault(self.controller.last_path)
        settings.dossier_language = self.dossier_language.currentData()
        if self.dossier_folder.text().strip():
            settings.dossier_folder = self.dossier_folder.text().strip()
        if self._program_settings is not None and self.timestamps.isEnabled():
            updated = replace(self._program_settings, timestamping_enabled=self.timestamps.isChecked())
            if updated != self._loaded_program_settings:
                try:
                    save_settings(updated)
                except OSError as exc:
                    self.problem.setText(str(exc.strerror))
                    return
                # The open vault's background time-stamping follows at once (no restart).
                self.controller.timestamping_changed(updated.timestamping_enabled)
        settings.sync()
        language = self.language.currentData()
        self.accept()
        self.controller.rearm_idle()
        if language != settings.language:
            self.controller.apply_language(language)
        else:
            self.controller.rebuild_window()  # the name in the title bar may have changed
