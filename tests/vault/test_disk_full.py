"""A full disk mid-import: a clear DiskFullError, the item not half there, the vault still whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_kit.errors import DiskFullError
from evidence_kit.importers.batch import add_paths
from evidence_kit.vault import Vault


def test_disk_full_rolls_the_item_back(tmp_path: Path, vault: Vault) -> None:
    small = tmp_path / "small.txt"
    small.write_bytes(b"small")
    vault.add_file(small)
    with vault._require_engine().connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
        # SQLite reports SQLITE_FULL exactly as for a full disk once this many pages are used.
        conn.execute(text(f"PRAGMA max_page_count = {pages + 8}"))
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(4 * 1024 * 1024))
    with pytest.raises(DiskFullError):
        vault.add_file(big)
    results = list(add_paths(vault, [big, small]))
    assert results[0].error == DiskFullError.template
    assert results[1].error is None  # the small file still fits and still goes in
    assert [i.original_name for i in vault.items()] == ["small.txt", "small.txt"]
    assert vault.verify(record=False).ok
