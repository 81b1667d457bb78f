"""The dossier's pictures made ahead, on a second core, while the PDF is laid out.

Rule: one worker thread reads the originals of the items that get a picture, in dossier order,
over a read-only vault connection of its own (`storage.original_reader`: the vault's own
connection is never shared between threads), and makes each picture and its row profile
(`picture.pdf_picture_with_rows`, Pillow C code that runs without the interpreter lock). It works as far
ahead of the layout as `AHEAD_BYTES` of finished pictures allow, so the pictures of the
screenshots at the end of a case are ready while its chats are still being laid out, and memory
does not depend on the number of items. The pictures are exactly those made one after another
(a test compares them). A failure to read the vault reaches the caller when it asks for that
picture, as if it had read it itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Protocol

from evidence_kit.dossier.picture import pdf_picture_with_rows

# Finished pictures held for the layout at most (JPEG bytes and row profiles, counted together).
# A phone screenshot's picture is a few hundred KB, so this is a hundred or more pictures ahead.
AHEAD_BYTES = 48 * 1024 * 1024

# The picture's JPEG and its row profile (`picture.rows_of`: where a tall one is cut).
Made = tuple[bytes, bytes]


class Originals(Protocol):
    """Where the worker reads originals (`vault.original_reader()`); used on the worker thread only."""

    def read(self, item_id: int) -> bytes: ...


OpenOriginals = Callable[[], AbstractContextManager[Originals]]


def make(data: bytes) -> Made | None:
    """The PDF picture of an original and its row profile; None when Pillow cannot read it."""
    return pdf_picture_with_rows(data)


def _held(made: Made | None) -> int:
    return 0 if made is None else len(made[0]) + len(made[1])


class PicturesAhead:
    """`picture(i)`: the PDF picture of item i, made while the items before it were laid out.

    `wanted` maps the index of every item that gets a picture (an image, not withheld) to its
    item id, and `open_originals` opens the reader the worker reads them with. Ask for the
    pictures in index order. Use it as a context manager: leaving it stops the worker (after the
    picture it is making) and closes its reader.
    """

    def __init__(self, wanted: Mapping[int, int], open_originals: OpenOriginals) -> None:
        self._wanted = dict(sorted(wanted.items()))
        self._open = open_originals
        self._changed = threading.Condition()
        self._done: dict[int, Made | None] = {}  # made and not yet asked for, by index
        self._held = 0  # bytes of `_done`
        self._failed: tuple[int, BaseException] | None = None  # the index it stopped at, and why
        self._finished = False
        self._stopping = False
        self._worker = threading.Thread(target=self._work, name="dossier-pictures", daemon=True)

    def __enter__(self) -> PicturesAhead:
        if self._wanted:
            self._worker.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._worker.is_alive():
            self._worker.join()
        self._done.clear()

    def picture(self, index: int) -> Made | None:
        """Item `index`'s picture (None: it has none, or Pillow could not read it)."""
        if index not in self._wanted:
            return None
        with self._changed:
            # Pictures before `index` that were never asked for (a skipped item) make room.
            for earlier in [i for i in self._done if i < index]:
                self._held -= _held(self._done.pop(earlier))
            while index not in self._done:
                if self._failed is not None and self._failed[0] <= index:
                    raise self._failed[1]
                if self._finished:
                    return None  # asked out of order: its picture was let go
                self._changed.wait()
            made = self._done.pop(index)
            self._held -= _held(made)
            self._changed.notify_all()
            return made

    def _work(self) -> None:
        current = -1
        try:
            with self._open() as originals:
                for index, item_id in self._wanted.items():
                    current = index
                    with self._changed:
                        # Room for one more: always when nothing is held, so one large picture passes.
                        while self._held and self._held >= AHEAD_BYTES and not self._stopping:
                            self._changed.wait()
                        if self._stopping:
                            return
                    made = make(originals.read(item_id))
                    with self._changed:
                        self._done[index] = made
                        self._held += _held(made)
                        self._changed.notify_all()
        except BaseException as error:  # handed to the layout's thread, which reports it
            with self._changed:
                self._failed = (current, error)
        finally:
            with self._changed:
                self._finished = True
                self._changed.notify_all()


def in_turn(originals: Mapping[int, bytes | None]) -> dict[int, Made | None]:
    """The same pictures made one after another (what `PicturesAhead` must equal)."""
    return {index: None if data is None else make(data) for index, data in originals.items()}
