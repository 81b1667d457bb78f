"""The chats of an export of several: the list the user opens a chat from and picks chats in.

Each chat is an item of its own (`importers/chat_children.py`), so opening one is opening that
item, and the chats picked here go to the dossier dialog as chosen items. The list only shows
what the worker read (`ui/chat_rows.py`); nothing is read on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.ui.chat_rows import ChatRow

_ITEM_ROLE = Qt.ItemDataRole.UserRole


class ChatList(QWidget):
    open_item = Signal(int)
    export_requested = Signal(list)  # the item numbers of the picked chats

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Chats in this export"))
        self.tree.setHeaderLabels(
            [
                self.tr("Chat"),
                self.tr("Messages"),
                self.tr("First message"),
                self.tr("Last message"),
                self.tr("Item number"),
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.tree.itemChanged.connect(lambda _item, _column: self._update_buttons())
        self.tree.currentItemChanged.connect(lambda _now, _before: self._update_buttons())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open chat"), self)
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.pick_all_button = QPushButton(self.tr("Tick a&ll"), self)
        self.pick_all_button.clicked.connect(self._pick_all)
        self.export_button = QPushButton(self.tr("&Export the ticked chats…"), self)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.picked()))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.pick_all_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # The export button on a row of its own: three long Dutch labels side by side would make
        # the page, and so the window, wider than its 800 px minimum (quick exit must stay visible).
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(self.export_button)
        layout.addLayout(export_row)
        self._update_buttons()

    def set_chats(self, chats: tuple[ChatRow, ...]) -> None:
        self.heading.setText(
            self.tr(
                "This export holds %n chat(s), each stored as an item of its own and read from the one "
                "stored original. Double-click a chat to open it; tick chats to put them in a dossier.",
                "",
                len(chats),
            )
        )
        self.tree.blockSignals(True)
        self.tree.clear()
        for chat in chats:
            row = QTreeWidgetItem(
                [
                    chat.title or self.tr("(no title)"),
                    "?" if chat.messages is None else str(chat.messages),
                    chat.first.strftime("%Y-%m-%d %H:%M") if chat.first is not None else "—",
                    chat.last.strftime("%Y-%m-%d %H:%M") if chat.last is not None else "—",
                    str(chat.item_id),
                ]
            )
            row.setData(0, _ITEM_ROLE, chat.item_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Unchecked)
            for column in (1, 4):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(row)
        for column in range(1, 5):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.blockSignals(False)
        self._update_buttons()

    def rows(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in found if row is not None]

    def picked(self) -> list[int]:
        return [
            int(row.data(0, _ITEM_ROLE)) for row in self.rows() if row.checkState(0) == Qt.CheckState.Checked
        ]

    def _pick_all(self) -> None:
        every = self.rows()
        state = Qt.CheckState.Unchecked if len(self.picked()) == len(every) else Qt.CheckState.Checked
        for row in every:
            row.setCheckState(0, state)

    def _open(self, row: QTreeWidgetItem | None) -> None:
        if row is not None:
            self.open_item.emit(int(row.data(0, _ITEM_ROLE)))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)
        self.export_button.setEnabled(bool(self.picked()))
