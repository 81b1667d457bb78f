"""The originals copied into the package: checked against their hash, here or on a thread of their own.

Rule: an original is streamed into its new file (mode 0600, never overwriting) and hashed as it
is written; a copy whose size or SHA-256 differs from what the vault recorded is refused
(ExtractMismatchError) and the whole package with it. `copy_original` does that on the calling
thread. `BackgroundCopies` does the same while the dossier's PDF is laid out (the two need
nothing of each other: the manifest holds the recorded hashes, not the copies): on one worker
thread, reading over a read-only vault connection of its own (`storage.original_reader`: the
vault's connection is never shared between threads), one stored chunk per short read. The
worker reports nothing itself; the calling thread takes its outcome with `finish()`, which waits
for it and raises what went wrong (a copy that does not match, a full disk, a cancel), and
`stop()` ends it after the chunk it is writing, before the unfinished package is removed.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Protocol, cast

from evidence_kit.dossier.package_io import create_file, os_error
from evidence_kit.errors import CancelledError, ExtractMismatchError
from evidence_kit.hashing import read_chunks
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo


class CopiedItem(Protocol):
    """What a copy needs of an item (`package.PackageItem` has it): its id, recorded hash and
    size, and how to open its bytes on the calling thread."""

    @property
    def item_id(self) -> int: ...
    @property
    def sha256(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def open(self) -> Callable[[], BinaryIO | Iterator[bytes]]: ...


class Progress:
    """Files and bytes copied so far, reported to `callback` (None: not reported)."""

    def __init__(self, callback: ProgressCallback | None, total_files: int, total_bytes: int) -> None:
        self.callback = callback
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.done_files = 0
        self.done_bytes = 0

    def report(self, current: str) -> None:
        if self.callback is not None:
            self.callback(
                ProgressInfo(self.done_files, self.total_files, self.done_bytes, self.total_bytes, current)
            )


def copy_original(
    item: CopiedItem,
    target: Path,
    out_dir: Path,
    progress: Progress,
    cancel: CancelToken | None,
    chunks: Iterator[bytes] | None = None,
) -> None:
    """Stream one original into `target`, hashing as it goes; refuse a copy that does not match.

    Its bytes come from `chunks` when given (the worker's own reader), else from `item.open()`.
    """
    digest = hashlib.sha256()
    size = 0
    with create_file(target) as handle:
        source = item.open() if chunks is None else chunks
        try:
            for chunk in _chunks_of(source):
                if cancel is not None:
                    cancel.check()
                digest.update(chunk)
                size += len(chunk)
                if size > item.size:
                    break  # longer than recorded: no need to copy the rest to know it is wrong
                handle.write(chunk)
                progress.done_bytes += len(chunk)
                progress.report(target.name)
        finally:
            close = getattr(source, "close", None)
            if callable(close):
                close()
    if size != item.size or digest.hexdigest() != item.sha256.lower():
        raise ExtractMismatchError(item_id=item.item_id, path=str(out_dir))


def _chunks_of(source: BinaryIO | Iterator[bytes]) -> Iterator[bytes]:
    if hasattr(source, "read"):
        # Read fixed-size chunks: iterating a binary file would yield "lines" of any length.
        yield from read_chunks(cast(BinaryIO, source))
    else:
        yield from source


class OriginalChunks(Protocol):
    """Where the worker reads originals (`vault.original_reader()`), on the worker thread only."""

    def chunks(self, item_id: int) -> Iterator[bytes]: ...


OpenOriginalChunks = Callable[[], AbstractContextManager[OriginalChunks]]


class _Either(CancelToken):
    """Cancelled by `cancel()` (the caller giving up) or by the user's own token."""

    def __init__(self, user: CancelToken | None) -> None:
        super().__init__()
        self._user = user

    @property
    def stopped(self) -> bool:
        return super().cancelled

    def check(self) -> None:
        super().check()
        if self._user is not None:
            self._user.check()


class BackgroundCopies:
    """The copies `copy_original` would make, made on a worker thread (see the module's rule)."""

    def __init__(
        self,
        copies: Sequence[tuple[CopiedItem, Path]],
        open_originals: OpenOriginalChunks,
        out_dir: Path,
        cancel: CancelToken | None,
    ) -> None:
        self._copies = list(copies)
        self._open = open_originals
        self._out_dir = out_dir
        self._stop = _Either(cancel)  # set by `stop()` (or the user's cancel): ends it after a chunk
        self._error: BaseException | None = None
        self._worker = threading.Thread(target=self._work, name="package-originals", daemon=True)

    def start(self) -> None:
        self._worker.start()

    def finish(self) -> None:
        """Wait for every copy; raise what stopped them (the first failure), if anything did."""
        self._worker.join()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """End the copying early (the package is being given up) and wait until it has ended."""
        self._stop.cancel()
        if self._worker.is_alive():
            self._worker.join()

    def _work(self) -> None:
        unreported = Progress(None, len(self._copies), 0)
        try:
            with self._open() as originals:
                for item, target in self._copies:
                    self._stop.check()
                    chunks = originals.chunks(item.item_id)
                    copy_original(item, target, self._out_dir, unreported, self._stop, chunks)
        except CancelledError as error:
            # A stop is the caller giving up (nothing to report); a user's cancel is reported.
            self._error = None if self._stop.stopped else error
        except OSError as error:
            self._error = os_error(error, self._out_dir)
        except BaseException as error:  # handed to the calling thread, which reports it
            self._error = error
