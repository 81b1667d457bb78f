"""The import report: every file's result — what it was recognised as, how much was kept,
every warning, and every failure. Never a silent drop.

Rule: one row per file given (plus its warnings beneath it); files not reached because the
user cancelled are listed too, as "not added (cancelled)". A link, device, FIFO or socket found
inside a folder is a row of its own, "skipped" with the core's reason (what the link points
to), and counted apart: it is neither added nor a failure. So is a file already in the vault
that the person chose to skip ("skipped: already in the vault as item N"); one added anyway
carries the core's note naming the earlier item.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import AddResult
from evidence_kit.importers.chat_children import is_chat_item
from evidence_kit.ui import gc_pauses, texts

_ROWS_PER_TURN = 100


class ImportReportDialog(QDialog):
    def __init__(
        self, results: Sequence[AddResult], cancelled: bool, total_files: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        added = sum(1 for r in results if r.error is None)
        failed = sum(1 for r in results if r.failed)
        skipped = sum(1 for r in results if r.skipped and r.duplicate_of is None)
        known = sum(1 for r in results if r.skipped and r.duplicate_of is not None)
        again = sum(1 for r in results if not r.skipped and r.duplicate_of is not None)
        warned = sum(1 for r in results if r.warnings)
        lines = [self.tr("%n file(s) added.", "", added)]
        if failed:
            lines.append(self.tr("%n file(s) could NOT be added (see below).", "", failed))
        if skipped:
            lines.append(
                self.tr(
                    "%n link(s) or special file(s) inside the folders skipped; nothing was read "
                    "from them (see below).",
                    "",
                    skipped,
                )
            )
        if known:
            lines.append(self.tr("%n file(s) already in the vault skipped (see below).", "", known))
        if again:
            lines.append(self.tr("%n file(s) already in the vault added again as new item(s).", "", again))
        if warned:
            lines.append(
                self.tr("%n file(s) with warnings: read them before you rely on the item.", "", warned)
            )
        not_reached = max(total_files - len(results), 0) if cancelled else 0
        if cancelled:
            lines.append(
                self.tr(
                    "Cancelled: %n file(s) were not added. Everything added before is complete.",
                    "",
                    not_reached,
                )
            )
        self.summary = QLabel(" ".join(lines), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Result for each file"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Result")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 300)
        self.tree.setProperty("evidenceContent", True)
        self.tree.setUniformRowHeights(True)
        self.technical: list[QTreeWidgetItem] = []
        self._waiting = list(results)
        self._waiting.reverse()  # popped from the end, in the given order
        self._cancelled_row: QTreeWidgetItem | None = None
        if cancelled and not_reached:
            self._cancelled_row = QTreeWidgetItem(
                [self.tr("(%n more file(s))", "", not_reached), self.tr("not added (cancelled)")]
            )
        # The first rows are there when the dialog opens; the rest follow in small batches, so a
        # report of thousands of files never freezes the window (building a row costs ~0.1 ms).
        self._add_rows()
        layout.addWidget(self.tree, 1)
        # A file read as a plain file is often an export made the wrong way: say how to make it.
        guides = html.escape(self.tr("How to make the exports Evidence Kit reads"))
        self.guides_link = QLabel(f"<a href='guides:'>{guides}</a>", self)
        self.guides_link.setOpenExternalLinks(False)
        self.guides_link.linkActivated.connect(lambda _url: self.open_guides())
        layout.addWidget(self.guides_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.results = tuple(results)

    def _add_rows(self) -> None:
        batch = [self._item(self._waiting.pop()) for _ in range(min(_ROWS_PER_TURN, len(self._waiting)))]
        if not self._waiting and self._cancelled_row is not None:
            batch.append(self._cancelled_row)
            self._cancelled_row = None
        self.tree.addTopLevelItems(batch)
        for item in batch:
            # Each file's warnings show; its technical details (one level down) stay folded.
            if item.childCount():
                item.setExpanded(True)
        if self._waiting:
            QTimer.singleShot(0, self, self._add_rows)
        else:
            gc_pauses.settle()  # every row is in: leave them out of later full collections too

    @property
    def complete(self) -> bool:
        """True once every file has its row."""
        return not self._waiting and self._cancelled_row is None

    def _item(self, result: AddResult) -> QTreeWidgetItem:
        details: list[str] = []
        if result.error is not None:
            reason, detail = texts.plain_text(result.error, result.error_params)
            if detail:
                details.append(detail)
            if result.skipped and result.duplicate_of is not None:
                outcome = self.tr("skipped: already in the vault as item {id}").format(id=result.duplicate_of)
            elif result.skipped:
                outcome = self.tr("skipped: {reason}").format(reason=reason)
            else:
                outcome = self.tr("NOT added: {reason}").format(reason=reason)
        else:
            parts = [
                self.tr("added, recognised as {format}").format(
                    format=texts.format_name(result.recognised_as)
                )
            ]
            if result.message_count is not None:
                parts.append(self.tr("%n message(s)", "", result.message_count))
            chats = sum(1 for stored in result.items if is_chat_item(stored))
            if chats:
                parts.append(self.tr("%n chat(s), each its own item", "", chats))
            if len(result.items) - 1 - chats > 0:
                parts.append(self.tr("%n attached file(s) stored", "", len(result.items) - 1 - chats))
            outcome = ", ".join(parts)
        item = QTreeWidgetItem([result.path, outcome])
        item.setToolTip(0, result.path)
        item.setToolTip(1, outcome)
        for warning in result.warnings:
            text, detail = texts.plain_text(warning.message, warning.params)
            child = QTreeWidgetItem(["", "⚠ " + text])
            child.setToolTip(1, text)
            item.addChild(child)
            if detail:
                details.append(detail)
        if details:
            # What a library said ("Error -3 while decompressing data") is for an expert: it waits
            # under Details, folded, and the sentence above says what it means.
            folded = QTreeWidgetItem(["", self.tr("Details (technical)")])
            for detail in details:
                line = QTreeWidgetItem(["", detail])
                line.setToolTip(1, detail)
                folded.addChild(line)
            item.addChild(folded)
            self.technical.append(folded)
        return item

    def open_guides(self) -> None:
        from evidence_kit.ui.views.help import HelpDialog

        parent = self.parentWidget()
        self.help_dialog = HelpDialog(parent.window() if parent is not None else None)
        self.help_dialog.show()

    def outcome_texts(self) -> list[tuple[str, str]]:
        found = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None:
                found.append((item.text(0), item.text(1)))
        return found
