"""The dossier dialog: which items, which language, which images to withhold, who compiled
it, the case title, where it goes; then progress, then "Show in folder".

Rules: the core's `export_dossier` does the work, in the worker (it is a custody event);
images chosen as intimate are withheld: their pixels never appear in the PDF, and their
originals are left out of the package unless the user ticks the box to include them. The
target folder must be new.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import ItemKind
from evidence_kit.errors import EvidenceKitError
from evidence_kit.i18n import get_language
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.views.progress import ProgressDialog
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import Job, JobKind

SCOPE_ALL, SCOPE_SELECTED, SCOPE_DATES, SCOPE_CATEGORY = range(4)


def _label_for(form: QFormLayout, row: QHBoxLayout, field: QWidget) -> None:
    """A form row holding a layout gets no buddy from Qt: name its field by the row's label."""
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(field)


class ExportDialog(QDialog):
    def __init__(
        self,
        controller: WorkspaceApi,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        chosen: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        # Items picked elsewhere (the chats ticked in an export's chat list) stand in for the
        # list's selection: the dialog opens with exactly those, the other choices still there.
        picked = set(chosen or ())
        self.chosen: list[ItemRow] | None = (
            [r for r in workspace.model.rows() if r.id in picked] if chosen is not None else None
        )
        self.controller = controller
        self.workspace = workspace
        self.result_value: Any = None
        self.job: Job[Any] | None = None
        self.progress: ProgressDialog | None = None
        self.setWindowTitle(self.tr("Export a dossier"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "The dossier is a folder with a signed PDF, the original files, and what anyone needs "
                "to check that nothing was changed. Give it to the police or your lawyer on a USB stick."
            ),
            self,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)

        scope_box = QGroupBox(self.tr("Which items"), self)
        scope_layout = QVBoxLayout(scope_box)
        self.scope = QButtonGroup(self)
        selected = len(self.chosen if self.chosen is not None else workspace.list.selected_rows())
        self.all_radio = QRadioButton(self.tr("&All items of the case (%n)", "", len(workspace.model.rows())))
        self.selected_radio = QRadioButton(self.tr("Only the &selected item(s) (%n)", "", selected))
        self.selected_radio.setEnabled(selected > 0)
        self.dates_radio = QRadioButton(self.tr("Items from a &period:"))
        self.category_radio = QRadioButton(self.tr("Items of one &category:"))
        for number, radio in enumerate(
            (self.all_radio, self.selected_radio, self.dates_radio, self.category_radio)
        ):
            self.scope.addButton(radio, number)
        # The whole case is the default: having looked at one item does not mean "export only that
        # one" (issue #15); the other choices stay visible right below it.
        self.all_radio.setChecked(True)
        if self.chosen:
            self.selected_radio.setChecked(True)
        scope_layout.addWidget(self.all_radio)
        scope_layout.addWidget(self.selected_radio)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.dates_radio)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            dates_row.addWidget(edit)
        dates_row.addStretch(1)
        scope_layout.addLayout(dates_row)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_radio)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category"))
        categories = sorted({r.summary.category for r in workspace.model.rows()} - {""})
        self.category.addItems(categories)
        self.category_radio.setEnabled(bool(categories))
        category_row.addWidget(self.category, 1)
        scope_layout.addLayout(category_row)
        layout.addWidget(scope_box)

        withhold_box = QGroupBox(self.tr("Intimate images: do not show in the PDF"), self)
        withhold_layout = QVBoxLayout(withhold_box)
        withhold_hint = QLabel(
            self.tr(
                "Tick images that must not be printed in the dossier. Their hash and details are still "
                "listed; their original files are left out of the package, and the police can ask you "
                "for them through the proper channel."
            ),
            withhold_box,
        )
        withhold_hint.setWordWrap(True)
        withhold_layout.addWidget(withhold_hint)
        self.withhold = QListWidget(withhold_box)
        self.withhold.setAccessibleName(self.tr("Images to withhold"))
        self.withhold.setProperty("evidenceContent", True)
        self.withhold.setMaximumHeight(120)
        marked = 0
        for row in workspace.model.rows():
            # Every image, and any other item the user marked sensitive on its page: those come
            # ticked, and can still be unticked for this one export.
            reason = row.summary.withhold_reason
            if row.summary.kind == ItemKind.IMAGE or reason is not None:
                label = f"{row.id}: {row.title}"
                if reason is not None:
                    label += " — " + self.tr("marked sensitive: {reason}").format(reason=reason)
                    marked += 1
                entry = QListWidgetItem(label)
                entry.setData(Qt.ItemDataRole.UserRole, row.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if reason is not None else Qt.CheckState.Unchecked
                entry.setCheckState(checked)
                self.withhold.addItem(entry)
        if marked:
            ticked = QLabel(
                self.tr("%n item(s) you marked sensitive are ticked already.", "", marked), withhold_box
            )
            ticked.setWordWrap(True)
            withhold_layout.addWidget(ticked)
        withhold_layout.addWidget(self.withhold)
        # Default: a withheld original stays out of the package; its hash and the reason stay in
        # the manifest, so the police can ask for it through the proper channel.
        self.include_withheld = QCheckBox(
            self.tr("Also put the originals of these images in the package (not recommended)"), withhold_box
        )
        withhold_layout.addWidget(self.include_withheld)
        layout.addWidget(withhold_box)

        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        wanted = controller.settings.dossier_language or get_language()
        self.language.setCurrentIndex(max(self.language.findData(wanted), 0))
        form.addRow(self.tr("&Language of the dossier:"), self.language)
        self.case_title = QLineEdit(workspace.session.case_title, self)
        self.case_title.setProperty("evidenceContent", True)
        form.addRow(self.tr("Case &title:"), self.case_title)
        self.compiler = QLineEdit(self)
        self.compiler.setPlaceholderText(self.tr("Your name, or leave empty"))
        form.addRow(self.tr("Compiled &by:"), self.compiler)
        folder_row = QHBoxLayout()
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M")
        default = Path(controller.settings.dossier_folder) / self.tr("Dossier {date}").format(date=stamp)
        self.folder = QLineEdit(str(default), self)
        browse = QPushButton(self.tr("B&rowse…"), self)
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Save in:"), folder_row)
        _label_for(form, folder_row, self.folder)
        self.make_zip = QCheckBox(self.tr("Also make one .zip file (easy to send or copy)"), self)
        form.addRow("", self.make_zip)
        self.with_gaps = QCheckBox(
            self.tr("Add the known gaps: what the checklist finds missing (honesty strengthens a dossier)"),
            self,
        )
        form.addRow("", self.with_gaps)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        apply_tone(self.problem, Tone.ERROR)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Wrapped labels (longer in Dutch) need the height their width gives them; a dialog's
        # minimum size alone leaves them clipped.
        self.setMinimumHeight(layout.totalHeightForWidth(620))

    def _browse(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Where should the dossier go?"))
        if folder:
            self.folder.setText(str(Path(folder) / Path(self.folder.text()).name))

    # ----------------------------------------------------------------- options

    def chosen_rows(self) -> list[ItemRow]:
        rows = list(self.workspace.model.rows())
        scope = self.scope.checkedId()
        if scope == SCOPE_SELECTED:
            return self.chosen if self.chosen is not None else self.workspace.list.selected_rows()
        if scope == SCOPE_CATEGORY:
            wanted = self.category.currentText()
            return [r for r in rows if r.summary.category == wanted]
        return rows

    def options(self) -> dict[str, Any]:
        scope = self.scope.checkedId()
        chosen = {r.id for r in self.chosen_rows()}
        withhold = []
        for index in range(self.withhold.count()):
            entry = self.withhold.item(index)
            if entry.checkState() == Qt.CheckState.Checked:
                item_id = int(entry.data(Qt.ItemDataRole.UserRole))
                if scope == SCOPE_DATES or item_id in chosen:
                    withhold.append(item_id)
        options: dict[str, Any] = {
            "lang": self.language.currentData(),
            "withhold": withhold,
            "withhold_if_selected": True,  # a tick on an item the date range leaves out is moot
            "include_withheld": self.include_withheld.isChecked(),
            "compiler": self.compiler.text().strip(),
            "case_title": self.case_title.text().strip(),
            "make_zip": self.make_zip.isChecked(),
            "with_gaps": self.with_gaps.isChecked(),
        }
        if scope == SCOPE_DATES:
            options["date_from"] = self.date_from.date().toPython()
            options["date_to"] = self.date_to.date().toPython()
        elif scope != SCOPE_ALL:
            options["item_ids"] = sorted(chosen)
        return options

    # ----------------------------------------------------------------- running

    def start(self) -> None:
        target = Path(self.folder.text().strip())
        if not self.folder.text().strip():
            self.problem.setText(self.tr("Choose where the dossier should go."))
            return
        if target.exists():
            self.problem.setText(
                self.tr("{name} already exists; choose a new name.").format(name=target.name)
            )
            return
        if self.scope.checkedId() != SCOPE_DATES and not self.chosen_rows():
            self.problem.setText(self.tr("No items are chosen."))
            return
        options = self.options()
        self.controller.settings.dossier_folder = str(target.parent)
        self.export_button.setEnabled(False)
        self.problem.clear()
        self.progress = ProgressDialog(self.tr("Writing the dossier"), self._cancel, self)
        self.job = self.controller.worker.submit(
            lambda ctx: jobs.export(ctx, target, options),
            kind=JobKind.LONG,
            owner=self,
            done=self._done,
            error=self._failed,
            progress=self.progress.update_progress,
        )
        self.progress.open()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.cancel()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, exc: EvidenceKitError) -> None:
        self._close_progress()
        self.export_button.setEnabled(True)
        self.problem.setText(texts.error_text(exc))

    def _done(self, result: Any) -> None:
        self._close_progress()
        self.result_value = result
        self.accept()
        done = ExportDoneDialog(result, self.parentWidget())
        done.open()
        self.done_dialog = done


class ExportDoneDialog(QDialog):
    def __init__(self, result: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value = result
        self.setWindowTitle(self.tr("Dossier ready"))
        layout = QVBoxLayout(self)
        folder = Path(result.folder)
        lines = [
            self.tr("The dossier {id} is ready, with %n item(s).", "", len(result.item_ids)).format(
                id=result.dossier_id
            ),
            self.tr("Folder: {path}").format(path=str(folder)),
            self.tr("Fingerprint of the manifest (SHA-256): {sha256}").format(sha256=result.manifest_sha256),
        ]
        if getattr(result, "zip_path", None):
            lines.append(self.tr("Also as one file: {path}").format(path=str(result.zip_path)))
        label = QLabel("\n".join(lines), self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setProperty("evidenceContent", True)
        layout.addWidget(label)
        hint = QLabel(
            self.tr(
                "Tell the police the dossier number and the fingerprint above: with them they can check "
                "that the dossier is the one you made. Help (F1) explains each file."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        show = buttons.addButton(self.tr("&Show in folder"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        show.clicked.connect(lambda: self._show(folder))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def _show(self, folder: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
