"""The filtered view of the evidence list: the rows of an `ItemTableModel` that pass the filter.

Rules: nothing here calls Python once per row from C++. `ItemFilterProxy` keeps the list of
rows that pass the filter itself, worked out in one Python pass over precomputed row data
(`ItemFilter.select`), instead of `QSortFilterProxyModel` asking `filterAcceptsRow` 100,000
times. So a vault of 100,000 items filters and scrolls without stalls.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from evidence_kit.domain import ItemKind
from evidence_kit.ui.models.item_table import ROW_ROLE, AnyIndex, Column, ItemTableModel
from evidence_kit.ui.models.rows import NO_DAY, ItemRow, fold
from evidence_kit.ui.qt_compat import no_value

# An edit that makes more rows than this pass or fail the filter is shown as one layout change,
# not as a removal or insertion per row.
MAX_SINGLE_MOVES = 32
# Columns whose contents the filter never looks at: a change there keeps every row where it is.
_UNFILTERED_COLUMNS = frozenset({Column.TRUSTED})


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
        value = self._source.header_text(section, orientation, role) if self._source is not None else None
        return no_value() if value is None else value

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if self._source is None or not index.isValid() or not 0 <= row < len(self._shown):
            return no_value()
        value = self._source.cell(self._shown[row], index.column(), role)
        return no_value() if value is None else value
