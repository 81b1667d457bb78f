"""Small input pieces the case screens share: a list typed one entry per line, the offence
categories as a checkable list, and a checkable list of evidence items.

Rule: these only collect what the person typed or ticked; cleaning and checking is the core's
(`storage/incidents.clean`), so what is saved is exactly what the CLI would save. Category names
come from the taxonomy in the app's language (`case/taxonomy.py`), never from a copy here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from evidence_kit import i18n
from evidence_kit.case.taxonomy import load_taxonomy

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinesEdit(QPlainTextEdit):
    """A list typed as one entry per line (web addresses, names, steps taken)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)

    def values(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def set_values(self, values: Iterable[str]) -> None:
        self.setPlainText("\n".join(values))


class CheckList(QListWidget):
    """A list of entries with a tick box each, keyed by an id kept in the entry."""

    def add_entry(self, key: object, text: str, *, checked: bool = False, tip: str = "") -> QListWidgetItem:
        entry = QListWidgetItem(text, self)
        entry.setData(ID_ROLE, key)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if tip:
            entry.setToolTip(tip)
        return entry

    def entries(self) -> list[QListWidgetItem]:
        return [e for e in (self.item(n) for n in range(self.count())) if e is not None]

    def checked_keys(self) -> list[object]:
        return [e.data(ID_ROLE) for e in self.entries() if e.checkState() == Qt.CheckState.Checked]

    def set_checked(self, keys: Iterable[object]) -> None:
        wanted = set(keys)
        for entry in self.entries():
            state = Qt.CheckState.Checked if entry.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked
            entry.setCheckState(state)


class CategoryList(CheckList):
    """The offence categories of the taxonomy, in the app's language, each with its description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = i18n.get_language()
        for category in load_taxonomy().categories:
            articles = ", ".join(category.articles())
            tip = category.description(lang) + (f"\n({articles})" if articles else "")
            self.add_entry(category.id, category.name(lang), tip=tip)
        self.setAccessibleName(self.tr("Offence categories"))

    def categories(self) -> tuple[str, ...]:
        return tuple(str(key) for key in self.checked_keys())


def category_names(ids: Sequence[str]) -> list[str]:
    """The names of taxonomy category ids in the app's language (an unknown id as it is)."""
    taxonomy, lang = load_taxonomy(), i18n.get_language()
    return [c.name(lang) if (c := taxonomy.get(i)) is not None else i for i in ids]
