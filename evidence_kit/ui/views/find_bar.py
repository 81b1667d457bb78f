"""Search inside an opened item: every match highlighted, the first one in view, next/previous.

Rule: the words come from the evidence list's search box, so an item found by a search opens
at what was found (issue #15). Every word of the search is marked wherever it occurs in the
shown text (case-insensitive, as the list's search compares); F3 / Shift+F3 and the buttons move
between the matches in reading order. Highlighting only colours the view; the stored content is
never touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTextEdit, QWidget

from evidence_kit.ui.widgets.colours import is_dark

TextView = QTextEdit | QPlainTextEdit


class FindBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view: TextView | None = None
        self.words: list[str] = []
        self.matches: list[QTextCursor] = []
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Search result in this item"))
        self.previous_button = QPushButton(self.tr("&Previous"), self)
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QPushButton(self.tr("Ne&xt"), self)
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button = QPushButton(self.tr("Stop highlighting"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.clear)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (QKeySequence(QKeySequence.StandardKey.FindNext), self.next),
            (QKeySequence(QKeySequence.StandardKey.FindPrevious), self.previous),
        ):
            shortcut = QShortcut(key, parent if parent is not None else self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.hide()

    def search(self, view: TextView, words: str) -> int:
        """Mark every occurrence of each word in `view`; show the first. Returns the match count."""
        self.clear()
        self.view = view
        self.words = [w for w in words.split() if w]
        if not self.words:
            return 0
        document = view.document()
        found: list[QTextCursor] = []
        for word in self.words:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(word, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                found.append(QTextCursor(cursor))
        found.sort(key=lambda c: c.selectionStart())
        self.matches = found
        self._paint()
        self.show()
        if found:
            self.go_to(0)
        else:
            self.label.setText(self.tr("“{words}” is not in the text shown here.").format(words=words))
        return len(found)

    def _paint(self) -> None:
        view = self.view
        if view is None:
            return
        mark = QTextCharFormat()
        dark = is_dark(view.palette())
        mark.setBackground(Qt.GlobalColor.darkYellow if dark else Qt.GlobalColor.yellow)
        mark.setForeground(Qt.GlobalColor.white if dark else Qt.GlobalColor.black)
        strong = QTextCharFormat(mark)
        strong.setBackground(Qt.GlobalColor.darkMagenta if dark else Qt.GlobalColor.cyan)
        selections = []
        for index, cursor in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = strong if index == self.current else mark
            selections.append(selection)
        view.setExtraSelections(selections)

    def go_to(self, index: int) -> None:
        if not self.matches or self.view is None:
            return
        self.current = index % len(self.matches)
        cursor = QTextCursor(self.matches[self.current])
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._paint()
        self.label.setText(
            self.tr("Match {number} of %n for “{words}”", "", len(self.matches)).format(
                number=self.current + 1, words=" ".join(self.words)
            )
        )

    def next(self) -> None:
        self.go_to(self.current + 1)

    def previous(self) -> None:
        self.go_to(self.current - 1)

    def clear(self) -> None:
        if self.view is not None:
            self.view.setExtraSelections([])
        self.view = None
        self.matches = []
        self.current = -1
        self.words = []
        self.hide()
