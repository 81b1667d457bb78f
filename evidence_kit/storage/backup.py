"""A backup of an open vault: a consistent, encrypted, verified copy in a new folder.

Copying the vault folder with a file manager is not a backup: a copy taken while the vault is
being written holds pages from two moments, and one without its journal cannot be repaired
(`tearing.py` recognises such a folder). This module makes the copy properly.

Rules it keeps:
- The database is copied with SQLite's online backup API on a second keyed connection, under the
  vault's mutex, so no write of this process lands in the middle (another process cannot have
  the vault open: the folder lock). The destination is keyed with the same data key and cipher
  settings before its first page is written, so every page of the copy is encrypted and
  authenticated as in the vault (never plaintext; `VACUUM INTO` is not used: under SQLCipher it
  has produced unreadable or partly plaintext files). `keys.json` is copied byte-exact (the same
  passphrase and recovery code open the copy); `README.txt` is written fresh. The lock file and
  any journal are not copied: the backup API's copy is whole without them.
- Everything is written into a visible sibling folder `<name>.partial-<random>` (0700, files
  0600, each fsynced), checked there, and renamed to its name only at the end. Any failure or a
  cancel removes the partial folder: the destination is the finished copy or nothing.
- The check opens the copy read-only with the same key and runs the full verification (every
  page's HMAC and SQLite's structure, every item's hash, the custody chain; `check` is given by
  the vault, because verify/ lies above storage/). A copy that does not check out is removed.
- The `backup_made` custody event goes into the source vault AFTER the copy, in the same hold of
  the mutex: it carries the copy's database SHA-256 and the head (seq, hash) the copy ends at, and
  its own `prev` is that head. The copy's log is therefore exactly the source's log up to the
  moment of the copy; the source's next event records that a copy with that head was made. (A
  copy cannot hold its own event: the event names the copy's hash.) If the event cannot be
  written, the finished copy is removed again, so no backup exists that the log does not name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_kit.domain import BackupReport, VerifyReport
from evidence_kit.errors import (
    BackupInsideVaultError,
    BackupNotVerifiedError,
    BackupTargetError,
    BackupWriteError,
    DiskFullError,
    EvidenceKitError,
    VaultDamagedError,
)
from evidence_kit.hashing import sha256_file
from evidence_kit.progress import CancelToken, ProgressCallback, ProgressInfo
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import is_disk_full
from evidence_kit.storage.engine import CipherSettings, DatabaseError, connect, keyed_new_file
from evidence_kit.storage.folder import (
    DB_FILE,
    KEY_FILE,
    README_FILE,
    README_TEXT,
    display_path,
    write_private_file,
)
from evidence_kit.storage.models import VaultInfo

# Pages per backup step: 64 pages of 32 KiB = 2 MiB between progress reports and cancel checks.
PAGES_PER_STEP = 64

# Given by the vault: verify the copy's database (opened read-only with the same key).
CopyCheck = Callable[[Path], VerifyReport]


def _target(source: Path, dest: Path) -> Path:
    """The destination as an absolute path, refused when it holds anything or lies inside the vault."""
    target = Path(os.path.abspath(dest))
    inside = target.resolve()
    vault = source.resolve()
    if inside == vault or vault in inside.parents:
        raise BackupInsideVaultError(path=display_path(dest))
    if target.is_symlink() or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
        raise BackupTargetError(path=display_path(dest))
    return target


def _fsync_dir(folder: Path) -> None:
    # Directories cannot be opened for fsync everywhere (Windows); there the rename is what we have.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_database(
    source_db: Path,
    copy_db: Path,
    data_key: bytes,
    cipher: CipherSettings,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> None:
    """The database, page by page through SQLite's backup API, encrypted with the same key."""
    os.close(os.open(copy_db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = connect(source_db, data_key, cipher, read_only=True)  # the backup only reads the vault
    try:
        target: Any = None
        target = keyed_new_file(copy_db, data_key, cipher)

        def step(_status: int, remaining: int, total: int) -> None:
            if cancel is not None:
                cancel.check()  # raising here makes SQLite abandon the backup
            if progress is not None:
                done = (total - remaining) * cipher.page_size
                progress(ProgressInfo(0, 0, done, total * cipher.page_size, DB_FILE))

        source.backup(target, pages=PAGES_PER_STEP, progress=step)
    finally:
        if target is not None:
            target.close()
        source.close()
    _fsync_file(copy_db)


def _place(partial: Path, target: Path) -> bool:
    """Rename the finished copy to its name; returns whether an empty folder stood there before."""
    existed = target.is_dir()
    if existed:
        target.rmdir()  # only an empty folder is accepted; rename onto a folder is not portable
    os.rename(partial, target)
    _fsync_dir(target.parent)
    return existed


def _unplace(target: Path, existed: bool) -> None:
    shutil.rmtree(target, ignore_errors=True)
    if existed:
        with contextlib.suppress(OSError):
            target.mkdir(mode=0o700)


def _write_error(target: Path, exc: BaseException) -> EvidenceKitError:
    if is_disk_full(exc):
        return DiskFullError(path=display_path(target))
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupWriteError(path=display_path(target), detail=detail)


def make_backup(
    db: VaultDatabase,
    source: Path,
    dest: Path,
    data_key: bytes,
    cipher: CipherSettings,
    *,
    check: CopyCheck,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BackupReport:
    """Copy the open vault in `source` to the new (or empty) folder `dest`, verify it, log it."""
    target = _target(source, dest)
    partial = target.with_name(f"{target.name}.partial-{uuid.uuid4().hex[:8]}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.mkdir(mode=0o700)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    try:
        with db.mutex:
            db.require_engine()
            try:
                write_private_file(partial / KEY_FILE, (source / KEY_FILE).read_bytes())
                write_private_file(partial / README_FILE, README_TEXT.encode("utf-8"))
                _copy_database(source / DB_FILE, partial / DB_FILE, data_key, cipher, progress, cancel)
            except DatabaseError as exc:
                if is_disk_full(exc) or "I/O" in str(exc) or "unable to open" in str(exc):
                    raise _write_error(target, exc) from exc
                raise VaultDamagedError(path=display_path(source), detail=str(exc)) from exc
            except OSError as exc:
                raise _write_error(target, exc) from exc
            report = check(partial / DB_FILE)
            with db.read() as conn:
                source_head = tuple(conn.execute(select(VaultInfo.head_seq, VaultInfo.head_hash)).one())
            if report.ok and source_head != (report.events_checked, report.head_hash):
                # The copy must end at the head the vault has now (nothing wrote in between).
                raise BackupNotVerifiedError(path=display_path(target), problems=1)
            if not report.ok:
                raise BackupNotVerifiedError(path=display_path(target), problems=len(report.problems))
            with (partial / DB_FILE).open("rb") as handle:
                digest = sha256_file(handle)
            result = BackupReport(
                folder=display_path(target),
                db_sha256=digest,
                db_size=(partial / DB_FILE).stat().st_size,
                head_seq=report.events_checked,
                head_hash=report.head_hash,
                items=report.items_checked,
            )
            if cancel is not None:
                cancel.check()  # the last moment a cancel still leaves nothing behind
            try:
                existed = _place(partial, target)
            except OSError as exc:
                raise _write_error(target, exc) from exc
            try:
                db.record(
                    EventType.BACKUP_MADE,
                    {
                        "to": result.folder,
                        "db_sha256": result.db_sha256,
                        "db_size": result.db_size,
                        "head_seq": result.head_seq,
                        "head_hash": result.head_hash,
                        "items": result.items,
                    },
                )
            except BaseException:
                _unplace(target, existed)
                raise
            return result
    finally:
        shutil.rmtree(partial, ignore_errors=True)
