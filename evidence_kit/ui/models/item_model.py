"""The evidence list: a table model over every `ItemRow`, and the filtered view the table shows.

Rules: the models never touch the vault. Thumbnails are asked for only when a row is drawn
(`thumbnail_wanted`), one batch at a time and newest first, and kept in memory only (a
bounded LRU; never Qt's disk caches). Nothing here calls Python once per row from C++:
sorting sorts the source rows with precomputed keys (`ItemRow`), and `ItemFilterProxy`
keeps the list of rows that pass the filter itself, worked out in one Python pass, instead
of `QSortFilterProxyModel` asking `filterAcceptsRow` 100,000 times. So a vault of 100,000
items opens, sorts, filters and scrolls without stalls.
"""

from __future__ import annotations

import bisect
import collections
import enum
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QPixmap

from evidence_kit.domain import ItemKind
from evidence_kit.ui import texts
from evidence_kit.ui.models.rows import NO_DAY, ItemRow, TrustedState, fold
from evidence_kit.ui.qt_compat import no_value

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_THUMBNAILS = 3000
# Thumbnails asked for in one job: more than a screen shows. Rows drawn longer ago than the
# newest batch (scrolled past while a job ran) are forgotten, and asked for again only if they
# are drawn again.
THUMBNAIL_BATCH = 64


class Column(enum.IntEnum):
    KIND = 0
    DATE = 1
    PLATFORM = 2
    SENDER = 3
    TITLE = 4
    CATEGORY = 5
    NOTE = 6
    TRUSTED = 7


