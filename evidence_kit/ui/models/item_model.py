"""The evidence list: a table model over `ItemRow`s and the filter proxy in front of it.

Rules: the model never touches the vault; thumbnails are asked for only when a row is drawn
(`thumbnail_wanted`, batched) and kept in memory only (a bounded LRU; never Qt's disk
caches). Sorting happens in the source model with Python key functions (fast for 100,000
rows); the proxy only filters, so a vault of 100,000 items opens and scrolls without stalls.
"""

from __future__ import annotations

import collections
import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QPixmap

from evidence_kit.domain import ItemKind
from evidence_kit.ui import texts
from evidence_kit.ui.models.rows import ItemRow, TrustedState, fold
from evidence_kit.ui.qt_compat import no_value

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_THUMBNAILS = 3000


class Column(enum.IntEnum):
    KIND = 0
    DATE = 1
    PLATFORM = 2
    SENDER = 3
    TITLE = 4
    CATEGORY = 5
    NOTE = 6
    TRUSTED = 7


class ItemTableModel(QAbstractTableModel):
    thumbnail_wanted = Signal(list)  # item ids whose thumbnails should be loaded
    contents_changed = Signal()  # rows added, replaced or reset (not thumbnails)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemRow] = []
        self._index: dict[int, int] = {}
        self._thumbnails: collections.OrderedDict[int, QIcon] = collections.OrderedDict()
        self._requested: set[int] = set()
        self._pending: list[int] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._emit_wanted)
        self._icons: dict[ItemKind, QIcon] = {}

    # ----------------------------------------------------------------- contents

    def rows(self) -> Sequence[ItemRow]:
        return self._rows

    def row_by_id(self, item_id: int) -> ItemRow | None:
        position = self._index.get(item_id)
        return self._rows[position] if position is not None else None

    def position_of(self, item_id: int) -> int | None:
        return self._index.get(item_id)

    def set_rows(self, rows: Iterable[ItemRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self._thumbnails.clear()
        self._requested.clear()
        self.endResetModel()
        self.contents_changed.emit()

    def clear(self) -> None:
        """Forget everything (the vault locked): rows and thumbnails leave memory."""
        self.set_rows([])

    def add_rows(self, rows: Sequence[ItemRow]) -> None:
        fresh = [row for row in rows if row.id not in self._index]
        if not fresh:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        for offset, row in enumerate(fresh):
            self._index[row.id] = start + offset
        self.endInsertRows()
        self.contents_changed.emit()

    def replace_row(self, row: ItemRow) -> None:
        position = self._index.get(row.id)
        if position is None:
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
        self.contents_changed.emit()

    def set_thumbnails(self, images: dict[int, QImage]) -> None:
        for item_id, image in images.items():
            # An icon, so the view scales it into the row whatever the picture's shape.
            self._thumbnails[item_id] = QIcon(QPixmap.fromImage(image))
            self._thumbnails.move_to_end(item_id)
            position = self._index.get(item_id)
            if position is not None:
                cell = self.index(position, Column.TITLE)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])
        while len(self._thumbnails) > MAX_THUMBNAILS:
            old, _icon = self._thumbnails.popitem(last=False)
            self._requested.discard(old)

    def thumbnail(self, item_id: int) -> QIcon | None:
        return self._thumbnails.get(item_id)

    def _reindex(self) -> None:
        self._index = {row.id: position for position, row in enumerate(self._rows)}

    def _emit_wanted(self) -> None:
        wanted, self._pending = self._pending, []
        if wanted:
            self.thumbnail_wanted.emit(wanted)

    # ----------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        labels = {
            Column.KIND: self.tr("Kind"),
            Column.DATE: self.tr("Date (as shown)"),
            Column.PLATFORM: self.tr("Platform"),
            Column.SENDER: self.tr("Sender"),
            Column.TITLE: self.tr("Title or file name"),
            Column.CATEGORY: self.tr("Category"),
            Column.NOTE: self.tr("Note"),
            Column.TRUSTED: self.tr("Trusted time"),
        }
        return labels.get(Column(section)) if section in Column._value2member_map_ else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        return no_value() if value is None else value

    def _data(self, index: AnyIndex, role: int) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TITLE:
            return self._decoration(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column) or self._tooltip(row, column)
        return None

    def _display(self, row: ItemRow, column: Column) -> str:
        if column == Column.KIND:
            return texts.kind_name(row.summary.kind)
        if column == Column.DATE:
            return texts.time_text(row.shown_time)
        if column == Column.PLATFORM:
            return texts.platform_name(row.platform)
        if column == Column.SENDER:
            return row.sender
        if column == Column.TITLE:
            return row.title
        if column == Column.CATEGORY:
            return row.summary.category
        if column == Column.NOTE:
            return "✎" if row.summary.note else ""
        if row.trusted is TrustedState.STAMPED:
            return self.tr("Yes")
        if row.trusted is TrustedState.PENDING:
            return self.tr("Waiting")
        return "—"

    def _tooltip(self, row: ItemRow, column: Column) -> str | None:
        if column == Column.DATE and row.shown_time is not None:
            return texts.source_name(row.shown_time.source)
        if column == Column.NOTE and row.summary.note:
            return row.summary.note[:500]
        if column == Column.TITLE:
            return row.summary.original_name
        if column == Column.TRUSTED:
            return {
                TrustedState.STAMPED: self.tr("A trusted time-stamp authority has signed this item's hash."),
                TrustedState.PENDING: self.tr("Waiting for a time-stamp authority (no connection yet)."),
                TrustedState.NONE: self.tr("No trusted time-stamp."),
            }[row.trusted]
        return None

    def _decoration(self, row: ItemRow) -> QIcon:
        thumbnail = self._thumbnails.get(row.id)
        if thumbnail is not None:
            self._thumbnails.move_to_end(row.id)
            return thumbnail
        if row.summary.kind == ItemKind.IMAGE and row.id not in self._requested:
            self._requested.add(row.id)
            self._pending.append(row.id)
            self._flush.start()
        return self._icon(row.summary.kind)

    def _icon(self, kind: ItemKind) -> QIcon:
        if kind not in self._icons:
            from evidence_kit.ui.widgets.icons import kind_icon

            self._icons[kind] = kind_icon(kind)
        return self._icons[kind]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (a key per row, not a comparison per pair)."""
        if column not in Column._value2member_map_:
            return
        key = _sort_key(Column(column))
        self.layoutAboutToBeChanged.emit()
        old_ids = [row.id for row in self._rows]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        moved_from = []
        moved_to = []
        for index in self.persistentIndexList():
            if not 0 <= index.row() < len(old_ids):
                continue
            item_id = old_ids[index.row()]
            moved_from.append(index)
            moved_to.append(self.index(self._index[item_id], index.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()


def _sort_key(column: Column) -> Any:
    def date_key(row: ItemRow) -> tuple[int, str]:
        stamp = row.shown_time
        if stamp is None:
            return (1, "")
        moment = stamp.local or (stamp.utc.replace(tzinfo=None) if stamp.utc else None)
        return (0, moment.isoformat() if moment else "")

    keys: dict[Column, Any] = {
        Column.KIND: lambda row: (texts.kind_name(row.summary.kind), row.id),
        Column.DATE: lambda row: (date_key(row), row.id),
        Column.PLATFORM: lambda row: (row.platform, row.id),
        Column.SENDER: lambda row: (fold(row.sender), row.id),
        Column.TITLE: lambda row: (fold(row.title), row.id),
        Column.CATEGORY: lambda row: (fold(row.summary.category), row.id),
        Column.NOTE: lambda row: (not row.summary.note, row.id),
        Column.TRUSTED: lambda row: (row.trusted.value, row.id),
    }
    return keys[column]


class ItemFilterProxy(QSortFilterProxyModel):
    """Filters by kind, platform, category, date range and words; sorting is the source's."""

    NO_CATEGORY = "\x00none"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: ItemKind | None = None
        self._platform: str | None = None
        self._category: str | None = None
        self._from: date | None = None
        self._to: date | None = None

    def set_filter(
        self,
        *,
        words: str = "",
        kind: ItemKind | None = None,
        platform: str | None = None,
        category: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> None:
        self.beginFilterChange()
        self._words = fold(words).split()
        self._kind = kind
        self._platform = platform
        self._category = category
        self._from = date_from
        self._to = date_to
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def row_at(self, proxy_row: int) -> ItemRow | None:
        value = self.data(self.index(proxy_row, 0), ROW_ROLE)
        return value if isinstance(value, ItemRow) else None

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, ItemTableModel)
        row = source.rows()[source_row]
        summary = row.summary
        if self._kind is not None and summary.kind != self._kind:
            return False
        if self._platform is not None and row.platform != self._platform:
            return False
        if self._category is not None:
            wanted = "" if self._category == self.NO_CATEGORY else self._category
            if summary.category != wanted:
                return False
        if self._from is not None or self._to is not None:
            stamp = row.shown_time
            moment = None if stamp is None else (stamp.local or stamp.utc)
            if moment is None:
                return False
            day = moment.date()
            if (self._from is not None and day < self._from) or (self._to is not None and day > self._to):
                return False
        if self._words:
            haystack = row.haystack
            return all(word in haystack for word in self._words)
        return True
