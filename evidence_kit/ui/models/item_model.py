"""The evidence list's models, in one place to import them from.

Rules: the models never touch the vault, and nothing in them calls Python once per row from
C++, so a vault of 100,000 items opens, sorts, filters and scrolls without stalls. Each part
lives in a module of its own:

- `item_table.py`: `ItemTableModel`, every `ItemRow` in the order shown, and its sorting;
- `item_filter.py`: `ItemFilterProxy`, the rows that pass the filter (`ItemFilter`);
- `thumbnails.py`: `ThumbnailCache`, the pictures' thumbnails, asked for only when drawn.
"""

from __future__ import annotations

from evidence_kit.ui.models.item_filter import MAX_SINGLE_MOVES, ItemFilter, ItemFilterProxy
from evidence_kit.ui.models.item_table import ROW_ROLE, AnyIndex, Column, ItemTableModel
from evidence_kit.ui.models.thumbnails import MAX_THUMBNAILS, THUMBNAIL_BATCH, ThumbnailCache

__all__ = [
    "MAX_SINGLE_MOVES",
    "MAX_THUMBNAILS",
    "ROW_ROLE",
    "THUMBNAIL_BATCH",
    "AnyIndex",
    "Column",
    "ItemFilter",
    "ItemFilterProxy",
    "ItemTableModel",
    "ThumbnailCache",
]
