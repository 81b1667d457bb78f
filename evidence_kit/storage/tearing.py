"""Telling a torn vault folder from a damaged one: a copy made while the vault was being written.

A vault's database uses a rollback journal: during a transaction SQLite may already write new
pages into `vault.db` while `vault.db-journal` holds the old ones. A folder copied at that moment,
or one whose journal was deleted, holds pages from two moments: each page is whole and carries a
valid SQLCipher HMAC (SQLite wrote it, with the key), but together they do not fit. A bit flipped
by a bad disk or an edit without the key breaks a page's HMAC instead.

Rule: a database is called *torn* only on evidence of the file itself, never on a guess:
- its size is not a whole number of pages, or is zero;
- page 1 (authentic) counts a different number of pages than the file holds (SQLite truncates the
  file to that count when a transaction ends, so at rest they agree; opening a shorter file fails
  with "malformed" at the very first read, a longer one is a transaction caught half-way);
- a page inside the file is all zero bytes (space a transaction had reserved but not yet written;
  SQLCipher never writes a zero page);
- or SQLite finds its structure damaged while every page's HMAC holds.
Anything else that fails is damage (`VaultDamagedError`), as before.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from evidence_kit.errors import VaultDamagedError, VaultTornError
from evidence_kit.storage.engine import CipherSettings, DatabaseError, connect

# SQLITE_CORRUPT as the sqlite3 module words it (SQLCipher says "file is not a database" when
# page 1's HMAC fails, so this text means page 1 itself was authentic).
MALFORMED = "malformed"


def _has_zero_page(db_path: Path, page_size: int) -> bool:
    zero = bytes(page_size)
    with db_path.open("rb") as handle:
        while page := handle.read(page_size):
            if page == zero:
                return True
    return False


def file_is_torn(db_path: Path, page_size: int, header_pages: int | None) -> bool:
    """The file's own signs of a half-written copy (see the module's rule).

    `header_pages` is SQLite's `PRAGMA page_count` (read from page 1), or None if it could not be read.
    """
    try:
        size = db_path.stat().st_size
    except OSError:
        return True
    if size == 0 or size % page_size:
        return True
    if header_pages is not None and header_pages != size // page_size:
        return True
    try:
        return _has_zero_page(db_path, page_size)
    except OSError:
        return False


def open_failure_is_tear(
    db_path: Path, data_key: bytes, cipher: CipherSettings, failure: BaseException
) -> bool:
    """After opening the database failed with `failure` (the key was right): is the file torn?"""
    try:
        conn = connect(db_path, data_key, cipher, read_only=True)
    except DatabaseError as exc:
        # Page 1 authenticated (else "not a database"), yet the first read found it counting more
        # pages than the file holds: the file was cut short.
        return MALFORMED in str(exc)
    try:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        if file_is_torn(db_path, cipher.page_size, pages):
            return True
        if MALFORMED not in str(failure):
            return False
        # Structure damaged: torn if every page is still authentic (no HMAC failure anywhere).
        return not conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError:
        return False
    finally:
        with contextlib.suppress(DatabaseError):
            conn.close()


def damaged_or_torn(
    folder: Path, db_path: Path, data_key: bytes, cipher: CipherSettings, failure: BaseException
) -> VaultDamagedError:
    """The error to raise for a database that would not open: torn (say so plainly) or damaged."""
    if open_failure_is_tear(db_path, data_key, cipher, failure):
        return VaultTornError(path=folder)
    return VaultDamagedError(path=folder, detail=str(getattr(failure, "orig", failure)))
