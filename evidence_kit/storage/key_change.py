"""Changing what opens a vault, crash-safe: a new passphrase, a new recovery code, a new data key.

Rules this module keeps (docs/security.md, "Changing the keys", says the same for users):

- A custody event is never missing for a key file in use. A key file change (new passphrase,
  new recovery code) is written whole as `keys.json.pending` first, then its custody event
  commits, naming the pending file by its SHA-256, then the pending file replaces `keys.json`.
  A kill after the commit is completed at the next opening (`settle_pending`): the pending file
  is installed when the log names it and removed when it does not (its event never committed).
- Replacing the data key (`rotate`) never writes into the vault's database. It copies it,
  re-encrypted under a new random key, into `vault.db.rotating`, appends the `key_rotated`
  event there and fsyncs it; then writes the new key file as `keys.json.rotating` (fsynced);
  then renames `vault.db.rotating` over `vault.db` (the commit point) and `keys.json.rotating`
  over `keys.json`, fsyncing the folder after each rename. `settle_rotation`, run at every
  opening before a key is read, decides by which files exist, with no key needed:
    * `vault.db.rotating` still there: the commit point was not reached; remove
      `keys.json.rotating` first, then `vault.db.rotating` (in that order, so a kill while
      rolling back cannot leave the state that means "roll forward");
    * only `keys.json.rotating` there: the new database is in place; install the key file.
  A kill at any moment therefore leaves the old database with the old key file, or the new
  database with the new key file, and the next opening tidies up.
- No secret is in an event: only the slot names, the Argon2id parameters and the key file's
  SHA-256.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from evidence_kit.errors import DiskFullError, EvidenceKitError, KeyChangeInterruptedError
from evidence_kit.hashing import sha256_hex
from evidence_kit.progress import ProgressInfo
from evidence_kit.storage.custody import EventType
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.db_errors import is_disk_full
from evidence_kit.storage.engine import make_engine
from evidence_kit.storage.folder import DB_FILE, KEY_FILE, write_private_file
from evidence_kit.storage.keys import (
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    KdfParams,
    KeyFile,
    KeySlot,
    new_data_key,
    new_recovery_code,
    normalize_passphrase,
    normalize_recovery_code,
)
from evidence_kit.storage.models import CustodyEvent

PENDING_KEYS = "keys.json.pending"
ROTATING_DB = "vault.db.rotating"
ROTATING_KEYS = "keys.json.rotating"
# How often (in SQLite virtual-machine steps) the copy reports progress. Copying a 1 MiB chunk is
# only a few steps, so this is small: 256 MiB gave 28 reports in 3.9 s (bench/rotate_key.py); each
# report is one stat() of the new file.
_PROGRESS_STEPS = 200


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, as on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _disk_full_or(exc: BaseException, folder: Path) -> BaseException:
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or is_disk_full(exc):
        return DiskFullError(path=folder)
    return exc


# ----------------------------------------------------------------- a new key file, same data key


def passphrase_keyfile(
    keyfile: KeyFile, data_key: bytes, passphrase: str, kdf: KdfParams | None
) -> tuple[KeyFile, KdfParams]:
    """`keyfile` with a new passphrase slot (the old slot's Argon2id parameters unless `kdf`)."""
    old = keyfile.slot(SLOT_PASSPHRASE)
    params = kdf or (old.params if old else KdfParams.default())
    slot = KeySlot.wrap(data_key, normalize_passphrase(passphrase), SLOT_PASSPHRASE, params, keyfile.vault_id)
    return keyfile.with_slot(slot), params


def recovery_keyfile(
    keyfile: KeyFile, data_key: bytes, kdf: KdfParams | None
) -> tuple[KeyFile, str, KdfParams]:
    """`keyfile` with a new recovery code's slot, and the code (to show once)."""
    old = keyfile.slot(SLOT_RECOVERY) or keyfile.slot(SLOT_PASSPHRASE)
    params = kdf or (old.params if old else KdfParams.default())
    code = new_recovery_code()
    slot = KeySlot.wrap(data_key, normalize_recovery_code(code), SLOT_RECOVERY, params, keyfile.vault_id)
    return keyfile.with_slot(slot), code, params


def commit_key_file(
    folder: Path, db: VaultDatabase, keyfile: KeyFile, event_type: str, data: dict[str, Any]
) -> None:
    """Put `keyfile` in place with its custody event: pending file, event, rename (module rules)."""
    content = keyfile.to_bytes()
    pending = folder / PENDING_KEYS
    try:
        write_private_file(pending, content)
        with db.write() as conn:
            db.append_event(conn, event_type, {**data, "key_file_sha256": sha256_hex(content)})
    except Exception as exc:
        _unlink(pending)  # its event did not commit: the old key file stays the one in use
        translated = _disk_full_or(exc, folder)
        if translated is exc:
            raise
        raise translated from exc
    try:
        os.replace(pending, folder / KEY_FILE)
    except OSError as exc:  # the event is in: the next opening installs the pending file
        raise KeyChangeInterruptedError(path=folder) from exc
    fsync_folder(folder)


@dataclass(frozen=True)
class Pending:
    """A `keys.json.pending` found at opening, and the SHA-256 its custody event would name."""

    keyfile: KeyFile
    digest: str


def read_pending(folder: Path) -> Pending | None:
    path = folder / PENDING_KEYS
    if not path.is_file():
        return None
    content = path.read_bytes()
    try:
        keyfile = KeyFile.from_bytes(content, path)
    except EvidenceKitError:
        # It is written whole before its event commits, so a damaged one never had an event.
        _unlink(path)
        return None
    return Pending(keyfile, sha256_hex(content))


def settle_pending(folder: Path, engine: Engine, pending: Pending) -> bool:
    """Install the pending key file if the log names it (True), else remove it (False)."""
    with engine.connect() as conn:
        bodies = conn.execute(select(CustodyEvent.body).order_by(CustodyEvent.seq.desc()).limit(4))
        committed = any(
            json.loads(body).get("data", {}).get("key_file_sha256") == pending.digest for (body,) in bodies
        )
    if committed:
        os.replace(folder / PENDING_KEYS, folder / KEY_FILE)
        fsync_folder(folder)
    else:
        _unlink(folder / PENDING_KEYS)
    return committed


# ----------------------------------------------------------------- a new data key


def settle_rotation(folder: Path) -> str | None:
    """Finish or undo a key replacement a kill interrupted (module rules); "finished", "undone" or None."""
    new_db, new_keys = folder / ROTATING_DB, folder / ROTATING_KEYS
    if new_db.exists():
        _unlink(new_keys)
        fsync_folder(folder)
        _unlink(folder / (ROTATING_DB + "-journal"))
        _unlink(new_db)
        fsync_folder(folder)
        return "undone"
    if new_keys.exists():
        os.replace(new_keys, folder / KEY_FILE)
        fsync_folder(folder)
        return "finished"
    return None


@dataclass(frozen=True)
class Rotated:
    """What `rotate` made: the new key file, data key and open engine, and the code to show once."""

    keyfile: KeyFile
    data_key: bytes
    engine: Engine
    recovery_code: str


def rotate(
    folder: Path,
    db: VaultDatabase,
    keyfile: KeyFile,
    old_key: bytes,
    new_passphrase: str,
    kdf: KdfParams,
    progress: Callable[[ProgressInfo], None] | None = None,
) -> Rotated:
    """Re-encrypt the vault under a new data key with a new passphrase and recovery code.

    `db` is closed on the way (its file is replaced); the caller takes the returned engine.
    On an error before the commit point everything new is removed and `db` keeps working.
    """
    data_key, code = new_data_key(), new_recovery_code()
    vault_id = keyfile.vault_id
    new_keyfile = KeyFile(
        vault_id,
        keyfile.cipher,
        (
            KeySlot.wrap(data_key, normalize_passphrase(new_passphrase), SLOT_PASSPHRASE, kdf, vault_id),
            KeySlot.wrap(data_key, normalize_recovery_code(code), SLOT_RECOVERY, kdf, vault_id),
        ),
    )
    content = new_keyfile.to_bytes()
    new_db = folder / ROTATING_DB
    with db.mutex:
        try:
            settle_rotation(folder)  # nothing half-done from before may mix with this run
            os.close(os.open(new_db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            _export(db.require_engine(), new_db, data_key, keyfile, progress)
            engine = make_engine(new_db, data_key, keyfile.cipher)
            try:
                event = {"slots": [SLOT_PASSPHRASE, SLOT_RECOVERY], "kdf": kdf.as_dict()}
                VaultDatabase(engine, vault_id, db.actor, db.signing_key).record(
                    EventType.KEY_ROTATED, {**event, "key_file_sha256": sha256_hex(content)}
                )
            finally:
                engine.dispose()
            _fsync_file(new_db)
            write_private_file(folder / ROTATING_KEYS, content)
        except BaseException as exc:
            settle_rotation(folder)
            translated = _disk_full_or(exc, folder)
            if translated is exc:
                raise
            raise translated from exc
        db.close()
        try:
            # The commit point: from here the new database is the vault's.
            os.replace(new_db, folder / DB_FILE)
        except BaseException:
            settle_rotation(folder)
            db.replace_engine(make_engine(folder / DB_FILE, old_key, keyfile.cipher))
            raise
        fsync_folder(folder)
        try:
            os.replace(folder / ROTATING_KEYS, folder / KEY_FILE)
        except OSError as exc:  # the next opening installs it (`settle_rotation`)
            raise KeyChangeInterruptedError(path=folder) from exc
        fsync_folder(folder)
    return Rotated(new_keyfile, data_key, make_engine(folder / DB_FILE, data_key, keyfile.cipher), code)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _export(
    engine: Engine,
    target: Path,
    data_key: bytes,
    keyfile: KeyFile,
    progress: Callable[[ProgressInfo], None] | None,
) -> None:
    """Copy every table, index, trigger and setting into `target`, encrypted under `data_key`.

    `sqlcipher_export` through an attached database rather than `PRAGMA rekey`: rekey rewrites
    the vault's own file in place (one long transaction whose journal holds the whole file),
    where a copy leaves the vault untouched until a single rename.
    """
    total = max(1, (target.parent / DB_FILE).stat().st_size)

    def report() -> int:
        if progress is not None:
            with contextlib.suppress(OSError):
                done = min(total, target.stat().st_size)
                progress(ProgressInfo(0, 1, done, total, target.name))
        return 0  # 0: go on

    raw = engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        conn.execute("ATTACH DATABASE ? AS rotating KEY ?", (str(target), f"x'{data_key.hex()}'"))
        try:
            conn.execute(f"PRAGMA rotating.cipher_page_size = {int(keyfile.cipher.page_size)}")
            conn.execute(f"PRAGMA rotating.cipher_hmac_algorithm = {keyfile.cipher.hmac_algorithm}")
            conn.set_progress_handler(report, _PROGRESS_STEPS)
            try:
                conn.execute("SELECT sqlcipher_export('rotating')").fetchall()
            finally:
                conn.set_progress_handler(None, 0)
        finally:
            conn.execute("DETACH DATABASE rotating")
    finally:
        raw.close()
    if progress is not None:
        progress(ProgressInfo(1, 1, total, total, target.name))
