"""Making a new vault's storage, and unlocking and opening an existing one.

Rules this module keeps:
- A new vault gets a random data key, wrapped under two key slots (passphrase and recovery
  code); the key file and README are written atomically with mode 0600, the database file is
  created 0600 before SQLCipher touches it, and the schema is made by the migrations.
- Opening unlocks one slot (a wrong secret is a typed error, never a crash), checks that the
  schema is one this program knows (a newer vault is refused, not damaged) and migrates an
  older one on the way.
- An interrupted key change is finished or undone before the vault is used
  (`key_change.py`), so a kill during `passwd` never leaves a key file without its event.
- Database errors while opening become `DiskFullError` or `VaultDamagedError`, and the engine
  is disposed of, so a failed open leaves no connection (and no key) behind.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import filelock
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, insert

from evidence_kit.errors import (
    DiskFullError,
    EvidenceKitError,
    KeyFileMismatchError,
    NotAVaultError,
    VaultDamagedError,
    VaultTooNewError,
    VaultTornError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from evidence_kit.storage import migrate
from evidence_kit.storage.db_errors import is_disk_full
from evidence_kit.storage.engine import CipherSettings, make_engine
from evidence_kit.storage.folder import (
    DB_FILE,
    KEY_FILE,
    LOCK_FILE,
    README_FILE,
    README_TEXT,
    acquire_lock,
    write_private_file,
)
from evidence_kit.storage.key_change import Pending, read_pending, settle_pending, settle_rotation
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
from evidence_kit.storage.models import VaultInfo
from evidence_kit.storage.tearing import file_is_torn, open_failure_is_tear


@dataclass(frozen=True)
class NewStorage:
    """What `new_storage` made: the open parts of a vault, and the recovery code to show once."""

    keyfile: KeyFile
    engine: Engine
    lock: filelock.BaseFileLock
    data_key: bytes
    recovery_code: str


def new_storage(
    folder: Path, passphrase: str, *, case_title: str, kdf: KdfParams, cipher: CipherSettings | None
) -> NewStorage:
    """Make the key file, README and encrypted database of a new vault in the (empty) `folder`."""
    lock = acquire_lock(folder)
    vault_id = str(uuid.uuid4())
    data_key = new_data_key()
    recovery_code = new_recovery_code()
    keyfile = KeyFile(
        vault_id,
        cipher or CipherSettings(),
        (
            KeySlot.wrap(data_key, normalize_passphrase(passphrase), SLOT_PASSPHRASE, kdf, vault_id),
            KeySlot.wrap(data_key, normalize_recovery_code(recovery_code), SLOT_RECOVERY, kdf, vault_id),
        ),
    )
    write_private_file(folder / KEY_FILE, keyfile.to_bytes())
    write_private_file(folder / README_FILE, README_TEXT.encode("utf-8"))
    os.close(os.open(folder / DB_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    engine = make_engine(folder / DB_FILE, data_key, keyfile.cipher)
    signing_key = Ed25519PrivateKey.generate()
    with engine.begin() as conn:
        migrate.upgrade(conn)
    with engine.begin() as conn:
        conn.execute(
            insert(VaultInfo).values(
                id=1,
                vault_uuid=vault_id,
                case_title=case_title,
                created_at_utc=datetime.now(UTC),
                signing_private_key=signing_key.private_bytes_raw(),
                signing_public_key=signing_key.public_key().public_bytes_raw(),
                head_seq=0,
                head_hash=bytes(32).hex(),
            )
        )
    return NewStorage(keyfile, engine, lock, data_key, recovery_code)


def remove_unfinished(folder: Path) -> None:
    """Undo a `new_storage` that did not finish: its files, and the folder if it is then empty."""
    for name in (KEY_FILE, DB_FILE, LOCK_FILE, README_FILE):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def unlock_data_key(keyfile: KeyFile, passphrase: str | None, recovery_code: str | None) -> bytes:
    """The data key from the recovery-code slot (if a code is given) or the passphrase slot."""
    if recovery_code is not None:
        slot = keyfile.slot(SLOT_RECOVERY)
        data_key = slot.unwrap(normalize_recovery_code(recovery_code), keyfile.vault_id) if slot else None
        if data_key is None:
            raise WrongRecoveryCodeError()
        return data_key
    slot = keyfile.slot(SLOT_PASSPHRASE)
    data_key = slot.unwrap(normalize_passphrase(passphrase or ""), keyfile.vault_id) if slot else None
    if data_key is None:
        raise WrongPassphraseError()
    return data_key


@contextlib.contextmanager
def disposed_on_error(engine: Engine, folder: Path) -> Iterator[None]:
    """Dispose of `engine` if the block fails; a raw database error becomes a typed one."""
    try:
        yield
    except EvidenceKitError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        if is_disk_full(exc):
            raise DiskFullError(path=folder) from exc
        raise VaultDamagedError(path=folder, detail=str(getattr(exc, "orig", exc))) from exc


def require_vault_folder(folder: Path) -> None:
    """Refuse what is not a vault folder; one that has its database but lost its key file is torn."""
    if folder.is_dir() and (folder / KEY_FILE).is_file():
        return
    if folder.is_dir() and (folder / DB_FILE).is_file():
        raise VaultTornError(path=folder)
    raise NotAVaultError(path=folder)


def open_engine(folder: Path, keyfile: KeyFile, data_key: bytes) -> tuple[Engine, str | None]:
    """Open the vault's database and migrate it; returns the engine and the revision it had before.

    A database that will not open is told apart as torn (a copy made mid-write, `tearing.py`) or damaged.
    """
    db_path = folder / DB_FILE
    if not db_path.is_file():
        raise VaultTornError(path=folder)  # the key file without its database: an incomplete copy
    try:
        engine = make_engine(db_path, data_key, keyfile.cipher)
    except Exception as exc:  # sqlcipher raises its own DatabaseError: "file is not a database"
        if is_disk_full(exc):
            raise DiskFullError(path=folder) from exc
        if open_failure_is_tear(db_path, data_key, keyfile.cipher, exc):
            raise VaultTornError(path=folder) from exc
        # The key unwrapped, so the key file is sound; its data key does not fit this database.
        raise KeyFileMismatchError(path=folder) from exc
    try:
        with disposed_on_error(engine, folder), engine.begin() as conn:
            before = migrate.current_revision(conn)
            if before is None or not migrate.is_known(before):
                raise (
                    VaultTooNewError(path=folder)
                    if before
                    else VaultDamagedError(path=folder, detail="the database has no schema")
                )
            migrate.upgrade(conn)
    except VaultDamagedError as exc:
        cause = exc.__cause__
        # An empty or cut file opens as an empty database ("no schema"): the file itself says torn.
        if file_is_torn(db_path, keyfile.cipher.page_size, None) or (
            cause is not None and open_failure_is_tear(db_path, data_key, keyfile.cipher, cause)
        ):
            raise VaultTornError(path=folder) from exc
        raise
    return engine, before


@dataclass(frozen=True)
class Unlocked:
    """An unlocked vault folder: its key file, data key and open (migrated) engine."""

    keyfile: KeyFile
    data_key: bytes
    engine: Engine
    revision_before: str | None
    # A key change a kill interrupted, settled on the way: "finished", "undone" or None.
    interrupted: str | None


def unlock_folder(folder: Path, passphrase: str | None, recovery_code: str | None) -> Unlocked:
    """Settle an interrupted key change, unlock a slot and open the database (the caller holds the lock).

    A key replacement is settled before any key is read (`key_change.settle_rotation` needs
    none); a pending key file after the database opens, because only its log can say whether
    the change committed. Until then the pending file's slots unlock too: after a kill just
    past the commit, the new passphrase is already the right one.
    """
    rotation = settle_rotation(folder)
    key_path = folder / KEY_FILE
    keyfile = KeyFile.from_bytes(key_path.read_bytes(), key_path)
    pending: Pending | None = read_pending(folder)
    from_pending = False
    try:
        data_key = unlock_data_key(keyfile, passphrase, recovery_code)
    except (WrongPassphraseError, WrongRecoveryCodeError):
        if pending is None:
            raise
        data_key = unlock_data_key(pending.keyfile, passphrase, recovery_code)
        from_pending = True
    engine, before = open_engine(folder, keyfile, data_key)
    interrupted = rotation
    if pending is not None:
        with disposed_on_error(engine, folder):
            installed = settle_pending(folder, engine, pending)
            if from_pending and not installed:
                raise WrongRecoveryCodeError() if recovery_code is not None else WrongPassphraseError()
        keyfile = pending.keyfile if installed else keyfile
        interrupted = "finished" if installed else "undone"
    return Unlocked(keyfile, data_key, engine, before, interrupted)
