"""A toolbar that never hides one chosen button (Quick exit) in its overflow menu.

Rule: when the labels of all buttons do not fit the toolbar's width, the other buttons drop
their labels (icon only, the label stays in the tooltip and the accessible name) before
anything overflows; the toolbar's minimum width is what the icons and the kept button need,
so the window cannot be made so narrow that the kept button disappears. Dutch labels are
longer than English ones, so the width is measured, never assumed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton


class KeepVisible(QObject):
    """Installed on a toolbar: re-fits its buttons on every resize."""

    def __init__(self, toolbar: QToolBar, kept: QAction) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._kept = kept
        toolbar.installEventFilter(self)
        self.fit()

    def _buttons(self) -> list[QToolButton]:
        found = []
        for action in self._toolbar.actions():
            widget = self._toolbar.widgetForAction(action)
            if isinstance(widget, QToolButton) and action is not self._kept and action.isVisible():
                found.append(widget)
        return found

    def _needed(self, style: Qt.ToolButtonStyle) -> int:
        """Width the buttons need with the others in `style` (the kept one keeps its label)."""
        layout = self._toolbar.layout()
        spacing = layout.spacing() if layout is not None else 0
        margins = self._toolbar.contentsMargins()
        total = margins.left() + margins.right() + 2 * spacing + 16  # the handle and a little air
        for button in self._buttons():
            was = button.toolButtonStyle()
            button.setToolButtonStyle(style)
            total += button.sizeHint().width() + spacing
            button.setToolButtonStyle(was)
        kept = self._toolbar.widgetForAction(self._kept)
        if kept is not None:
            total += kept.sizeHint().width() + spacing
        return total

    def fit(self) -> None:
        icons = self._needed(Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self._toolbar.minimumWidth() != icons:
            self._toolbar.setMinimumWidth(icons)
        labelled = self._needed(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if self._toolbar.width() >= labelled
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        for button in self._buttons():
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._toolbar and event.type() in (QEvent.Type.Resize, QEvent.Type.LanguageChange):
            self.fit()
        return False
