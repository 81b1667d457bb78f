"""The custody log: every event in order, filterable, with a "verify chain" button.

Rule: the log is shown exactly as stored (sequence, time, what, item, hash); filtering only
hides rows. Checking runs the vault's full verification (which re-computes every link of
the chain and every signature) in the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import CustodyEntry, VerifyReport
from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.models.rows import fold
from evidence_kit.ui.qt_compat import no_value
from evidence_kit.ui.views.side_panel import event_details
from evidence_kit.ui.views.verify import vault_report_text
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobKind

AnyIndex = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class CustodyModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[CustodyEntry] = []

    def set_entries(self, entries: list[CustodyEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = [
            self.tr("No."),
            self.tr("When"),
            self.tr("What"),
            self.tr("Item"),
            self.tr("Details"),
            self.tr("Hash"),
        ]
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        return no_value() if value is None else value

    def _data(self, index: AnyIndex, role: int) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            str(entry.seq),
            texts.local_text(entry.at_utc, entry.offset_minutes),
            texts.event_name(entry.event_type),
            str(entry.item_id) if entry.item_id is not None else "",
            event_details(entry),
            entry.hash if role == Qt.ItemDataRole.ToolTipRole else entry.hash[:16] + "…",
        )
        return values[index.column()]


class CustodyFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.event_type: str | None = None

    def set_filter(self, words: str, event_type: str | None) -> None:
        self.beginFilterChange()
        self.words = fold(words).split()
        self.event_type = event_type
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CustodyModel)
        entry = model.entries[source_row]
        if self.event_type is not None and entry.event_type != self.event_type:
            return False
        if self.words:
            haystack = fold(
                " ".join(
                    [
                        texts.event_name(entry.event_type),
                        event_details(entry),
                        str(entry.item_id or ""),
                        entry.hash,
                    ]
                )
            )
            return all(word in haystack for word in self.words)
        return True


class CustodyLogDialog(QDialog):
    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Custody log"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Every event is linked to the one before it by its hash and signed with the vault's key, "
                "so a change to any earlier event is detected."
            ),
            self,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter"))
        self.search.setAccessibleName(self.tr("Filter the log"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of event"))
        self.kind.addItem(self.tr("All events"), None)
        self.verify_button = QPushButton(self.tr("&Verify chain"), self)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind, 1)
        bar.addWidget(self.verify_button)
        layout.addLayout(bar)
        self.model = CustodyModel(self)
        self.proxy = CustodyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Custody events"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setProperty("evidenceContent", True)
        layout.addWidget(self.table, 1)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        # A visible way out for the mouse as well as Esc for the keyboard (issue #15).
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.verify_button.clicked.connect(self.verify_chain)
        self.reload()

    def reload(self) -> None:
        self.controller.worker.submit(jobs.custody_log, owner=self, done=self._loaded, error=self._failed)

    def _loaded(self, entries: list[CustodyEntry]) -> None:
        self.model.set_entries(entries)
        present = sorted({e.event_type for e in entries}, key=texts.event_name)
        self.kind.blockSignals(True)
        while self.kind.count() > 1:
            self.kind.removeItem(1)
        for event_type in present:
            self.kind.addItem(texts.event_name(event_type), event_type)
        self.kind.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def _failed(self, exc: EvidenceKitError) -> None:
        self.result_label.setText(texts.error_text(exc))

    def _filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.kind.currentData())

    def verify_chain(self) -> None:
        self.verify_button.setEnabled(False)
        self.result_label.setText(self.tr("Checking…"))
        self.controller.worker.submit(
            jobs.verify_vault, kind=JobKind.LONG, owner=self, done=self._verified, error=self._failed
        )

    def _verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        verdict, body = vault_report_text(report)
        chain = [p for p in report.problems if p.scope == "custody"]
        apply_tone(self.result_label, Tone.OK if report.ok else Tone.ERROR)
        lines = [verdict] + ["• " + texts.core_text(p.template, p.params) for p in chain]
        self.result_label.setText("\n".join(lines))
        self.last_report = report
        self.last_report_text = body
        self.reload()  # the check itself is an event
