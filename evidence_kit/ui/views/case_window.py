"""Case work, in one window beside the evidence: the incident log, what is missing, the timeline
and the people register, one tab each.

Rules: the window is not modal (the main window's red Quick exit stays clickable beside it; as
the window may cover it, it shows its own, and its dialogs are modal and get theirs); it is a
child of the main window, so it hides with it when the vault locks or Quick exit is pressed, and
`release` drops what it showed. Each tab reads the vault in the worker; a change in one tab (an
incident saved) asks the others to read again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.views.gaps_view import GapsView
from evidence_kit.ui.views.incident_log import IncidentLog
from evidence_kit.ui.views.people_view import PeopleView
from evidence_kit.ui.views.timeline_view import TimelineView
from evidence_kit.ui.widgets import dialog_quick_exit

INCIDENTS, GAPS, TIMELINE, PEOPLE = "incidents", "gaps", "timeline", "people"


class CaseWindow(QDialog):
    open_item = Signal(int)
    changed = Signal()

    def __init__(
        self,
        controller: WorkspaceApi,
        items: Callable[[], Sequence[ItemRow]],
        selected_items: Callable[[], Sequence[int]],
        quick_exit: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseWindow")
        self.setWindowTitle(self.tr("Case work"))
        self.setModal(False)
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.log = IncidentLog(controller, items, selected_items, self.tabs)
        self.gaps = GapsView(controller, self.tabs)
        self.timeline = TimelineView(controller, items, self.tabs)
        self.people = PeopleView(controller, self.tabs)
        self.tabs.addTab(self.log, self.tr("&Incidents"))
        self.tabs.addTab(self.gaps, self.tr("What is &missing"))
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.tabs.addTab(self.people, self.tr("&People"))
        self.pages: dict[str, QWidget] = {
            INCIDENTS: self.log,
            GAPS: self.gaps,
            TIMELINE: self.timeline,
            PEOPLE: self.people,
        }
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.hide)
        # Not modal, but it may cover the toolbar's red button: it shows its own.
        self.quick_exit_button = dialog_quick_exit.add_to(buttons, quick_exit)
        layout.addWidget(buttons)
        self.log.changed.connect(self._changed)
        self.people.changed.connect(self._changed)
        for page in (self.gaps, self.timeline):
            page.open_item.connect(self.open_item)
            page.open_incident.connect(self.edit_incident)

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.pages[name])
        self.show()
        self.raise_()
        self.activateWindow()

    def reload(self) -> None:
        self.log.reload()
        self.gaps.reload()
        self.timeline.reload()
        self.people.reload()

    def _changed(self) -> None:
        self.log.reload()
        self.gaps.reload()
        self.timeline.reload()
        self.changed.emit()

    def edit_incident(self, incident_id: int) -> None:
        self.tabs.setCurrentWidget(self.log)
        self.log.select_incident(incident_id)
        self.log.edit_selected()

    def release(self) -> None:
        for page in (self.log, self.gaps, self.timeline, self.people):
            page.release()
        self.hide()
