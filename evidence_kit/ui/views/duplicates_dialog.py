"""Asking what to do with files that are already in the vault, after an import that skipped them.

Rule: a duplicate is never added or dropped silently (`importers/duplicates.py`). The import runs
in the worker with duplicates skipped (the hashing is done there, while storing); afterwards this
dialog names each one, "already in the vault as item N" with the earlier item's name, and the
person chooses: "Add anyway" (stored again as new items that say which item they repeat) or
"Skip" (the default, and what Esc means: the earlier item already holds the same bytes, so
nothing is lost). A child of the window, so quick exit hides it with everything else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import AddResult


class DuplicatesDialog(QDialog):
    def __init__(
        self,
        duplicates: Sequence[AddResult],
        earlier_name: Callable[[int], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Already in the vault"))
        self.resize(640, 360)
        self.duplicates = tuple(duplicates)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "%n file(s) you added are already in the vault, with exactly the same content. "
                "Nothing is lost: the earlier item keeps it.",
                "",
                len(self.duplicates),
            ),
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Files already in the vault"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Already in the vault as")])
        self.tree.setColumnWidth(0, 280)
        self.tree.setRootIsDecorated(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps its file name
        self.tree.setProperty("evidenceContent", True)
        for result in self.duplicates:
            item_id = result.duplicate_of or 0
            name = earlier_name(item_id)
            where = self.tr("item {id}").format(id=item_id)
            if name:
                where = self.tr("item {id} ({name})").format(id=item_id, name=name)
            row = QTreeWidgetItem([result.path, where])
            row.setToolTip(0, result.path)
            row.setToolTip(1, where)
            self.tree.addTopLevelItem(row)
        layout.addWidget(self.tree, 1)
        self.explain = QLabel(
            self.tr(
                "Add anyway stores another copy as a new item that says which item it repeats; "
                "that can matter when the same proof reached you from two places. "
                "Skip leaves these files out."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        buttons = QDialogButtonBox(self)
        self.add_button: QPushButton = buttons.addButton(
            self.tr("Add anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button: QPushButton = buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
