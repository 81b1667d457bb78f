"""A recovery code shown once, to be written down: large, monospaced, and impossible to copy.

Rule: the code is shown as plain text the user reads and writes on paper. It cannot be
selected, copied or dragged (no text interaction, no context menu), so it never reaches the
clipboard, which other programs and clipboard histories read. The text leaves the widget
when `clear()` is called (the dialog does so as soon as it closes or the vault locks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget


class WrittenCode(QLabel):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCode")
        self.setProperty("evidenceContent", True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        mono.setWeight(QFont.Weight.Bold)
        self.setFont(mono)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName(accessible_name)
        self.setMinimumHeight(56)
