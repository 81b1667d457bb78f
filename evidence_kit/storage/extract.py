"""Copying an original out of the vault: byte-identical, never overwriting, checked against its hash.

Rule: the copy is written under its partial name beside the target (`storage/partials.py`:
visible, "<name>.partial", mode 0600), synced, and renamed into place only when its SHA-256
equals the stored one; on any failure the partial file is removed and a typed error names the
target.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from evidence_kit.errors import DiskFullError, ExtractMismatchError, FileUnreadableError, OutputExistsError
from evidence_kit.storage.db_errors import is_disk_full
from evidence_kit.storage.folder import display_path


def write_checked_copy(chunks: Iterable[bytes], sha256: str, item_id: int, target: Path, tmp: Path) -> None:
    """Write `chunks` to `tmp`, check them against `sha256`, rename it to `target` (which must not exist)."""
    if target.exists() or target.is_symlink():
        raise OutputExistsError(path=display_path(target))
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                digest.update(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if digest.hexdigest() != sha256:
            raise ExtractMismatchError(item_id=item_id, path=display_path(target))
        os.replace(tmp, target)
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError(path=display_path(target)) from exc
        raise FileUnreadableError(path=display_path(target), detail=exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
