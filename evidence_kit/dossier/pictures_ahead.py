"""The dossier's pictures made ahead, on a second core, while the PDF is laid out.

Rule: originals are read from the vault on the calling thread only (the vault's connection is
never shared between threads); only the work on the bytes (decode, turn upright, scale, encode:
`picture.pdf_picture`, whose Pillow C code runs without the interpreter lock) runs on one worker
thread. At most `AHEAD` pictures are in flight, so memory does not depend on the number of
items, and the pictures are exactly those made one after another (a test compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from evidence_kit.dossier.pdf_picture import row_profile
from evidence_kit.dossier.picture import pdf_picture

AHEAD = 3  # pictures prepared ahead of the one the layout needs (each a few MB at most)

# The picture's JPEG and its row profile (`pdf_picture.row_profile`: where a tall one is cut).
Made = tuple[bytes, tuple[float, ...]]


def make(data: bytes) -> Made | None:
    """The PDF picture of an original and its row profile; None when Pillow cannot read it."""
    picture = pdf_picture(data)
    return None if picture is None else (picture, row_profile(picture))


class PicturesAhead:
    """`picture(i)`: the PDF picture of item i, made while items before it were laid out.

    `original(i)` gives the bytes to make item i's picture from, or None when it gets none (not
    an image, or withheld). Use it as a context manager; leaving it cancels what is still queued.
    """

    def __init__(self, count: int, original: Callable[[int], bytes | None]) -> None:
        self._count = count
        self._original = original
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-pictures")
        self._pending: dict[int, Future[Made | None]] = {}
        self._next = 0  # the next index to look at for submitting

    def __enter__(self) -> PicturesAhead:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()

    def picture(self, index: int) -> Made | None:
        """Item `index`'s picture (None: it has none, or Pillow could not read it)."""
        self._submit_up_to(index + AHEAD)
        future = self._pending.pop(index, None)
        return None if future is None else future.result()

    def _submit_up_to(self, last: int) -> None:
        while self._next <= min(last, self._count - 1):
            data = self._original(self._next)
            if data is not None:
                self._pending[self._next] = self._pool.submit(make, data)
            self._next += 1


def in_turn(originals: Sequence[bytes | None]) -> list[Made | None]:
    """The same pictures made one after another (what `PicturesAhead` must equal)."""
    return [None if data is None else make(data) for data in originals]
