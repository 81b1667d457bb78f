"""The image viewer: fit to window, zoom, 100 %, pan by dragging or with the keyboard.

Rule: the picture is held in memory only (a QPixmap made from the QImage the worker
decoded); nothing is written to a cache.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_ZOOM = 0.02
MAX_ZOOM = 32.0


class _View(QGraphicsView):
    def __init__(self, owner: ImageViewer) -> None:
        super().__init__(owner)
        self._owner = owner

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._owner.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._owner.fitting:
            self._owner.fit()


class ImageViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.fit_button = QPushButton(self.tr("&Fit"), self)
        self.fit_button.setToolTip(self.tr("Fit the picture in the window"))
        self.fit_button.clicked.connect(self.fit)
        self.actual_button = QPushButton(self.tr("&100 %"), self)
        self.actual_button.setToolTip(self.tr("Show the picture at its real size (Ctrl+0)"))
        self.actual_button.clicked.connect(self.actual_size)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_label = QLabel(self)
        for widget in (self.fit_button, self.actual_button, self.zoom_in_button, self.zoom_out_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        layout.addLayout(bar)
        self.scene = QGraphicsScene(self)
        self.view = _View(self)
        self.view.setScene(self.scene)
        self.view.setAccessibleName(self.tr("Picture"))
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.view, 1)
        self.item: QGraphicsPixmapItem | None = None
        self.fitting = True
        self.zoom = 1.0
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        actual = QShortcut(QKeySequence("Ctrl+0"), self)
        actual.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        actual.activated.connect(self.actual_size)

    def set_image(self, image: QImage) -> None:
        self.scene.clear()
        self.item = self.scene.addPixmap(QPixmap.fromImage(image))
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.setSceneRect(self.item.boundingRect())
        self.fit()

    def clear(self) -> None:
        self.scene.clear()
        self.item = None

    def fit(self) -> None:
        self.fitting = True
        if self.item is None:
            return
        self.view.resetTransform()
        self.view.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom = self.view.transform().m11()
        self._show_zoom()

    def actual_size(self) -> None:
        self.fitting = False
        self.view.resetTransform()
        self.zoom = 1.0
        self._show_zoom()

    def zoom_by(self, factor: float) -> None:
        if self.item is None:
            return
        target = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        self.fitting = False
        self.view.scale(target / self.zoom, target / self.zoom)
        self.zoom = target
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