# An edit that makes more rows than this pass or fail the filter is shown as one layout change,
# not as a removal or insertion per row.
MAX_SINGLE_MOVES = 32
# Columns whose contents the filter never looks at: a change there keeps every row where it is.
_UNFILTERED_COLUMNS = frozenset({Column.TRUSTED})


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
        self._thumbnails: collections.OrderedDict[int, QIcon] = collections.OrderedDict()
        self._requested: set[int] = set()
        self._pending: dict[int, None] = {}  # wanted, not yet asked for; oldest first
        self._asked: list[int] = []  # the batch a thumbnail job is loading now
        self._in_flight = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._emit_wanted)
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
        self._requested.clear()
        self._pending.clear()
        self._asked = []
        self._in_flight = False
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
        self._in_flight = False
        self._asked = []
        positions = self._position_index() if images else {}
        for item_id, image in images.items():
            position = positions.get(item_id)
            if position is None:
                continue  # asked for before the rows went (the vault locked): not kept
            # An icon, so the view scales it into the row whatever the picture's shape.
            self._thumbnails[item_id] = QIcon(QPixmap.fromImage(image))
            self._thumbnails.move_to_end(item_id)
            cell = self.index(position, Column.TITLE)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])
        while len(self._thumbnails) > MAX_THUMBNAILS:
            old, _icon = self._thumbnails.popitem(last=False)
            self._requested.discard(old)
        if self._pending:
            self._flush.start()

    def thumbnails_failed(self) -> None:
        """The thumbnail job failed: forget what it asked for (drawn again, it is asked again)."""
        self._in_flight = False
        self._requested.difference_update(self._asked)
        self._asked = []
        if self._pending:
            self._flush.start()

    def thumbnail(self, item_id: int) -> QIcon | None:
        return self._thumbnails.get(item_id)

    def _position_index(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {row.id: position for position, row in enumerate(self._rows)}
        return self._positions

    def _emit_wanted(self) -> None:
        if self._in_flight or not self._pending:
            return
        wanted = list(self._pending)
        self._pending.clear()
        batch = wanted[-THUMBNAIL_BATCH:][::-1]  # the rows drawn last are the ones on screen
        self._requested.difference_update(wanted[:-THUMBNAIL_BATCH])
        self._in_flight = True
        self._asked = batch
        self.thumbnail_wanted.emit(batch)

    # ----------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = self._header(section, orientation, role)
        return no_value() if value is None else value

    def _header(self, section: int, orientation: Qt.Orientation, role: int) -> str | None:
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
        if row.summary.kind == ItemKind.IMAGE:
            if row.id in self._pending:
                del self._pending[row.id]  # drawn again: newest again, so it is not passed over
                self._pending[row.id] = None
            elif row.id not in self._requested:
                self._requested.add(row.id)
                self._pending[row.id] = None
                self._flush.start()
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


# ----------------------------------------------------------------- the filtered view


@dataclass(frozen=True)
class ItemFilter:
    """What the list is filtered by; the default shows everything."""

    words: tuple[str, ...] = ()  # folded
    kind: ItemKind | None = None
    platform: str | None = None
    category: str | None = None  # ItemFilterProxy.NO_CATEGORY: rows without one
    date_from: date | None = None
    date_to: date | None = None

    @property
    def everything(self) -> bool:
        return self == ItemFilter()

    def narrows(self, other: ItemFilter) -> bool:
        """True when every row this filter passes also passes `other` (so only those need a look)."""
        return (self.kind, self.platform, self.category, self.date_from, self.date_to) == (
            other.kind,
            other.platform,
            other.category,
            other.date_from,
            other.date_to,
        ) and all(any(old in new for new in self.words) for old in other.words)

    def select(self, rows: Sequence[ItemRow], candidates: Iterable[int]) -> list[int]:
        """The positions among `candidates` whose rows pass, in the order given.

        One list comprehension per condition, cheapest first: the C loop does most of the work,
        and each later condition looks only at what the earlier ones kept.
        """
        kept: Iterable[int] = candidates
        if self.kind is not None:
            kind = self.kind
            kept = [i for i in kept if rows[i].summary.kind == kind]
        if self.platform is not None:
            platform = self.platform
            kept = [i for i in kept if rows[i].platform == platform]
        if self.category is not None:
            category = "" if self.category == ItemFilterProxy.NO_CATEGORY else self.category
            kept = [i for i in kept if rows[i].summary.category == category]
        if self.date_from is not None or self.date_to is not None:
            low = self.date_from.toordinal() if self.date_from is not None else NO_DAY + 1
            high = self.date_to.toordinal() if self.date_to is not None else date.max.toordinal()
            kept = [i for i in kept if low <= rows[i].day <= high]
        for word in self.words:
            kept = [i for i in kept if word in rows[i].content_text or word in rows[i].meta_text]
        return kept if isinstance(kept, list) else list(kept)


class ItemFilterProxy(QAbstractTableModel):
    """The rows of an `ItemTableModel` that pass the filter, in the source's (sorted) order.

    Not a QSortFilterProxyModel: that one calls the Python `filterAcceptsRow` once per source
    row on every filter change, sort and reset, which stalls the window for a second with
    100,000 rows. Here the passing rows are worked out in one pass over precomputed row data;
    the view learns of a new filter or order through one layout change, which keeps the
    selection on the rows that stay. Drawing asks the source for only the visible cells.
    """

    NO_CATEGORY = "\x00none"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: ItemTableModel | None = None
        self._filter = ItemFilter()
        self._shown: list[int] = []  # source positions, in source order
        self._row_of: dict[int, int] | None = None  # source position -> row here (made when needed)
        self._held: list[tuple[QModelIndex, int]] = []  # during a source layout change
        self._kept_ids: set[int] | None = None

    # ----------------------------------------------------------------- the source

    def setSourceModel(self, model: ItemTableModel) -> None:
        """Show `model`'s rows (once: a list keeps its model for its whole life)."""
        assert self._source is None, "the source model is set once"
        self.beginResetModel()
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsAboutToBeRemoved.connect(self.beginResetModel)  # never done by ItemTableModel
        model.rowsRemoved.connect(self._source_reset)
        model.rowsInserted.connect(self._source_inserted)
        model.dataChanged.connect(self._source_changed)
        model.layoutAboutToBeChanged.connect(self._source_layout_changing)
        model.layoutChanged.connect(self._source_layout_changed)
        self._shown = self._passing(None)
        self._row_of = None
        self.endResetModel()

    def sourceModel(self) -> ItemTableModel:
        assert self._source is not None, "no source model"
        return self._source

    def _rows(self) -> Sequence[ItemRow]:
        return self._source.rows() if self._source is not None else ()

    def _passing(self, candidates: Iterable[int] | None) -> list[int]:
        rows = self._rows()
        if candidates is None:
            candidates = range(len(rows))
            if self._filter.everything:
                return list(candidates)
        return self._filter.select(rows, candidates)

    def _rows_of(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {position: row for row, position in enumerate(self._shown)}
        return self._row_of

    def _source_reset(self) -> None:
        self._shown = self._passing(None)
        self._row_of = None
        self.endResetModel()

    def _source_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        if self._shown and self._shown[-1] >= first:
            # Rows went in before others (ItemTableModel only appends): positions moved, start over.
            self.beginResetModel()
            self._source_reset()
            return
        passing = self._passing(range(first, last + 1))
        if not passing:
            return
        start = len(self._shown)
        self.beginInsertRows(QModelIndex(), start, start + len(passing) - 1)
        self._shown.extend(passing)
        if self._row_of is not None:
            for offset, position in enumerate(passing):
                self._row_of[position] = start + offset
        self.endInsertRows()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Sequence[int] = ()) -> None:
        if not top.isValid() or not bottom.isValid():
            return
        first, last = top.row(), bottom.row()
        columns = range(top.column(), bottom.column() + 1)
        refilter = not self._filter.everything and (
            not roles or any(r in (Qt.ItemDataRole.DisplayRole, ROW_ROLE) for r in roles)
        )
        if refilter and all(c in _UNFILTERED_COLUMNS for c in columns):
            refilter = False
        if refilter:
            now = set(self._filter.select(self._rows(), range(first, last + 1)))
            before = set(self._shown[self._span(first, last)])
            if len(now ^ before) > MAX_SINGLE_MOVES:
                self._relayout(self._passing(None))  # many rows at once: one layout change
            elif now != before:
                self._refilter_changed(before - now, now - before)
        # Tell the view about the rows still here that changed (one range: it repaints once).
        span = self._span(first, last)
        if span.start < span.stop:
            self.dataChanged.emit(
                self.index(span.start, top.column()), self.index(span.stop - 1, bottom.column()), roles
            )

    def _span(self, first: int, last: int) -> slice:
        """The rows here whose source positions lie in first..last (`_shown` is sorted)."""
        return slice(bisect.bisect_left(self._shown, first), bisect.bisect_right(self._shown, last))

    def _refilter_changed(self, leaving: set[int], coming: set[int]) -> None:
        """Changed rows that now fail leave, rows that now pass come in at their place."""
        for position in sorted(leaving, reverse=True):
            row = bisect.bisect_left(self._shown, position)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self._row_of = None
            self.endRemoveRows()
        for position in sorted(coming):
            row = bisect.bisect_left(self._shown, position)
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(row, position)
            self._row_of = None
            self.endInsertRows()

    def _source_layout_changing(self) -> None:
        # The source is about to move its rows: remember which item each held index shows.
        rows = self._rows()
        self.layoutAboutToBeChanged.emit()
        self._held = self._held_ids(rows)
        self._kept_ids = None if self._filter.everything else {rows[position].id for position in self._shown}

    def _source_layout_changed(self) -> None:
        rows = self._rows()
        kept = self._kept_ids
        if kept is None:
            shown = list(range(len(rows)))
        else:
            # The same rows pass as before; only their places changed.
            shown = [position for position, row in enumerate(rows) if row.id in kept]
        self._kept_ids = None
        self._finish_layout(shown, self._held)
        self._held = []

    # ----------------------------------------------------------------- filtering

    def set_filter(
        self,
        *,
        words: str = "",
        kind: ItemKind | None = None,
        platform: str | None = None,
        category: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> bool:
        """Filter by these; returns False when that is what the filter already was."""
        wanted = ItemFilter(tuple(fold(words).split()), kind, platform, category, date_from, date_to)
        if wanted == self._filter:
            return False
        narrower = wanted.narrows(self._filter)
        self._filter = wanted
        self._relayout(self._passing(self._shown if narrower else None))
        return True

    @property
    def current_filter(self) -> ItemFilter:
        return self._filter

    def _relayout(self, shown: list[int]) -> None:
        """Show `shown` instead, as one layout change that keeps the rows that stay selected."""
        self.layoutAboutToBeChanged.emit()
        rows = self._rows()
        self._finish_layout(shown, self._held_ids(rows))

    def _held_ids(self, rows: Sequence[ItemRow]) -> list[tuple[QModelIndex, int]]:
        """The indexes the views hold (selection, current row) and the item each one shows."""
        return [
            (index, rows[self._shown[index.row()]].id)
            for index in self.persistentIndexList()
            if 0 <= index.row() < len(self._shown)
        ]

    def _finish_layout(self, shown: list[int], held: list[tuple[QModelIndex, int]]) -> None:
        source = self._source
        self._shown = shown
        self._row_of = None
        if held and source is not None:
            row_of = self._rows_of()
            moved_from: list[QModelIndex] = []
            moved_to: list[QModelIndex] = []
            for index, item_id in held:
                position = source.position_of(item_id)
                row = row_of.get(position) if position is not None else None
                moved_from.append(index)
                moved_to.append(self.index(row, index.column()) if row is not None else QModelIndex())
            self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    # ----------------------------------------------------------------- mapping

    def mapToSource(self, index: AnyIndex) -> QModelIndex:
        if not index.isValid() or self._source is None or not 0 <= index.row() < len(self._shown):
            return QModelIndex()
        return self._source.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        row = self._rows_of().get(index.row())
        return self.index(row, index.column()) if row is not None else QModelIndex()

    def row_at(self, proxy_row: int) -> ItemRow | None:
        if not 0 <= proxy_row < len(self._shown):
            return None
        return self._rows()[self._shown[proxy_row]]

    def shown_rows(self) -> list[ItemRow]:
        """Every row that passes, in the order shown."""
        rows = self._rows()
        return [rows[position] for position in self._shown]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)

    # ----------------------------------------------------------------- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = self._source._header(section, orientation, role) if self._source is not None else None
        return no_value() if value is None else value

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if self._source is None or not index.isValid() or not 0 <= row < len(self._shown):
            return no_value()
        value = self._source.cell(self._shown[row], index.column(), role)
        return no_value() if value is None else value
