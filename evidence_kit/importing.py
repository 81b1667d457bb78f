"""Adding a batch of paths to a vault: walking folders, one item per file, nothing lost.

Rule: a batch never stops at a bad file. Every path gets an `AddResult` (the items it became,
or the translated-template error that stopped it) so the CLI and the GUI can show the import
report; the other files still go in, and the vault stays consistent because each item is
its own transaction. Symlinked folders are not followed (no loops, no escaping the folder
the user chose); files are taken in a stable, sorted order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from evidence_kit.domain import AddResult
from evidence_kit.errors import CancelledError, EvidenceKitError, FileUnreadableError
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.vault import Vault, display_path


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, OSError | None]]:
    """Every file under the given paths, folders walked recursively; unreadable folders reported."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    yield Path(root) / name, None
            for error in errors:
                yield Path(error.filename or path), error
        else:
            yield path, None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def add_paths(
    vault: Vault,
    paths: Iterable[str | os.PathLike[str]],
    *,
    note: str = "",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[AddResult]:
    """Add files and folders. Yields one result per file as it is done; stops only when cancelled."""
    files = list(expand_paths(paths))
    total_bytes = sum(_size(p) for p, err in files if err is None)
    done_bytes = 0
    for index, (path, walk_error) in enumerate(files):
        shown = display_path(path)
        if progress is not None:
            progress(ProgressInfo(index, len(files), done_bytes, total_bytes, shown))
        if walk_error is not None:
            err = FileUnreadableError(path=shown, detail=walk_error.strerror or str(walk_error))
            yield AddResult(path=shown, error=err.template, error_params=tuple(err.params.items()))
            continue

        def on_bytes(count: int, *, _index: int = index, _shown: str = shown) -> None:
            nonlocal done_bytes
            done_bytes += count
            if progress is not None:
                progress(ProgressInfo(_index, len(files), done_bytes, total_bytes, _shown))

        try:
            item = vault.add_file(path, note=note, cancel=cancel, on_bytes=on_bytes)
            yield AddResult(path=shown, items=(item,), recognised_as="file")
        except CancelledError:
            raise
        except EvidenceKitError as exc:
            yield AddResult(path=shown, error=exc.template, error_params=tuple(exc.params.items()))
    if progress is not None:
        progress(ProgressInfo(len(files), len(files), done_bytes, total_bytes, ""))
