"""The SQLCipher engine: one encrypted connection per open vault, set up the same way every time.

Rule: nothing touches the database file before `PRAGMA key` with the raw data key, and every
connection gets the same safety pragmas: rollback journal (encrypted by SQLCipher, so a
crash mid-import rolls back cleanly), `synchronous=FULL`, `secure_delete=ON`, temporary
tables in memory only (no plaintext temp files), foreign keys on. Each SQLAlchemy
transaction starts with `BEGIN IMMEDIATE`, so the single writer takes the write lock up front.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

# The page size and page HMAC of new vaults; both are recorded in keys.json, because SQLCipher
# cannot read a database without being told them.
# - 32 KiB pages: SQLCipher encrypts and authenticates per page, so large pages cost far less per
#   byte of a 1 MiB chunk than 4 KiB ones; but every transaction also rewrites (and journals)
#   about fifteen index and table pages, so 64 KiB pages double that fixed cost per item.
#   Measured on 1 GiB in 315 files (bench/import_throughput.py): 32 KiB was the fastest of
#   8/16/32/64 KiB.
# - HMAC-SHA256 per page instead of SQLCipher 4's default HMAC-SHA512: the same 256-bit key
#   and tag strength, and computed by the CPU's SHA extensions, which have no SHA-512 form
#   (about a third less CPU per stored byte).
PAGE_SIZE = 32768
HMAC_ALGORITHM = "HMAC_SHA256"
# The page HMAC of vaults whose keys.json predates the "hmac" field (SQLCipher 4's default).
LEGACY_HMAC_ALGORITHM = "HMAC_SHA512"
# Values that may reach a PRAGMA from keys.json: a closed list, never free text.
PAGE_SIZES = frozenset({4096, 8192, 16384, 32768, 65536})
HMAC_ALGORITHMS = frozenset({"HMAC_SHA256", "HMAC_SHA512"})


@dataclass(frozen=True)
class CipherSettings:
    """How one vault's database is encrypted: needed, besides the key, to open it."""

    page_size: int = PAGE_SIZE
    hmac_algorithm: str = HMAC_ALGORITHM

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES or self.hmac_algorithm not in HMAC_ALGORITHMS:
            raise ValueError(f"unsupported cipher settings {self.page_size}/{self.hmac_algorithm}")


DatabaseError = sqlcipher.DatabaseError


def _key_pragma(data_key: bytes) -> str:
    # A raw key in hex: SQLCipher skips its own PBKDF2, the data key is already random.
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def _apply_key(conn: Any, data_key: bytes, cipher: CipherSettings) -> None:
    # SQLCipher would otherwise print its own diagnostics to stderr (page numbers, no
    # content); we report damage ourselves, in words a user can act on.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(_key_pragma(data_key))
    conn.execute(f"PRAGMA cipher_page_size = {int(cipher.page_size)}")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {cipher.hmac_algorithm}")


def keyed_new_file(path: Path, data_key: bytes, cipher: CipherSettings) -> Any:
    """A keyed connection to an empty file that nothing has been written to yet (a backup's target).

    Keyed before the first page exists, so every page written to it is encrypted and authenticated.
    """
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        _apply_key(conn, data_key, cipher)
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temporary files, as for the vault
    except BaseException:
        conn.close()
        raise
    return conn


def connect(path: Path, data_key: bytes, cipher: CipherSettings, *, read_only: bool = False) -> Any:
    """A keyed DB-API connection. Raises sqlcipher DatabaseError if the key or file is wrong.

    `read_only` opens the file so that nothing, not even a hot journal's rollback, can change it
    (checking a backup, or looking at a folder that would not open).
    """
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlcipher.connect(target, isolation_level=None, check_same_thread=False, uri=read_only)
    try:
        _apply_key(conn, data_key, cipher)
        # The first real read: fails here when the key does not fit or page 1 is damaged.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(path: Path, data_key: bytes, cipher: CipherSettings, *, read_only: bool = False) -> Engine:
    """An engine over exactly one connection (the vault has one writer; callers serialise)."""
    first = connect(path, data_key, cipher, read_only=read_only)
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=lambda: first,
        poolclass=StaticPool,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
