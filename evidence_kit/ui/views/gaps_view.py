""" "What is missing": the hints of the whole case, listed, each leading to its item or incident.

Rules: a hint never judges the evidence and never changes it (`case/gaps.py` decides and words
every hint; here they are only translated and listed). They are worked out in the worker
(`case_jobs.all_gaps`), reading only. The summary line in the main window counts them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from evidence_kit.case.gaps import Gap
from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import JobsApi

GAP_ROLE = Qt.ItemDataRole.UserRole + 1


class GapsView(QWidget):
    open_item = Signal(int)
    open_incident = Signal(int)
    counted = Signal(int)

    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.gaps: list[Gap] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hints, not judgements: what a reader of the dossier will miss, and what you can "
                "still add. The evidence itself is never changed. Double-click a hint to go to it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("gapsList")
        self.list.setWordWrap(True)
        self.list.setProperty("evidenceContent", True)
        self.list.setAccessibleName(self.tr("What is missing"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        refresh = QPushButton(self.tr("&Look again"), self)
        refresh.clicked.connect(self.reload)
        layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)

    def reload(self) -> None:
        self.status.setText(self.tr("Looking…"))
        self.controller.worker.submit(case_jobs.all_gaps, owner=self, done=self.set_gaps, error=self._failed)

    def set_gaps(self, gaps: list[Gap]) -> None:
        self.gaps = gaps
        self.list.clear()
        for gap in gaps:
            entry = QListWidgetItem(texts.core_text(gap.template, gap.params), self.list)
            entry.setData(GAP_ROLE, gap)
        if gaps:
            self.status.setText(self.tr("%n hint(s).", "", len(gaps)))
        else:
            self.status.setText(
                self.tr("Nothing obvious is missing: every item and incident has what these checks look for.")
            )
        self.counted.emit(len(gaps))

    def _failed(self, exc: EvidenceKitError) -> None:
        self.status.setText(texts.error_text(exc))

    def _activated(self, entry: QListWidgetItem) -> None:
        gap = entry.data(GAP_ROLE)
        if not isinstance(gap, Gap):
            return
        if gap.item_id is not None:
            self.open_item.emit(gap.item_id)
        elif gap.incident_id is not None:
            self.open_incident.emit(gap.incident_id)

    def release(self) -> None:
        self.gaps = []
        self.list.clear()
