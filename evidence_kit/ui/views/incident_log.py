"""The incident log: every incident written down (when, what, categories, linked items, hints),
newest first, and the notices sent to platforms, with the ways to add, change and follow them up.

Rules: the list shows the latest version of each incident as the vault holds it, read in the
worker (`case_jobs.overview`); writing happens only in the editor, the notice dialog and the
people register. The log forgets what it showed when the vault locks (`release`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.incidents import Incident
from evidence_kit.storage.notices import Notice
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.models.timeline_entries import first_line
from evidence_kit.ui.views.incident_editor import IncidentEditor, gap_lines
from evidence_kit.ui.views.incident_history import IncidentHistoryDialog, period_text
from evidence_kit.ui.views.notice_dialog import NoticeDialog, status_name
from evidence_kit.ui.widgets.case_fields import category_names

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def when_key(incident: Incident) -> datetime:
    """Sorting: when it started (a date alone as its midnight UTC), else when it was recorded."""
    started = incident.fields.started
    if started:
        try:
            moment = datetime.fromisoformat(started)
        except ValueError:
            return incident.recorded_at
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return incident.recorded_at


class IncidentLog(QWidget):
    changed = Signal()  # an incident or notice was saved: hints and the timeline are out of date

    def __init__(
        self,
        controller: WorkspaceApi,
        items: Callable[[], Sequence[ItemRow]],
        selected_items: Callable[[], Sequence[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._items = items
        self._selected_items = selected_items
        self.entries: list[case_jobs.IncidentEntry] = []
        self.notices: list[Notice] = []
        self.editor: IncidentEditor | None = None
        self.history: IncidentHistoryDialog | None = None
        self.notice_dialog: NoticeDialog | None = None
        self._select_after: int | None = None  # the incident just saved: selected once listed
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Write down each incident: when, what happened, who, the impact, and the evidence "
                "that shows it. Every change is kept as a new version."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New incident…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.notice_button = QPushButton(self.tr("N&otice to a platform…"), self)
        for button in (self.new_button, self.edit_button, self.history_button, self.notice_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_incident)
        self.edit_button.clicked.connect(self.edit_selected)
        self.history_button.clicked.connect(self.history_of_selected)
        self.notice_button.clicked.connect(self.notice_for_selected)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 5, splitter)
        self.table.setObjectName("incidentTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What happened"),
                self.tr("Categories"),
                self.tr("Items"),
                self.tr("Hints"),
            ]
        )
        self._table_setup(self.table, stretch=1)
        header = self.table.horizontalHeader()
        for column in (0, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 240)
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection)
        notices_box = QWidget(splitter)
        notices_layout = QVBoxLayout(notices_box)
        notices_layout.setContentsMargins(0, 0, 0, 0)
        notices_layout.addWidget(
            QLabel(self.tr("Notices to platforms (double-click to record a step):"), notices_box)
        )
        self.notice_table = QTableWidget(0, 4, notices_box)
        self.notice_table.setObjectName("noticeTable")
        self.notice_table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Platform"), self.tr("Status"), self.tr("Web addresses")]
        )
        self._table_setup(self.notice_table, stretch=3)
        self.notice_table.setAccessibleName(self.tr("Notices to platforms"))
        self.notice_table.itemDoubleClicked.connect(lambda _item: self.open_selected_notice())
        notices_layout.addWidget(self.notice_table)
        splitter.addWidget(self.table)
        splitter.addWidget(notices_box)
        splitter.setSizes([380, 160])
        layout.addWidget(splitter, 1)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self._selection()

    @staticmethod
    def _table_setup(table: QTableWidget, *, stretch: int) -> None:
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setProperty("evidenceContent", True)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # ----------------------------------------------------------------- loading

    def reload(self) -> None:
        self.controller.worker.submit(
            case_jobs.overview, owner=self, done=self.set_overview, error=self._failed
        )

    def set_overview(self, overview: case_jobs.CaseOverview) -> None:
        chosen = self.selected_incident()
        chosen_id = self._select_after or (chosen.incident_id if chosen is not None else None)
        self._select_after = None
        self.entries = sorted(overview.incidents, key=lambda e: when_key(e.incident), reverse=True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            fields = entry.incident.fields
            cells = (
                period_text(fields, exact=False) or self.tr("time not given"),
                first_line(fields.title or fields.what),
                ", ".join(category_names(fields.categories)),
                str(len(fields.items)),
                str(len(entry.gaps)) if entry.gaps else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, entry.incident.incident_id)
                if column == 4 and entry.gaps:
                    cell.setToolTip(gap_lines(entry.gaps))
                if column == 0:
                    cell.setToolTip(period_text(fields))
                if column == 1:
                    cell.setToolTip(fields.what)
                if column == 2:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        if chosen_id is not None:
            self.select_incident(chosen_id)
        self.notices = list(overview.notices)
        self.notice_table.setRowCount(len(self.notices))
        for row, notice in enumerate(self.notices):
            notice_cells = (
                str(notice.notice_id),
                notice.fields.platform,
                status_name(notice.fields.status),
                " ".join(notice.fields.urls),
            )
            for column, text in enumerate(notice_cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, notice.notice_id)
                self.notice_table.setItem(row, column, cell)
        self.status_label.setText(self.tr("%n incident(s) written down.", "", len(self.entries)))
        self._selection()

    def _failed(self, exc: EvidenceKitError) -> None:
        self.status_label.setText(texts.error_text(exc))

    def release(self) -> None:
        self.entries = []
        self.notices = []
        self.table.setRowCount(0)
        self.notice_table.setRowCount(0)
        for dialog in (self.editor, self.history, self.notice_dialog):
            if dialog is not None:
                dialog.hide()
                dialog.deleteLater()
        self.editor = self.history = self.notice_dialog = None

    # ----------------------------------------------------------------- selection

    def selected_incident(self) -> Incident | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows or min(rows) >= len(self.entries):
            return None
        return self.entries[min(rows)].incident

    def select_incident(self, incident_id: int) -> None:
        for row, entry in enumerate(self.entries):
            if entry.incident.incident_id == incident_id:
                self.table.selectRow(row)
                return

    def _selection(self) -> None:
        chosen = self.selected_incident() is not None
        for button in (self.edit_button, self.history_button, self.notice_button):
            button.setEnabled(chosen)

    # ----------------------------------------------------------------- actions

    def new_incident(self) -> IncidentEditor:
        return self._open_editor(None)

    def edit_selected(self) -> IncidentEditor | None:
        incident = self.selected_incident()
        return None if incident is None else self._open_editor(incident)

    def _open_editor(self, incident: Incident | None) -> IncidentEditor:
        selected = self._selected_items()
        editor = IncidentEditor(
            self.controller, self._items(), self, incident=incident, selected_items=selected
        )
        editor.saved.connect(self._saved)
        editor.history_requested.connect(self.show_history)
        editor.notice_requested.connect(self.open_notice)
        self.editor = editor
        editor.open()
        return editor

    def _saved(self, incident: Incident) -> None:
        self.status_label.setText(
            self.tr("Incident {id} saved as version {version}.").format(
                id=incident.incident_id, version=incident.version
            )
        )
        self._select_after = incident.incident_id
        self.reload()
        self.changed.emit()

    def history_of_selected(self) -> IncidentHistoryDialog | None:
        incident = self.selected_incident()
        return None if incident is None else self.show_history(incident.incident_id)

    def _dialog_parent(self) -> QWidget:
        """The open editor when a dialog is asked for from it (it stays modal on top), else the window."""
        return self.editor if self.editor is not None and self.editor.isVisible() else self.window()

    def show_history(self, incident_id: int) -> IncidentHistoryDialog:
        self.history = IncidentHistoryDialog(self.controller, incident_id, self._dialog_parent())
        self.history.open()
        return self.history

    def notice_for_selected(self) -> NoticeDialog | None:
        incident = self.selected_incident()
        return None if incident is None else self.open_notice(incident)

    def open_notice(self, incident: Incident | None = None, notice: Notice | None = None) -> NoticeDialog:
        dialog = NoticeDialog(self.controller, self._dialog_parent(), incident=incident, notice=notice)
        dialog.saved.connect(self._notice_saved)
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def _notice_saved(self, _notice: Notice) -> None:
        self.reload()
        self.changed.emit()

    def open_selected_notice(self) -> NoticeDialog | None:
        rows = {index.row() for index in self.notice_table.selectedIndexes()}
        if not rows or min(rows) >= len(self.notices):
            return None
        return self.open_notice(notice=self.notices[min(rows)])
