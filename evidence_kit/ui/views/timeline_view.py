"""The timeline: incidents and evidence items on one time axis, zoomable, filtered by offence
category and by person.

Rules: what is placed where, and what belongs to which category and person, is decided in
`models/timeline_entries.py`; this draws it. A period is drawn as a bar. Filtering only hides
entries; zooming never does. Colours come from the palette (light or dark).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPalette, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.models.timeline_entries import INCIDENT, ITEM, Entry, build_entries
from evidence_kit.ui.widgets.case_fields import category_names
from evidence_kit.ui.widgets.colours import Tone, tone_colour

ENTRY_KEY = 0  # QGraphicsItem data slot holding (kind, id)
MIN_PX_PER_DAY, MAX_PX_PER_DAY = 0.05, 2000.0
LANE_TOP, LANE_STEP = 16.0, 20.0


class TimelineCanvas(QGraphicsView):
    """The drawing: ctrl+wheel zooms around the pointer; a double-click opens the entry."""

    activated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setProperty("evidenceContent", True)
        self.px_per_day = 40.0
        self.entries: list[Entry] = []
        self.auto_fit = True  # until the person zooms, the whole span fits the width

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.draw(self.entries)  # the colours come from the palette: light or dark

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        centre = self.mapToScene(self.viewport().rect().center()).x() / max(self.px_per_day, 1e-9)
        self.px_per_day = min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, self.px_per_day * factor))
        self.draw(self.entries)
        self.centerOn(centre * self.px_per_day, self.sceneRect().center().y())

    def fit(self) -> None:
        self.auto_fit = True
        if len(self.entries) >= 2:
            days = max((self.entries[-1].start - self.entries[0].start).total_seconds() / 86400, 1 / 24)
            width = max(self.viewport().width() - 320, 200)  # room for the last label
            self.px_per_day = min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, width / days))
        self.draw(self.entries)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.itemAt(event.position().toPoint())
        while found is not None and found.data(ENTRY_KEY) is None:
            found = found.parentItem()
        if found is not None:
            kind, key = found.data(ENTRY_KEY)
            self.activated.emit(kind, key)

    def _x(self, moment: datetime, origin: datetime) -> float:
        return 80 + (moment - origin).total_seconds() / 86400 * self.px_per_day

    def draw(self, entries: list[Entry]) -> None:
        self.entries = entries
        scene = self.scene()
        scene.clear()
        palette = self.palette()
        text_colour = palette.windowText().color()
        if not entries:
            scene.setSceneRect(QRectF(0, 0, 400, 220))
            return
        origin = entries[0].start.replace(hour=0, minute=0, second=0, microsecond=0)
        last = max(e.end or e.start for e in entries)
        right = self._x(last, origin) + 320
        # Incidents above the axis, items below it; each packed into as few rows as fit.
        incidents = [e for e in entries if e.kind == INCIDENT]
        rows = self._place(incidents, origin, LANE_TOP, text_colour, tone_colour(palette, Tone.WARNING))
        axis_y = LANE_TOP + LANE_STEP * max(rows, 1) + 16
        self._axis(origin, last, right, axis_y, text_colour)
        items = [e for e in entries if e.kind == ITEM]
        highlight = palette.color(QPalette.ColorRole.Highlight)
        rows = self._place(items, origin, axis_y + 30, text_colour, highlight)
        bottom = axis_y + 30 + LANE_STEP * max(rows, 1) + 20
        scene.setSceneRect(QRectF(0, 0, right, max(bottom, 220)))

    def _place(self, entries: list[Entry], origin: datetime, top: float, text: QColor, colour: QColor) -> int:
        """Draw `entries` from `top` down, packed into rows; returns how many rows it took."""
        scene = self.scene()
        lanes: list[float] = []
        for entry in entries:
            x = self._x(entry.start, origin)
            label = scene.addSimpleText(entry.label)
            label.setBrush(QBrush(text))
            width = max(self._x(entry.end, origin) - x, 10.0) if entry.end else 10.0
            y = top + _free_lane(lanes, x - 5, x + width + 14 + label.boundingRect().width()) * LANE_STEP
            if entry.kind == INCIDENT:
                shape: QGraphicsItem = scene.addRect(QRectF(x, y, width, 12), QPen(colour), QBrush(colour))
                label.setPos(x + width + 4, y - 3)
            else:
                shape = scene.addEllipse(QRectF(x - 5, y + 1, 10, 10), QPen(colour), QBrush(colour))
                label.setPos(x + 8, y - 3)
            label.setParentItem(shape)
            shape.setData(ENTRY_KEY, (entry.kind, entry.id))
            shape.setToolTip(f"{entry.label}\n{entry.start:%Y-%m-%d %H:%M}")
            shape.setCursor(Qt.CursorShape.PointingHandCursor)
        return len(lanes)

    def _axis(self, origin: datetime, last: datetime, right: float, y: float, colour: QColor) -> None:
        scene = self.scene()
        scene.addLine(0, y, right, y, QPen(colour))
        step, fmt = _tick_step(self.px_per_day)
        tick = _round_down(origin, step)
        end = _advance(last, step)
        while tick <= end:
            x = self._x(tick, origin)
            if x >= 0:
                scene.addLine(x, y - 4, x, y + 4, QPen(colour))
                label = scene.addSimpleText(tick.strftime(fmt))
                label.setBrush(QBrush(colour))
                label.setPos(x + 2, y + 4)
            tick = _advance(tick, step)


def _free_lane(lanes: list[float], start: float, end: float) -> int:
    """The first lane whose last entry ends before `start` (greedy packing: labels never overlap)."""
    for number, taken in enumerate(lanes):
        if taken <= start:
            lanes[number] = end
            return number
    lanes.append(end)
    return len(lanes) - 1


def _tick_step(px_per_day: float) -> tuple[str, str]:
    """The axis scale that fits: hours, days, weeks, months or years."""
    if px_per_day >= 600:
        return "hour", "%d-%m %H:00"
    if px_per_day >= 60:
        return "day", "%Y-%m-%d"
    if px_per_day >= 12:
        return "week", "%Y-%m-%d"
    if px_per_day >= 1.5:
        return "month", "%Y-%m"
    return "year", "%Y"


def _round_down(moment: datetime, step: str) -> datetime:
    day = moment.replace(minute=0, second=0, microsecond=0)
    if step == "hour":
        return day
    day = day.replace(hour=0)
    if step == "week":
        return day - timedelta(days=day.weekday())
    if step == "month":
        return day.replace(day=1)
    if step == "year":
        return day.replace(month=1, day=1)
    return day


def _advance(moment: datetime, step: str) -> datetime:
    if step == "hour":
        return moment + timedelta(hours=1)
    if step == "day":
        return moment + timedelta(days=1)
    if step == "week":
        return moment + timedelta(days=7)
    if step == "month":
        return moment.replace(year=moment.year + moment.month // 12, month=moment.month % 12 + 1)
    return moment.replace(year=moment.year + 1)


class TimelineView(QWidget):
    open_item = Signal(int)
    open_incident = Signal(int)

    def __init__(
        self, controller: JobsApi, items: Callable[[], Sequence[ItemRow]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._items = items
        self.entries: list[Entry] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Category:"), self))
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Show the category"))
        bar.addWidget(self.category)
        bar.addWidget(QLabel(self.tr("Person:"), self))
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Show the person"))
        self.person.setProperty("evidenceContent", True)
        bar.addWidget(self.person)
        bar.addStretch(1)
        self.zoom_in = QPushButton(self.tr("&Zoom in"), self)
        self.zoom_out = QPushButton(self.tr("Zoom &out"), self)
        self.fit_button = QPushButton(self.tr("&Fit"), self)
        for button in (self.zoom_in, self.zoom_out, self.fit_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.canvas = TimelineCanvas(self)
        self.canvas.setAccessibleName(self.tr("Timeline"))
        layout.addWidget(self.canvas, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.category.currentIndexChanged.connect(self.apply_filter)
        self.person.currentIndexChanged.connect(self.apply_filter)
        self.canvas.activated.connect(self._activated)
        self.untimed = 0

    def reload(self) -> None:
        self.controller.worker.submit(
            case_jobs.timeline_data, owner=self, done=self.set_data, error=self._failed
        )

    def set_data(self, data: case_jobs.TimelineData) -> None:
        self.entries, self.untimed = build_entries(self._items(), data)
        chosen_category, chosen_person = self.category.currentData(), self.person.currentData()
        for combo in (self.category, self.person):
            combo.blockSignals(True)
            combo.clear()
        self.category.addItem(self.tr("All categories"), None)
        used = sorted({c for e in self.entries for c in e.categories})
        for category_id, name in zip(used, category_names(used), strict=True):
            self.category.addItem(name, category_id)
        self.person.addItem(self.tr("Everyone"), None)
        for entry in data.people:
            self.person.addItem(entry.person.fields.label, entry.person.person_id)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen_category)))
        self.person.setCurrentIndex(max(0, self.person.findData(chosen_person)))
        for combo in (self.category, self.person):
            combo.blockSignals(False)
        self.apply_filter()
        self.canvas.fit()

    def visible_entries(self) -> list[Entry]:
        category, person = self.category.currentData(), self.person.currentData()
        return [
            e
            for e in self.entries
            if (category is None or category in e.categories) and (person is None or person in e.people)
        ]

    def apply_filter(self) -> None:
        shown = self.visible_entries()
        self.canvas.draw(shown)
        incidents = sum(1 for e in shown if e.kind == INCIDENT)
        text = (
            self.tr("%n incident(s)", "", incidents)
            + ", "
            + self.tr("%n item(s) shown.", "", len(shown) - incidents)
        )
        if self.untimed:
            text += " " + self.tr(
                "%n item(s) state no time of their own (only when they were stored) and are not shown.",
                "",
                self.untimed,
            )
        self.status.setText(text)

    def _activated(self, kind: str, key: int) -> None:
        (self.open_incident if kind == INCIDENT else self.open_item).emit(key)

    def _failed(self, exc: EvidenceKitError) -> None:
        self.status.setText(texts.error_text(exc))

    def release(self) -> None:
        self.entries = []
        self.canvas.draw([])
        self.person.clear()
