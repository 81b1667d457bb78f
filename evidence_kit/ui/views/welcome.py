"""The first screen: create a vault, open one, or try the demo case.

Rule: nothing here names a case or a path from an earlier session (someone else may be
looking); after a lock only an "Unlock again" button appears, for the vault that was open.
The one exception is the recent-vault list, shown only when the user switched it on in
Settings (off by default), and only for vault folders that still exist.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.ui.widgets.icons import icon


class WelcomePage(QWidget):
    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    unlock_again_requested = Signal()
    verify_package_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addStretch(1)

        self.banner = QFrame(self)
        self.banner.setObjectName("lockedBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.unlock_again = QPushButton(self.tr("Unlock again…"), self.banner)
        self.unlock_again.setIcon(icon("lock"))
        self.unlock_again.clicked.connect(self.unlock_again_requested.emit)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.unlock_again)
        self.banner.hide()
        outer.addWidget(self.banner)

        title = QLabel(self.tr("Keep the proof safe"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "Evidence Kit stores screenshots, chats, e-mails and other files exactly as they are, "
                "encrypted with your passphrase. It records when each item was stored, so you can later "
                "give the police or a lawyer a dossier they can check."
            ),
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        outer.addSpacing(16)

        self.create_button = self._big_button(
            self.tr("Create a new vault…"),
            self.tr("Start a new, empty vault for one case, protected by a passphrase you choose."),
            "add",
        )
        self.create_button.clicked.connect(self.create_requested.emit)
        self.open_button = self._big_button(
            self.tr("Open a vault…"),
            self.tr("Open a vault you made before. You will need its passphrase or recovery code."),
            "lock",
        )
        self.open_button.clicked.connect(self.open_requested.emit)
        self.demo_button = self._big_button(
            self.tr("Try the demo case"),
            self.tr("A made-up case with a chat, an e-mail and screenshots, to see how everything works."),
            "chat",
        )
        self.demo_button.clicked.connect(self.demo_requested.emit)
        for button in (self.create_button, self.open_button, self.demo_button):
            outer.addWidget(button)
        outer.addSpacing(12)
        self.verify_button = QPushButton(self.tr("Check a dossier you received…"), self)
        self.verify_button.setFlat(True)
        self.verify_button.setToolTip(
            self.tr("For the police or a lawyer: check that a dossier package is complete and unchanged.")
        )
        self.verify_button.clicked.connect(self.verify_package_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.recent_box = QFrame(self)
        self.recent_layout = QVBoxLayout(self.recent_box)
        self.recent_layout.setContentsMargins(0, 8, 0, 0)
        self.recent_title = QLabel(self.tr("Recently opened on this computer:"), self.recent_box)
        self.recent_layout.addWidget(self.recent_title)
        self.recent_buttons: list[QPushButton] = []
        self.recent_box.hide()
        outer.addWidget(self.recent_box)
        outer.addStretch(2)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.status)

    def _big_button(self, text: str, description: str, icon_name: str) -> QPushButton:
        button = QPushButton(f"{text}\n{description}", self)
        button.setIcon(icon(icon_name))
        button.setIconSize(button.iconSize() * 2)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(64)
        button.setStyleSheet("QPushButton { text-align: left; padding: 8px 12px; }")
        return button

    def set_recent(self, paths: list[str]) -> None:
        """One button per remembered vault folder that still exists (its folder name shown)."""
        for button in self.recent_buttons:
            button.deleteLater()
        self.recent_buttons = []
        for entry in paths:
            folder = Path(entry)
            if not (folder / "keys.json").is_file():
                continue
            button = QPushButton(folder.name, self.recent_box)
            button.setFlat(True)
            button.setIcon(icon("lock"))
            button.setToolTip(entry)
            button.setAccessibleName(self.tr("Open the vault {name}").format(name=folder.name))
            button.setProperty("evidenceContent", True)  # a folder name, not a text to translate
            button.clicked.connect(lambda _checked=False, where=entry: self.recent_requested.emit(where))
            self.recent_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.recent_buttons.append(button)
        self.recent_box.setVisible(bool(self.recent_buttons))

    def show_locked(self, message: str, can_unlock: bool) -> None:
        self.banner_text.setText(message)
        self.unlock_again.setVisible(can_unlock)
        self.banner.setVisible(bool(message))

    def hide_banner(self) -> None:
        self.banner.hide()

    def set_busy(self, message: str) -> None:
        self.status.setText(message)
        for button in (self.create_button, self.open_button, self.demo_button, self.unlock_again):
            button.setEnabled(not message)
