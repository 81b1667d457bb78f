"""The main window's way into case work: the Case menu, the toolbar's Incidents button, and the
"what is missing" summary in the status bar.

Rules: kept apart from `main_window.py` so the window stays a composer. The actions work only
while a vault is open; the case window (`views/case_window.py`) is made when first asked for and
dropped when the vault locks. The summary counts the case's hints in the worker (reading only)
after the list loads, after evidence comes in and after an incident or notice is saved; it is
hidden when there is nothing to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton

from evidence_kit.case.gaps import Gap
from evidence_kit.case.notice_sources import urls_in
from evidence_kit.ui import case_jobs
from evidence_kit.ui.controller_api import ControllerApi
from evidence_kit.ui.views.case_window import GAPS, INCIDENTS, PEOPLE, TIMELINE, CaseWindow
from evidence_kit.ui.views.notice_dialog import NoticeDialog
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.ui.widgets.icons import icon

COUNT_DELAY_MS = 1500  # after the last change of the evidence, the hints are counted


class CaseActions(QObject):
    def __init__(
        self, window: QMainWindow, controller: ControllerApi, workspace: Callable[[], Workspace | None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self._workspace = workspace
        self.case_window: CaseWindow | None = None
        # The hints are counted a moment after the evidence changed, not at once: the count reads
        # the whole case in the worker, and run while the window lays out an import's report and
        # list it took the window's share of the interpreter (a 150 ms stall in bench/ui_latency).
        self._count_later = QTimer(self)
        self._count_later.setSingleShot(True)
        self._count_later.setInterval(COUNT_DELAY_MS)
        self._count_later.timeout.connect(self.count_gaps)
        self.incidents_action = self._action(self.tr("&Incidents…"), INCIDENTS, "Ctrl+J")
        self.incidents_action.setIcon(icon("incidents"))
        self.incidents_action.setToolTip(
            self.tr("The incident log: what happened, when, and the evidence (Ctrl+J)")
        )
        self.gaps_action = self._action(self.tr("What is &missing…"), GAPS)
        self.timeline_action = self._action(self.tr("&Timeline…"), TIMELINE)
        self.people_action = self._action(self.tr("&People…"), PEOPLE)
        self.item_notice_action = QAction(self.tr("&Notice to a platform about this item…"), window)
        self.item_notice_action.setToolTip(
            self.tr("Draft a notice asking the platform to remove the content this item shows")
        )
        self.item_notice_action.triggered.connect(self.notice_for_item)
        window.addAction(self.item_notice_action)
        self.actions = (
            self.incidents_action,
            self.gaps_action,
            self.timeline_action,
            self.people_action,
            self.item_notice_action,
        )
        self.notice_dialog: NoticeDialog | None = None
        self._counting = self._count_again = False
        self.gaps_button = QPushButton(window)
        self.gaps_button.setObjectName("gapsSummary")
        self.gaps_button.setFlat(True)
        self.gaps_button.setToolTip(self.tr("Hints about what a reader of the dossier will miss"))
        self.gaps_button.clicked.connect(lambda: self.show_page(GAPS))
        self.gaps_button.hide()
        window.statusBar().addPermanentWidget(self.gaps_button)
        self.set_enabled(False)

    def _action(self, text: str, page: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.show_page(page))
        self.window.addAction(action)
        return action

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.actions:
            if action is self.item_notice_action:
                menu.addSeparator()
            menu.addAction(action)

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

    # ----------------------------------------------------------------- the window

    def show_page(self, page: str) -> CaseWindow | None:
        workspace = self._workspace()
        if workspace is None:
            return None
        if self.case_window is None:
            selected = lambda: [row.id for row in workspace.list.selected_rows()]  # noqa: E731
            self.case_window = CaseWindow(
                self.controller, workspace.model.rows, selected, self.controller.quick_exit, self.window
            )
            self.case_window.open_item.connect(self._open_item)
            self.case_window.changed.connect(self.count_gaps)
            self.case_window.reload()
        self.case_window.show_page(page)
        return self.case_window

    def notice_for_item(self) -> NoticeDialog | None:
        """A notice about the chosen item: the web addresses its note gives, its platform."""
        workspace = self._workspace()
        item_id = None if workspace is None else workspace.current_item_id()
        row = None if workspace is None or item_id is None else workspace.model.row_by_id(item_id)
        if row is None:
            self.window.statusBar().showMessage(self.tr("Choose an item first."), 10_000)
            return None
        urls = urls_in(row.summary.note)
        dialog = NoticeDialog(self.controller, self.window, urls=urls, platform=row.platform, items=(row.id,))
        dialog.saved.connect(self._notice_saved)
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def _notice_saved(self, _notice: object) -> None:
        if self.case_window is not None:
            self.case_window.reload()

    def _open_item(self, item_id: int) -> None:
        workspace = self._workspace()
        if workspace is not None:
            workspace.open_item(item_id)
            self.window.raise_()
            self.window.activateWindow()

    # ----------------------------------------------------------------- the summary

    def opened(self, workspace: Workspace) -> None:
        self.set_enabled(True)
        workspace.rows_loaded.connect(lambda _n: self.evidence_changed())
        workspace.import_finished.connect(lambda _outcome: self.evidence_changed())
        workspace.pasted.connect(lambda _row: self.evidence_changed())
        workspace.item_page.note_saved.connect(lambda _item_id: self.evidence_changed())
        if workspace.loaded:
            self.count_gaps()

    def evidence_changed(self) -> None:
        """New evidence or a changed note: the hints, and an open case window, read again."""
        if self.case_window is not None and self.case_window.isVisible():
            self.case_window.reload()
        self._count_later.start()  # (again): a burst of changes is counted once, after it

    def count_gaps(self) -> None:
        """Count the hints in the worker; while a count runs, one more is asked for after it
        (a burst of pastes or saves never queues a read of the whole case per event)."""
        if self._workspace() is None:
            return
        if self._counting:
            self._count_again = True
            return
        self._counting, self._count_again = True, False
        workspace = self._workspace()
        items = [row.summary for row in workspace.model.rows()] if workspace is not None else None
        self.controller.worker.submit(
            lambda context: case_jobs.all_gaps(context, items),
            owner=self.gaps_button,
            done=self._counted,
            error=self._count_failed,
        )

    def _count_failed(self, _exc: object) -> None:
        self._counting = False

    def _counted(self, gaps: list[Gap]) -> None:
        self._counting = False
        if self._count_again:
            self.count_gaps()
        if self._workspace() is None:
            return
        self.gaps_button.setText(self.tr("%n hint(s): what is missing", "", len(gaps)))
        self.gaps_button.setAccessibleName(self.gaps_button.text())
        self.gaps_button.setVisible(bool(gaps))
        if self.case_window is not None and self.case_window.isVisible():
            self.case_window.gaps.set_gaps(gaps)

    def release(self) -> None:
        self._count_later.stop()
        self._counting = self._count_again = False  # the lock drops a running count's answer
        self.set_enabled(False)
        self.gaps_button.hide()
        self.gaps_button.setText("")
        if self.notice_dialog is not None:
            self.notice_dialog.hide()
            self.notice_dialog.deleteLater()
            self.notice_dialog = None
        window, self.case_window = self.case_window, None
        if window is not None:
            window.release()
            window.deleteLater()
