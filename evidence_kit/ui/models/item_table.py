"""The evidence list's table model: every `ItemRow` of the open vault, sorted, with thumbnails.

Rules: the model never touches the vault. Nothing here calls Python once per row from C++:
sorting sorts the source rows with precomputed keys (`ItemRow`), starting from the rows in id
order, so 100,000 rows sort without a stall. Thumbnails come through `ThumbnailCache`
(`thumbnails.py`): asked for only when a row is drawn (`thumbnail_wanted`), kept in memory only.
The filtered view the table shows is `ItemFilterProxy` (`item_filter.py`).
"""

from __future__ import annotations

import bisect
import collections
import enum
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QImage

from evidence_kit.domain import ItemKind
from evidence_kit.ui import texts
from evidence_kit.ui.models.rows import ItemRow, TrustedState
from evidence_kit.ui.models.thumbnails import ThumbnailCache
from evidence_kit.ui.qt_compat import no_value

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self._rows: list[ItemRow] = []  # in the order shown (sorted)
        self._by_id: dict[int, ItemRow] = {}
        self._by_id_order: list[ItemRow] = []  # the same rows by id: where every sort starts
        self._positions: dict[int, int] | None = {}  # id -> position; made again when asked after a sort
        self._platforms: collections.Counter[str] = collections.Counter()
        self._categories: collections.Counter[str] = collections.Counter()
        self._thumbnails = ThumbnailCache(self)
        self._thumbnails.wanted.connect(self.thumbnail_wanted)
        self._icons: dict[ItemKind, QIcon] = {}

    # ----------------------------------------------------------------- contents

    def rows(self) -> Sequence[ItemRow]:
        return self._rows

    def row_by_id(self, item_id: int) -> ItemRow | None:
        return self._by_id.get(item_id)

    def position_of(self, item_id: int) -> int | None:
        return self._position_index().get(item_id)

    def platforms(self) -> list[str]:
        """The platforms of the rows (chats), sorted; kept up to date as rows come and change."""
        return sorted(p for p, n in self._platforms.items() if n > 0 and p)

    def categories(self) -> list[str]:
        """The categories the rows have, sorted (no empty one)."""
        return sorted(c for c, n in self._categories.items() if n > 0 and c)

    def set_rows(self, rows: Iterable[ItemRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id = {row.id: row for row in self._rows}
        self._by_id_order = sorted(self._rows, key=_ID)  # a single pass: the vault lists by id
        self._positions = None
        self._platforms = collections.Counter(row.platform for row in self._rows)
        self._categories = collections.Counter(row.summary.category for row in self._rows)
        self._thumbnails.clear()
        self.endResetModel()
        self.contents_changed.emit()

    def clear(self) -> None:
        """Forget everything (the vault locked): rows and thumbnails leave memory."""
        self.set_rows([])

    def add_rows(self, rows: Sequence[ItemRow]) -> None:
        """New rows go at the end (the order a sort gave the others stays)."""
        fresh: dict[int, ItemRow] = {}
        for row in rows:
            if row.id not in self._by_id:
                fresh.setdefault(row.id, row)
        if not fresh:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh.values())
        by_id = self._by_id_order
        for offset, row in enumerate(fresh.values()):
            self._by_id[row.id] = row
            if self._positions is not None:
                self._positions[row.id] = start + offset
            if not by_id or by_id[-1].id < row.id:
                by_id.append(row)  # new items have the highest ids
            else:
                bisect.insort(by_id, row, key=_ID)
            self._platforms[row.platform] += 1
            self._categories[row.summary.category] += 1
        self.endInsertRows()
        self.contents_changed.emit()

    def replace_row(self, row: ItemRow) -> None:
        position = self.position_of(row.id)
        if position is None:
            return
        old = self._rows[position]
        self._rows[position] = row
        self._by_id[row.id] = row
        self._by_id_order[bisect.bisect_left(self._by_id_order, row.id, key=_ID)] = row
        if old.platform != row.platform:
            self._platforms[old.platform] -= 1
            self._platforms[row.platform] += 1
        if old.summary.category != row.summary.category:
            self._categories[old.summary.category] -= 1
            self._categories[row.summary.category] += 1
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
        self.contents_changed.emit()

    def set_thumbnails(self, images: dict[int, QImage]) -> None:
        """The answer to `thumbnail_wanted` (also when empty): the next batch may be asked for."""
        self._thumbnails.answered()
        positions = self._position_index() if images else {}
        for item_id, image in images.items():
            position = positions.get(item_id)
            if position is None:
                continue  # asked for before the rows went (the vault locked): not kept
            self._thumbnails.put(item_id, image)
            cell = self.index(position, Column.TITLE)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])
        self._thumbnails.settle()

    def thumbnails_failed(self) -> None:
        """The thumbnail job failed: forget what it asked for (drawn again, it is asked again)."""
        self._thumbnails.failed()

    def thumbnail(self, item_id: int) -> QIcon | None:
        return self._thumbnails.get(item_id)

    def _position_index(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {row.id: position for position, row in enumerate(self._rows)}
        return self._positions

    # ----------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = self.header_text(section, orientation, role)
        return no_value() if value is None else value

    def header_text(self, section: int, orientation: Qt.Orientation, role: int) -> str | None:
        """A column's name (also for the filtered view), or None for no header there."""
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
        if not index.isValid():
            return no_value()
        value = self.cell(index.row(), index.column(), role)
        return no_value() if value is None else value

    def cell(self, position: int, column: int, role: int) -> Any:
        """What row `position`, column `column` shows in `role` (None for nothing)."""
        if not 0 <= position < len(self._rows) or column not in Column._value2member_map_:
            return None
        row = self._rows[position]
        column = Column(column)
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
            return texts.dated_text(row.shown_time, row.summary.kind)
        if column == Column.PLATFORM:
            return texts.platform_name(row.platform)
        if column == Column.SENDER:
            return row.sender
        if column == Column.TITLE:
            return f"⊘ {row.title}" if row.summary.withheld else row.title  # marked sensitive
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
            return texts.source_text(row.shown_time, row.summary.kind)
        if column == Column.NOTE and row.summary.note:
            return row.summary.note[:500]
        if column == Column.TITLE and row.summary.withheld:
            mark = self.tr("Sensitive: withheld from dossiers ({reason})")
            return row.summary.original_name + "\n" + mark.format(reason=row.summary.withhold_reason)
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
        thumbnail = self._thumbnails.touch(row.id)
        if thumbnail is not None:
            return thumbnail
        if row.summary.kind == ItemKind.IMAGE:
            self._thumbnails.want(row.id)
        return self._icon(row.summary.kind)

    def _icon(self, kind: ItemKind) -> QIcon:
        if kind not in self._icons:
            from evidence_kit.ui.widgets.icons import kind_icon

            self._icons[kind] = kind_icon(kind)
        return self._icons[kind]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row by a key made when the row was (ties in item order)."""
        if column not in Column._value2member_map_:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        held = [
            (index, self._rows[index.row()].id)
            for index in self.persistentIndexList()
            if 0 <= index.row() < len(self._rows)
        ]
        # One stable sort with a C-level key, starting from the rows in id order (reversed when
        # sorting down), puts equal keys in id order: a quarter of the time of a (key, id) tuple
        # per row, for 100,000 rows.
        start = self._by_id_order[::-1] if descending else self._by_id_order
        if column == Column.KIND:
            self._rows = _by_kind_name(start, descending)
        else:
            self._rows = sorted(start, key=_sort_key(Column(column)), reverse=descending)
        self._positions = None
        if held:
            positions = self._position_index()
            self.changePersistentIndexList(
                [index for index, _id in held],
                [self.index(positions[item_id], index.column()) for index, item_id in held],
            )
        self.layoutChanged.emit()


_ID = operator.attrgetter("id")
_KIND = operator.attrgetter("summary.kind")


def _by_kind_name(rows: Sequence[ItemRow], descending: bool) -> list[ItemRow]:
    """`rows` by translated kind name; within a kind in the order given (a stable sort)."""
    groups = [
        (texts.kind_name(kind), list(group))
        for kind, group in itertools.groupby(sorted(rows, key=_KIND), _KIND)
    ]
    groups.sort(key=operator.itemgetter(0), reverse=descending)
    return list(itertools.chain.from_iterable(group for _name, group in groups))


def _sort_key(column: Column) -> Callable[[ItemRow], Any]:
    attribute = {
        Column.DATE: "date_key",
        Column.PLATFORM: "platform",
        Column.SENDER: "sender_key",
        Column.TITLE: "title_key",
        Column.CATEGORY: "category_key",
        Column.NOTE: "note_key",
        Column.TRUSTED: "trusted.value",
    }[column]
    return operator.attrgetter(attribute)
