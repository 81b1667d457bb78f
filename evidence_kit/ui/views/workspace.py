"""The open vault: the evidence list and the item page, and the ways evidence comes in.

Rules: importing (drop, "Add files…", paste) runs in the worker with a progress dialog and
always ends with the import report; files already in the vault are skipped at first, named, and
the person chooses to add them anyway or skip them (`duplicates_dialog.py`) before the report;
a pasted picture is encoded to PNG in memory and stored as "Pasted screenshot <UTC time>.png";
new items appear in the list as they are stored.
Everything here is dropped from memory when the vault locks (`release`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from evidence_kit.domain import AddResult
from evidence_kit.errors import EvidenceKitError
from evidence_kit.importers.duplicates import Duplicates
from evidence_kit.ui import gc_pauses, jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.item_table import ItemTableModel
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.views.duplicates_dialog import DuplicatesDialog
from evidence_kit.ui.views.evidence_list import EvidenceList
from evidence_kit.ui.views.import_report import ImportReportDialog
from evidence_kit.ui.views.item_page import ItemPage
from evidence_kit.ui.views.paste_router import PasteRouter
from evidence_kit.ui.views.progress import ProgressDialog
from evidence_kit.ui.workers import Job, JobKind


def png_bytes(image: QImage) -> bytes:
    """Encode a picture as PNG in memory (never a temporary file)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
    buffer.close()
    return bytes(array.data())


