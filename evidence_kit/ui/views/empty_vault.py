"""What an empty vault shows: how evidence comes in, and a link to every export guide.

Rule: a new vault is a calm page, not a blank table with filters for nothing. It says in plain
words the three ways in (drag, "Add files…", Ctrl+V) and links each step-by-step guide
(`guide_texts.py`), which opens in the help window. The column keeps a readable width on a
wide screen and scrolls on a small one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from evidence_kit.ui.views import guide_texts

COLUMN = 640


class EmptyVault(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyVault")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        column = QWidget(page)
        column.setFixedWidth(COLUMN)  # a fixed width: wrapped text gets its height right
        layout = QVBoxLayout(column)
        self.heading = QLabel(self.tr("This vault is still empty"), column)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.how = QLabel(
            self.tr(
                "Drag screenshots, files, folders or chat exports onto this window, click “Add files…”, or "
                "paste a screenshot with Ctrl+V. Every file is kept exactly as it is."
            ),
            column,
        )
        self.how.setWordWrap(True)
        self.how.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.guides_title = QLabel(self.tr("How do I get my chats out of an app?"), column)
        bold = self.guides_title.font()
        bold.setBold(True)
        self.guides_title.setFont(bold)
        self.guides_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addWidget(self.how)
        layout.addSpacing(12)
        layout.addWidget(self.guides_title)
        grid = QGridLayout()
        self.links: dict[str, QLabel] = {}
        for number, (key, title) in enumerate(guide_texts.guide_titles()):
            link = QLabel(f"<a href='guide:{key}'>{html.escape(title)}</a>", column)
            link.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
            )
            link.setOpenExternalLinks(False)
            link.setAccessibleName(title)
            link.linkActivated.connect(lambda url, k=key: self.open_guide(k))
            grid.addWidget(link, number // 3, number % 3, Qt.AlignmentFlag.AlignHCenter)
            self.links[key] = link
        layout.addLayout(grid)
        # The column's height for its fixed width, set once: a layout that is asked again for a
        # wrapped label's height at another width squeezes the rows of links together.
        column.setFixedHeight(layout.totalHeightForWidth(COLUMN))
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setWidget(page)
        self.help_dialog: QWidget | None = None

    def open_guide(self, key: str) -> None:
        from evidence_kit.ui.views.help import HelpDialog

        dialog = HelpDialog(self.window())
        dialog.show_guide(key)
        dialog.show()
        self.help_dialog = dialog
