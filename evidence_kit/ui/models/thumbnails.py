"""Thumbnails of the evidence list's pictures: which to ask for, and the ones that came.

Rules: a thumbnail is asked for only when its row is drawn, one batch at a time and newest
first, and kept in memory only (a bounded LRU; never Qt's disk caches). The cache never
touches the vault: it names the ids it wants (`wanted`, passed on as the table model's
`thumbnail_wanted`), and the model gives it the pictures that come back.
"""

from __future__ import annotations

import collections

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap

MAX_THUMBNAILS = 3000
# Thumbnails asked for in one job: more than a screen shows. Rows drawn longer ago than the
# newest batch (scrolled past while a job ran) are forgotten, and asked for again only if they
# are drawn again.
THUMBNAIL_BATCH = 64


class ThumbnailCache(QObject):
    """The thumbnails kept (by item id) and the queue of those to ask for.

    Drawn rows call `touch` and, for a picture without a thumbnail, `want`. Wanted ids wait
    until the event loop is free, then the newest `THUMBNAIL_BATCH` go out in one `wanted`;
    the next batch waits for the answer (`answered`, `put` and `settle`, or `failed`).
    """

    wanted = Signal(list)  # item ids whose thumbnails should be loaded

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons: collections.OrderedDict[int, QIcon] = collections.OrderedDict()
        self._requested: set[int] = set()
        self._pending: dict[int, None] = {}  # wanted, not yet asked for; oldest first
        self._asked: list[int] = []  # the batch a thumbnail job is loading now
        self._in_flight = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._emit_wanted)

    def get(self, item_id: int) -> QIcon | None:
        return self._icons.get(item_id)

    def touch(self, item_id: int) -> QIcon | None:
        """The thumbnail of a row being drawn, if there is one (it becomes the newest kept)."""
        icon = self._icons.get(item_id)
        if icon is not None:
            self._icons.move_to_end(item_id)
        return icon

    def want(self, item_id: int) -> None:
        """A picture without a thumbnail was drawn: ask for it (soon, with the others drawn)."""
        if item_id in self._pending:
            del self._pending[item_id]  # drawn again: newest again, so it is not passed over
            self._pending[item_id] = None
        elif item_id not in self._requested:
            self._requested.add(item_id)
            self._pending[item_id] = None
            self._flush.start()

    def clear(self) -> None:
        """Forget every thumbnail and every request (the rows were replaced or the vault locked)."""
        self._icons.clear()
        self._requested.clear()
        self._pending.clear()
        self._asked = []
        self._in_flight = False

    # ----------------------------------------------------------------- answers

    def answered(self) -> None:
        """The thumbnail job finished (its pictures follow through `put`, then `settle`)."""
        self._in_flight = False
        self._asked = []

    def put(self, item_id: int, image: QImage) -> None:
        # An icon, so the view scales it into the row whatever the picture's shape.
        self._icons[item_id] = QIcon(QPixmap.fromImage(image))
        self._icons.move_to_end(item_id)

    def settle(self) -> None:
        """Keep at most `MAX_THUMBNAILS` (the oldest go), then ask for the next batch if any."""
        while len(self._icons) > MAX_THUMBNAILS:
            old, _icon = self._icons.popitem(last=False)
            self._requested.discard(old)
        if self._pending:
            self._flush.start()

    def failed(self) -> None:
        """The thumbnail job failed: forget what it asked for (drawn again, it is asked again)."""
        self._in_flight = False
        self._requested.difference_update(self._asked)
        self._asked = []
        if self._pending:
            self._flush.start()

    def _emit_wanted(self) -> None:
        if self._in_flight or not self._pending:
            return
        wanted = list(self._pending)
        self._pending.clear()
        batch = wanted[-THUMBNAIL_BATCH:][::-1]  # the rows drawn last are the ones on screen
        self._requested.difference_update(wanted[:-THUMBNAIL_BATCH])
        self._in_flight = True
        self._asked = batch
        self.wanted.emit(batch)