class Workspace(QWidget):
    status = Signal(str)
    rows_loaded = Signal(int)
    import_finished = Signal(object)  # jobs.ImportOutcome
    pasted = Signal(object)  # ItemRow

    def __init__(
        self, controller: WorkspaceApi, session: jobs.Session, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.session = session
        self.model = ItemTableModel(self)
        self.model.thumbnail_wanted.connect(self._load_thumbnails)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.case_label = QLabel(session.case_title, self)
        self.case_label.setObjectName("caseTitle")
        self.case_label.setProperty("evidenceContent", True)
        font = self.case_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.case_label.setFont(font)
        layout.addWidget(self.case_label)
        self.pages = QStackedWidget(self)
        self.list = EvidenceList(self.model, self.pages)
        self.item_page = ItemPage(controller, self.model, self.pages)
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.item_page)
        layout.addWidget(self.pages, 1)
        self.list.open_item.connect(self.open_item)
        self.list.withhold_requested.connect(self._withhold_from_list)
        self.item_page.back_requested.connect(self.show_list)
        self.progress: ProgressDialog | None = None
        self.report: ImportReportDialog | None = None
        self.duplicates: DuplicatesDialog | None = None
        self.loaded = False
        self.paste_router = PasteRouter(self, self.paste)
        self.reload()

    # ----------------------------------------------------------------- the list

    def reload(self) -> None:
        self.controller.worker.submit(jobs.list_rows, owner=self, done=self._rows, error=self._error)

    def _rows(self, rows: list[ItemRow]) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        gc_pauses.settle()
        self.rows_loaded.emit(len(rows))

    def _error(self, exc: EvidenceKitError) -> None:
        self.status.emit(texts.error_text(exc))

    def _load_thumbnails(self, item_ids: list[int]) -> None:
        self.controller.worker.submit(
            lambda ctx: jobs.load_thumbnails(ctx, item_ids),
            owner=self.model,
            done=self.model.set_thumbnails,
            error=lambda _exc: self.model.thumbnails_failed(),  # the next batch may still be asked for
        )

    def open_item(self, item_id: int) -> None:
        if self.model.row_by_id(item_id) is None:
            return
        self.pages.setCurrentWidget(self.item_page)
        # An item found by a search opens at what was found (issue #15).
        self.item_page.open(item_id, search=self.list.search.text())

    def _withhold_from_list(self, item_id: int) -> None:
        row = self.model.row_by_id(item_id)
        if row is not None:
            self.item_page.ask_withhold_for(row)  # one place asks for the reason and writes it

    def show_list(self) -> None:
        self.item_page.flush_edits()
        current = self.item_page.item_id
        self.pages.setCurrentWidget(self.list)
        if current is not None:
            self.list.select_item(current)
        self.list.table.setFocus()

    @property
    def showing_item(self) -> bool:
        return self.pages.currentWidget() is self.item_page

    def current_item_id(self) -> int | None:
        if self.showing_item:
            return self.item_page.item_id
        selected = self.list.selected_rows()
        return selected[0].id if selected else None

    # ----------------------------------------------------------------- importing

    def import_paths(
        self,
        paths: Sequence[str],
        *,
        duplicates: Duplicates = Duplicates.SKIP,
        earlier: Sequence[AddResult] = (),
    ) -> Job[jobs.ImportOutcome] | None:
        """Import in the worker. Duplicates are skipped first and asked about afterwards; `earlier`
        are the results of that first pass when the person chose to add them anyway."""
        chosen = [p for p in paths if p]
        if not chosen:
            return None
        holder: list[Job[jobs.ImportOutcome]] = []
        self.progress = ProgressDialog(self.tr("Adding evidence"), lambda: holder[0].cancel.cancel(), self)
        before = tuple(earlier)
        job = self.controller.worker.submit(
            lambda ctx: jobs.import_paths(ctx, chosen, duplicates),
            kind=JobKind.LONG,
            owner=self,
            done=lambda outcome: self._imported(outcome, before),
            error=self._import_failed,
            progress=self.progress.update_progress,
            partial=self.model.add_rows,
        )
        holder.append(job)
        self.progress.open()
        return job

    def _imported(self, outcome: jobs.ImportOutcome, earlier: tuple[AddResult, ...] = ()) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress.deleteLater()
            self.progress = None
        self.model.add_rows(outcome.rows)
        again = [r for r in outcome.results if r.skipped and r.duplicate_of is not None]
        if again and not outcome.cancelled and not earlier:
            self.duplicates = DuplicatesDialog(again, self._item_name, self)
            self.duplicates.finished.connect(lambda code: self._duplicates_chosen(outcome, again, code))
            self.duplicates.open()
            return
        self._report(outcome, earlier)

    def _item_name(self, item_id: int) -> str | None:
        row = self.model.row_by_id(item_id)
        return None if row is None else row.summary.original_name

    def _duplicates_chosen(self, outcome: jobs.ImportOutcome, again: list[AddResult], code: int) -> None:
        if self.duplicates is None:  # the vault locked while the question was open
            return
        self.duplicates.deleteLater()
        self.duplicates = None
        if code == int(DuplicatesDialog.DialogCode.Accepted):
            rest = [r for r in outcome.results if r not in again]
            if self.import_paths([r.path for r in again], duplicates=Duplicates.KEEP, earlier=rest):
                return
        self._report(outcome, ())

    def _report(self, outcome: jobs.ImportOutcome, earlier: tuple[AddResult, ...]) -> None:
        results = (*earlier, *outcome.results)
        total = outcome.total_files + len(earlier)
        self.report = ImportReportDialog(results, outcome.cancelled, total, self)
        self.report.open()
        # The import's rows are in the list now: leave them out of later full collections too,
        # or the next full one (the hint count after an import makes one likely) walks them all.
        gc_pauses.settle()
        self.import_finished.emit(outcome)

    def _import_failed(self, exc: EvidenceKitError) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress.deleteLater()
            self.progress = None
        self.status.emit(texts.error_text(exc))
        self.import_finished.emit(None)

    def paste(self) -> bool:
        """Ctrl+V: files copied in a file manager are imported; a picture becomes an image item."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasUrls():
            local = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
            if local:
                self.import_paths(local)
                return True
        if mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                self.paste_image(image)
                return True
        if mime.hasText() and mime.text().strip():
            self.status.emit(
                self.tr(
                    "The clipboard holds text, not a picture or files. To keep a message as evidence, "
                    "take a screenshot of it (with the sender and the date visible) and paste that."
                )
            )
            return False
        self.status.emit(self.tr("The clipboard holds no picture and no files to add."))
        return False

    def paste_image(self, image: QImage) -> None:
        now = datetime.now(UTC)
        name = self.tr("Pasted screenshot {time} UTC.png").format(time=now.strftime("%Y-%m-%d %H.%M.%S"))
        data = png_bytes(image)
        self.controller.worker.submit(
            lambda ctx: jobs.paste_image(ctx, data, name),
            kind=JobKind.WRITE,
            owner=self,
            done=self._pasted,
            error=self._error,
        )

    def _pasted(self, row: ItemRow) -> None:
        self.model.add_rows([row])
        self.list.select_item(row.id)
        self.status.emit(
            self.tr("The picture from the clipboard was stored as {name}.").format(name=row.title)
        )
        self.pasted.emit(row)

    # ----------------------------------------------------------------- locking

    def flush_edits(self) -> None:
        self.item_page.flush_edits()

    def release(self) -> None:
        """The vault locked: forget every row, picture and text this page held."""
        self.paste_router.remove()
        self.item_page.flush_edits()
        for dialog in (self.progress, self.report, self.duplicates):
            if dialog is not None:
                dialog.hide()
                dialog.deleteLater()
        self.progress = None
        self.report = None
        self.duplicates = None
        self.item_page.clear_content()
        self.model.clear()
        self.case_label.clear()


_ = Qt
