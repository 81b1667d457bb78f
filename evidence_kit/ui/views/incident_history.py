"""Every version of one incident: its number, when it was recorded, its SHA-256, and what it said.

Rule: read-only. A version is shown exactly as stored (the SHA-256 is of that stored version, as
its custody event records it); nothing here can change or remove one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.incidents import Incident, IncidentFields
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.case_fields import category_names


def time_given(value: str, *, exact: bool = True) -> str:
    """A time as the keeper gave it; in lists (`exact` False) without its UTC offset."""
    shown = value.replace("T", " ")
    if not exact and len(shown) > 16:
        shown = shown[:16]  # "2026-11-02 21:10+01:00" -> "2026-11-02 21:10"
    return shown


def period_text(fields: IncidentFields, *, exact: bool = True) -> str:
    start = time_given(fields.started, exact=exact)
    return f"{start} – {time_given(fields.ended, exact=exact)}" if fields.ended else start


class IncidentFieldsView(QTextBrowser):
    """One version of an incident, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("evidenceContent", True)
        self.setOpenLinks(False)

    def show_incident(self, incident: Incident) -> None:
        fields = incident.fields

        def joined(values: tuple[str, ...], sep: str = ", ") -> str:
            return sep.join(values)

        rows = [
            (self.tr("When"), period_text(fields) or self.tr("time not given")),
            (self.tr("Title"), fields.title),
            (self.tr("What happened"), fields.what),
            (self.tr("Platform"), fields.platform),
            (self.tr("Web addresses"), joined(fields.urls, "\n")),
            (self.tr("Place"), fields.place),
            (self.tr("Who"), joined(fields.people)),
            (self.tr("Impact"), fields.impact),
            (self.tr("Witnesses"), joined(fields.witnesses)),
            (self.tr("Steps taken"), joined(fields.steps, "\n")),
            (self.tr("Evidence items"), joined(tuple(str(i) for i in fields.items))),
            (self.tr("Categories"), ", ".join(category_names(fields.categories))),
        ]
        head = self.tr("Incident {id}, version {version}, recorded {at} UTC").format(
            id=incident.incident_id,
            version=incident.version,
            at=incident.recorded_at.strftime("%Y-%m-%d %H:%M"),
        )
        parts = [f"<h3>{html.escape(head)}</h3><table cellpadding='3'>"]
        for label, value in rows:
            if value:
                shown = html.escape(value).replace("\n", "<br>")
                parts.append(f"<tr><td valign='top'><b>{html.escape(label)}</b></td><td>{shown}</td></tr>")
        parts.append("</table>")
        parts.append(f"<p><small>SHA-256 {html.escape(incident.sha256)}</small></p>")
        self.setHtml("".join(parts))


class IncidentHistoryDialog(QDialog):
    def __init__(self, controller: JobsApi, incident_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.incident_id = incident_id
        self.versions: list[Incident] = []
        self.setWindowTitle(self.tr("History of incident {id}").format(id=incident_id))
        self.setModal(True)
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every version is kept, sealed with its SHA-256 in the custody log. Choose a version "
                "to read what it said."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 3, splitter)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Recorded (UTC)"), self.tr("SHA-256")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Versions"))
        self.table.itemSelectionChanged.connect(self._chosen)
        self.view = IncidentFieldsView(splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setSizes([160, 400])
        layout.addWidget(splitter, 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        controller.worker.submit(
            lambda ctx: case_jobs.incident_history(ctx, incident_id),
            owner=self,
            done=self.set_versions,
            error=self._failed,
        )

    def set_versions(self, versions: list[Incident]) -> None:
        self.versions = versions
        self.table.setRowCount(len(versions))
        for row, incident in enumerate(versions):
            cells = (
                str(incident.version),
                incident.recorded_at.strftime("%Y-%m-%d %H:%M:%S"),
                incident.sha256,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if versions:
            self.table.selectRow(len(versions) - 1)

    def show_version(self, version: int) -> None:
        for row, incident in enumerate(self.versions):
            if incident.version == version:
                self.table.selectRow(row)

    def _chosen(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self.view.show_incident(self.versions[min(rows)])

    def _failed(self, exc: EvidenceKitError) -> None:
        self.error_label.setText(texts.error_text(exc))
