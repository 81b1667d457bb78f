"""One item, opened: the right viewer for its kind, and the side panel beside it.

Rules: opening an item is a custody event ("viewed"), recorded by the worker when the item
is loaded; "Save a copy of the original" writes the byte-exact file where the user says,
after warning that the copy is not encrypted (also a custody event). Leaving the page or
locking the vault saves a typed note rather than losing it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.case.gaps import Gap
from evidence_kit.domain import ItemKind
from evidence_kit.errors import EvidenceKitError
from evidence_kit.importers.chat_children import is_chat_item
from evidence_kit.ui import case_jobs, jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.item_table import ItemTableModel
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.views.chat_list import ChatList
from evidence_kit.ui.views.find_bar import FindBar
from evidence_kit.ui.views.image_viewer import ImageViewer
from evidence_kit.ui.views.message_views import ChatView, EmailView
from evidence_kit.ui.views.side_panel import SidePanel
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobKind


class ItemPage(QWidget):
    back_requested = Signal()
    item_loaded = Signal(int)
    note_saved = Signal(int)
    export_chats_requested = Signal(list)  # item numbers of chats picked in an export's chat list

    def __init__(
        self, controller: WorkspaceApi, model: ItemTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = model
        self.detail: jobs.ItemDetail | None = None
        self.item_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Back to the list"), self)
        self.back_button.setToolTip(self.tr("Back to the list (Alt+Left)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel(self)
        self.title.setProperty("evidenceContent", True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.save_copy_button = QPushButton(self.tr("Save a &copy of the original…"), self)
        self.save_copy_button.clicked.connect(self.save_copy)
        # On a chat read from an export of several: the way back to that export's list of chats.
        self.to_export_button = QPushButton(self.tr("All chats of th&is export"), self)
        self.to_export_button.setVisible(False)
        self.to_export_button.clicked.connect(self._open_export)
        # The "sensitive: withhold from dossiers" mark, set and cleared here (a custody event).
        self.withhold_label = QLabel(self)
        self.withhold_label.setObjectName("withholdMark")
        self.withhold_label.setProperty("evidenceContent", True)
        self.withhold_label.hide()
        self.withhold_button = QPushButton(self)
        self.withhold_button.clicked.connect(self.ask_withhold)
        bar.addWidget(self.back_button)
        bar.addWidget(self.to_export_button)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.withhold_label)
        bar.addWidget(self.withhold_button)
        bar.addWidget(self.save_copy_button)
        layout.addLayout(bar)
        self.search_words = ""
        self.find_bar = FindBar(self)
        layout.addWidget(self.find_bar)
        # "What is missing" for this item (case/gaps.py): hints, never judgements.
        self.gaps_label = QLabel(self)
        self.gaps_label.setObjectName("itemGaps")
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setProperty("evidenceContent", True)
        self.gaps_label.hide()
        layout.addWidget(self.gaps_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.viewers = QStackedWidget(self.splitter)
        self.loading = QLabel(self.tr("Opening…"), self.viewers)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_viewer = ImageViewer(self.viewers)
        self.chat_view = ChatView(self.viewers)
        self.email_view = EmailView(self.viewers)
        self.chat_list = ChatList(self.viewers)
        self.file_view = QPlainTextEdit(self.viewers)
        self.file_view.setReadOnly(True)
        self.file_view.setProperty("evidenceContent", True)
        self.file_view.setAccessibleName(self.tr("Text of the file"))
        self.no_preview = QLabel(self.viewers)
        self.no_preview.setWordWrap(True)
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (
            self.loading,
            self.image_viewer,
            self.chat_view,
            self.email_view,
            self.chat_list,
            self.file_view,
            self.no_preview,
        ):
            self.viewers.addWidget(widget)
        self.side = SidePanel(self.splitter)
        self.splitter.addWidget(self.viewers)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.chat_view.open_item.connect(self.open)
        self.email_view.open_item.connect(self.open)
        self.chat_list.open_item.connect(self.open)
        self.chat_list.export_requested.connect(self.export_chats_requested.emit)
        self.side.open_item.connect(self.open)
        self.side.save_requested.connect(self._save)
        self.side.offences.save_requested.connect(self._save_offences)
        self.side.copy_requested.connect(controller.clipboard.copy_text)

    # ----------------------------------------------------------------- loading

    def open(self, item_id: int, search: str = "") -> None:
        """Load an item; with `search`, open it at the first match and mark every match."""
        self.flush_edits()
        self.find_bar.clear()
        self.search_words = search.strip()
        self.item_id = item_id
        self.detail = None
        self.title.setText("")
        self.viewers.setCurrentWidget(self.loading)
        self.side.clear_content()
        self.gaps_label.hide()
        self.save_copy_button.setEnabled(False)
        self._show_withhold(None)
        self.controller.worker.submit(
            lambda ctx: jobs.load_detail(ctx, item_id),
            owner=self,
            done=self._loaded,
            error=self._failed,
        )

    def _failed(self, exc: EvidenceKitError) -> None:
        self.no_preview.setText(texts.error_text(exc))
        self.viewers.setCurrentWidget(self.no_preview)

    def _loaded(self, detail: jobs.ItemDetail) -> None:
        if detail.summary.id != self.item_id:
            return  # the user moved on to another item meanwhile
        self.detail = detail
        summary = detail.summary
        self.title.setText(summary.original_name)
        self.save_copy_button.setEnabled(True)
        self.to_export_button.setVisible(detail.parent is not None and is_chat_item(summary))
        self._show_withhold(summary.withhold_reason, enabled=True)
        categories = sorted({r.summary.category for r in self.model.rows()} - {""})
        self.side.show_detail(detail, categories)
        if detail.conversation is not None and summary.kind == ItemKind.EMAIL:
            self.email_view.set_email(detail.conversation, detail.links, detail.attachment_thumbnails)
            self.viewers.setCurrentWidget(self.email_view)
        elif detail.conversation is not None:
            self.chat_view.set_conversation(
                detail.conversation, detail.links, detail.missing, detail.attachment_thumbnails
            )
            self.viewers.setCurrentWidget(self.chat_view)
        elif detail.chats:
            self.chat_list.set_chats(detail.chats)
            self.viewers.setCurrentWidget(self.chat_list)
        elif detail.image is not None and not detail.image.isNull():
            self.image_viewer.set_image(detail.image)
            self.viewers.setCurrentWidget(self.image_viewer)
        elif detail.text_preview is not None:
            text = detail.text_preview
            if detail.preview_truncated:
                text += "\n\n" + self.tr("[Only the beginning of the file is shown here.]")
            self.file_view.setPlainText(text)
            self.viewers.setCurrentWidget(self.file_view)
        else:
            self.no_preview.setText(
                self.tr(
                    "This file cannot be shown here. It is stored exactly as it was; use “Save a copy of "
                    "the original…” to open it in another program."
                )
            )
            self.viewers.setCurrentWidget(self.no_preview)
        self._show_search()
        self.load_gaps()
        self.item_loaded.emit(summary.id)

    def load_gaps(self) -> None:
        """Ask the worker for this item's hints (`case/gaps.py`); shown above the item."""
        item_id = self.item_id
        if item_id is None:
            return
        self.controller.worker.submit(
            lambda ctx: case_jobs.gaps_of_item(ctx, item_id),
            owner=self,
            done=lambda gaps: self._show_gaps(item_id, gaps),
            error=lambda _exc: self.gaps_label.hide(),  # a hint that cannot be worked out is no hint
        )

    def _show_gaps(self, item_id: int, gaps: list[Gap]) -> None:
        if item_id != self.item_id:
            return
        if gaps:
            lines = "\n".join("• " + texts.core_text(g.template, g.params) for g in gaps)
            self.gaps_label.setText(self.tr("What is missing:") + "\n" + lines)
            apply_tone(self.gaps_label, Tone.WARNING)
        self.gaps_label.setVisible(bool(gaps))

    def _open_export(self) -> None:
        if self.detail is not None and self.detail.parent is not None:
            self.open(self.detail.parent.id)

    def _show_search(self) -> None:
        """The list's search words, found and marked in the text now shown."""
        shown = self.viewers.currentWidget()
        if not self.search_words or not isinstance(shown, QTextEdit | QPlainTextEdit):
            return
        if shown is self.chat_view:
            self.chat_view.show_match(self.search_words)
        self.find_bar.search(shown, self.search_words)

    # ----------------------------------------------------------------- editing

    def _save(self, note: str, category: str) -> None:
        row = self.model.row_by_id(self.item_id) if self.item_id is not None else None
        if row is None:
            return
        self.controller.worker.submit(
            lambda ctx: jobs.save_note_and_category(ctx, row, note, category),
            kind=JobKind.WRITE,
            owner=self,
            done=lambda saved: self._saved(saved, note, category),
            error=self._save_failed,
        )

    def _saved(self, saved: jobs.Saved, note: str, category: str) -> None:
        self.model.replace_row(saved.row)
        if saved.row.id == self.item_id:
            self.side.saved(note, category, saved.custody)
        self.note_saved.emit(saved.row.id)
        self.load_gaps()

    def _save_offences(self, offences: tuple[str, ...]) -> None:
        row = self.model.row_by_id(self.item_id) if self.item_id is not None else None
        if row is None:
            return
        self.controller.worker.submit(
            lambda ctx: jobs.set_offences(ctx, row, offences),
            kind=JobKind.WRITE,
            owner=self,
            done=self._offences_saved,
            error=lambda exc: self.side.offences.failed(texts.error_text(exc)),
        )

    def _offences_saved(self, saved: jobs.Saved) -> None:
        self.model.replace_row(saved.row)
        if saved.row.id == self.item_id:
            self.side.offences.saved(saved.row.summary.offences)
            self.side.set_history(saved.custody)
        self.note_saved.emit(saved.row.id)

    def _save_failed(self, exc: EvidenceKitError) -> None:
        self.side.saved_label.setText(texts.error_text(exc))
        self.side.save_button.setEnabled(True)

    def flush_edits(self) -> None:
        """Save a typed, unsaved note (leaving the item, locking): typed work is never lost."""
        edit = self.side.pending_edit()
        if edit is not None and self.item_id is not None and self.detail is not None:
            row = self.model.row_by_id(self.item_id)
            if row is not None:
                note, category = edit
                self.controller.worker.submit(
                    lambda ctx: jobs.save_note_and_category(ctx, row, note, category),
                    kind=JobKind.WRITE,
                    owner=self.model,
                    done=lambda saved: self.model.replace_row(saved.row),
                )

    def clear_content(self) -> None:
        self.find_bar.clear()
        self.search_words = ""
        self.detail = None
        self.item_id = None
        self.title.clear()
        self.gaps_label.clear()
        self.gaps_label.hide()
        self.image_viewer.clear()
        self.chat_view.clear()
        self.email_view.clear()
        self.file_view.clear()
        self.side.clear_content()

    # ----------------------------------------------------------------- sensitive mark

    def _show_withhold(self, reason: str | None, *, enabled: bool = False) -> None:
        self.withhold_button.setEnabled(enabled)
        if reason is None:
            self.withhold_label.hide()
            self.withhold_button.setText(self.tr("Mark &sensitive…"))
            self.withhold_button.setToolTip(
                self.tr("Mark this item sensitive (an intimate image): dossiers withhold it")
            )
            return
        mark = self.tr("⊘ Sensitive: withheld from dossiers ({reason})")
        self.withhold_label.setText(mark.format(reason=reason))
        self.withhold_label.show()
        self.withhold_button.setText(self.tr("Remove the &sensitive mark"))
        self.withhold_button.setToolTip(self.tr("Dossiers will show this item again unless you tick it"))

    def ask_withhold(self) -> None:
        """Ask for a reason and mark the item shown, or clear the mark it has (both are logged)."""
        row = self.model.row_by_id(self.item_id) if self.item_id is not None else None
        if self.detail is not None and row is not None:
            self.ask_withhold_for(row)

    def ask_withhold_for(self, row: ItemRow) -> None:
        """The same for any item (the evidence list's context menu asks through here)."""
        if row.summary.withheld:
            self._submit_withhold(row, None)
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Mark sensitive"),
            self.tr(
                "Dossiers will not show this item's content and leave its original out of the package; "
                "only its fingerprint (hash) is listed. Why, in a few words?"
            ),
            text=self.tr("intimate image"),
        )
        if ok and reason.strip():
            self._submit_withhold(row, reason.strip())

    def _submit_withhold(self, row: ItemRow, reason: str | None) -> None:
        if row.id == self.item_id:
            self.withhold_button.setEnabled(False)
        self.controller.worker.submit(
            lambda ctx: jobs.set_withhold(ctx, row, reason),
            kind=JobKind.WRITE,
            owner=self,
            done=self._withhold_saved,
            error=self._extract_failed,
        )

    def _withhold_saved(self, saved: jobs.Saved) -> None:
        self.model.replace_row(saved.row)
        if self.detail is not None and saved.row.id == self.item_id:
            self.detail = replace(self.detail, summary=saved.row.summary)
            self._show_withhold(saved.row.summary.withhold_reason, enabled=True)
            self.side.set_history(saved.custody)

    # ----------------------------------------------------------------- saving a copy

    def save_copy(self) -> None:
        if self.detail is None:
            return
        summary = self.detail.summary
        answer = QMessageBox.warning(
            self,
            self.tr("Save a copy of the original"),
            self.tr(
                "The copy is NOT encrypted: anyone who can open the folder you choose can see it. "
                "The copy is byte-for-byte the stored original, and saving it is recorded in the "
                "custody log. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = file_dialogs.save_file(self, self.tr("Save a copy of the original"), summary.original_name)
        if name:
            self.extract_to(Path(name))

    def extract_to(self, target: Path) -> None:
        if self.detail is None:
            return
        item_id = self.detail.summary.id
        self.controller.worker.submit(
            lambda ctx: jobs.extract(ctx, item_id, target),
            kind=JobKind.WRITE,
            owner=self,
            done=lambda _summary: self._extracted(target),
            error=self._extract_failed,
        )

    def _extract_failed(self, exc: EvidenceKitError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), texts.error_text(exc))

    def _extracted(self, target: Path) -> None:
        window = self.window()
        message = self.tr("Saved a byte-exact copy as {name}.").format(name=target.name)
        status = getattr(window, "show_status", None)
        if callable(status):
            status(message)
        if self.item_id is not None:
            item_id = self.item_id
            self.controller.worker.submit(
                lambda ctx: tuple(ctx.vault.custody_log(item_id)),
                owner=self,
                done=self.side.set_history,
            )
