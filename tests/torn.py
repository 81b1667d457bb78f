"""Making torn vault folders for tests: copies taken while the vault was being written.

`copy_mid_write` stores one large original and, part-way through its transaction (after SQLite
has already written pages of it into `vault.db`), copies the vault folder the way a file
manager would. The copy holds the hot journal; tests delete it to get a folder "copied with
its journal lost". Fictional random bytes only.
"""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

from evidence_kit.vault import NewItem, Vault

MIB = 1024 * 1024


class _CopyingStream(io.RawIOBase):
    """Random bytes; at the `copy_at`-th read it copies the vault folder to `copy_to`."""

    def __init__(self, size: int, copy_at: int, source: Path, copy_to: Path) -> None:
        self._left = size
        self._reads = 0
        self._copy_at = copy_at
        self._source = source
        self._copy_to = copy_to
        self._rng = random.Random(size)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self._reads += 1
        if self._reads == self._copy_at:
            shutil.copytree(self._source, self._copy_to, ignore=shutil.ignore_patterns("vault.lock"))
        count = min(len(buffer), self._left)
        buffer[:count] = self._rng.randbytes(count)
        self._left -= count
        return count


def copy_mid_write(vault: Vault, copy_to: Path, *, size: int = 12 * MIB, copy_at: int = 9) -> None:
    """Store a `size`-byte original in `vault`, copying its folder to `copy_to` part-way through."""
    stream = io.BufferedReader(_CopyingStream(size, copy_at, vault.path, copy_to), MIB)
    name = "large recording.bin"
    vault.add_stream(stream, NewItem(original_name=name, original_path=name))
    assert copy_to.is_dir(), "the stream was read fewer times than copy_at"
