"""The evidence list: search and filters above a sortable table of every item.

Rule: typing in the search box filters after a short pause (debounced); filtering and
sorting are one pass in Python over rows prepared on the worker thread (see
`models/item_table.py` and `models/item_filter.py`), so a vault of 100,000 items stays
responsive; the table only asks for what it draws. An empty vault shows no filters (there is
nothing to filter) but one calm page saying how evidence comes in, with a link to each
step-by-step export guide (`empty_vault.py`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import ItemKind, TimeSource
from evidence_kit.ui import texts
from evidence_kit.ui.models.item_filter import ItemFilterProxy
from evidence_kit.ui.models.item_table import Column, ItemTableModel
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.views.empty_vault import EmptyVault

SEARCH_PAUSE_MS = 250
NARROW = 960  # pixels: below this the list shows fewer columns
ANY = "\x00any"


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class EvidenceList(QWidget):
    open_item = Signal(int)
    withhold_requested = Signal(int)  # mark an item sensitive, or clear its mark (context menu)

    def __init__(self, model: ItemTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = ItemFilterProxy(self)
        self.proxy.setSourceModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.filters = QWidget(self)
        filters = QVBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search names, notes and messages (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("All kinds"), ANY)
        for kind, label in texts.kind_names():
            self.kind.addItem(label, str(kind))
        bar.addWidget(self.kind, 1)
        self.platform = QComboBox(self)
        self.platform.setAccessibleName(self.tr("Platform"))
        bar.addWidget(self.platform, 1)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category"))
        bar.addWidget(self.category, 1)
        filters.addLayout(bar)

        dates = QHBoxLayout()
        self.use_dates = QCheckBox(self.tr("Only dates from"), self)
        self.date_from = QDateEdit(self)
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QDateEdit(self)
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        self.date_to.setAccessibleName(self.tr("To date"))
        today = QDate.currentDate()
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.count = QLabel(self)
        dates.addWidget(self.count)
        filters.addLayout(dates)
        layout.addWidget(self.filters)
        self.pages = QStackedWidget(self)

        self.table = QTableView(self.pages)
        self.table.setObjectName("evidenceTable")
        self.table.setAccessibleName(self.tr("Evidence"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(32, 32))
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.KIND, 80),
            (Column.DATE, self._date_width()),
            (Column.PLATFORM, 90),
            (Column.SENDER, 150),
            (Column.CATEGORY, 110),
            (Column.NOTE, 50),
            (Column.TRUSTED, 130),
        ):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.empty = EmptyVault(self.pages)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._pause.start)
        for combo in (self.kind, self.platform, self.category):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        model.contents_changed.connect(self._contents_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._contents_changed()

    # ----------------------------------------------------------------- filters

    def _contents_changed(self) -> None:
        self._refill(self.platform, self.tr("All platforms"), self.model.platforms(), texts.platform_name)
        self._refill(
            self.category,
            self.tr("All categories"),
            self.model.categories(),
            lambda c: c,
            extra=(self.tr("No category"), ItemFilterProxy.NO_CATEGORY),
        )
        self._update_count()

    def _refill(
        self,
        combo: QComboBox,
        all_label: str,
        values: list[str],
        label: object,
        extra: tuple[str, str] | None = None,
    ) -> None:
        wanted = [ANY, *values] + ([extra[1]] if extra else [])
        present = [combo.itemData(i) for i in range(combo.count())]
        if present == wanted:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ANY)
        for value in values:
            combo.addItem(label(value) if callable(label) else value, value)
        if extra:
            combo.addItem(extra[0], extra[1])
        position = combo.findData(current)
        combo.setCurrentIndex(max(position, 0))
        combo.blockSignals(False)

    def apply_filter(self) -> None:
        kind = self.kind.currentData()
        platform = self.platform.currentData()
        category = self.category.currentData()
        date_from: date | None = None
        date_to: date | None = None
        if self.use_dates.isChecked():
            date_from = _day(self.date_from.date())
            date_to = _day(self.date_to.date())
        changed = self.proxy.set_filter(
            words=self.search.text(),
            kind=ItemKind(kind) if kind not in (None, ANY) else None,
            platform=platform if platform not in (None, ANY) else None,
            category=category if category not in (None, ANY) else None,
            date_from=date_from,
            date_to=date_to,
        )
        if changed:
            # New results are shown from their start; a selected row that still passes stays in view.
            current = self.table.currentIndex()
            if current.isValid() and self.table.selectionModel().isSelected(current):
                self.table.scrollTo(current)
            else:
                self.table.scrollToTop()
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.filters.setVisible(total > 0)
        self.pages.setCurrentWidget(self.table if total else self.empty)
        if shown == total:
            self.count.setText(self.tr("%n item(s)", "", total))
        else:
            self.count.setText(self.tr("{shown} of %n item(s)", "", total).format(shown=shown))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # On a small screen the name of the item matters most: the columns that can wait give
        # it their room (they stay in the item's page and in the filters).
        narrow = event.size().width() < NARROW
        for column in (Column.PLATFORM, Column.CATEGORY, Column.TRUSTED):
            self.table.setColumnHidden(column, narrow)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ----------------------------------------------------------------- selection

    def _date_width(self) -> int:
        """Wide enough for a date and the longest word for where it comes from."""
        shown = (TimeSource.CONTENT, TimeSource.FILE_NAME, TimeSource.FILE_METADATA, TimeSource.IMPORT_CLOCK)
        words = [texts.short_source_name(source) for source in shown]
        metrics = self.table.fontMetrics()
        return max(metrics.horizontalAdvance(f"0000-00-00 00:00 \u00b7 {word}") for word in words) + 16

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index.row())
        if row is not None:
            self.open_item.emit(row.id)

    def context_menu_for(self, row: ItemRow) -> QMenu:
        menu = QMenu(self.table)
        menu.addAction(self.tr("Open")).triggered.connect(lambda: self.open_item.emit(row.id))
        text = self.tr("Remove the sensitive mark") if row.summary.withheld else self.tr("Mark sensitive…")
        menu.addAction(text).triggered.connect(lambda: self.withhold_requested.emit(row.id))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        row = self.proxy.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.context_menu_for(row).exec(self.table.viewport().mapToGlobal(pos))

    def selected_rows(self) -> list[ItemRow]:
        rows = []
        for index in self.table.selectionModel().selectedRows():
            row = self.proxy.row_at(index.row())
            if row is not None:
                rows.append(row)
        return rows

    def visible_rows(self) -> list[ItemRow]:
        """Every row that passes the filters, in the order shown (not only those on screen)."""
        return self.proxy.shown_rows()

    def row_at(self, table_row: int) -> ItemRow | None:
        """The row the table shows at `table_row`."""
        return self.proxy.row_at(table_row)

    def select_item(self, item_id: int) -> None:
        position = self.model.position_of(item_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
