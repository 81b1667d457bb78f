"""The vault: the one front door to a case's evidence. The CLI and the GUI both go through here.

Rules this module keeps:
- A vault is one folder (`keys.json`, `vault.db`, `vault.lock`, `README.txt`), 0700/0600.
  `backup` makes a consistent, verified copy (storage/backup.py); a folder copied while the
  vault is being written is torn, and opening it says so (storage/tearing.py).
- Every change to evidence and its custody event are written in ONE transaction: after a
  crash an item is wholly there with its event, or not there at all.
- Originals stream through in 1 MiB chunks; memory use never depends on a file's size, and
  the SHA-256 is computed in the same pass that stores the bytes.
- Only one process has a vault open: a lock file held for the whole session turns a second
  opener away with `VaultInUseError`, never "database is locked".
- Database errors never escape raw: they become `VaultDamagedError` or `DiskFullError`.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

import filelock
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc

from evidence_kit import __version__
from evidence_kit.domain import BackupReport, CustodyEntry, ItemSummary, Problem, VerifyReport
from evidence_kit.errors import (
    DiskFullError,
    EvidenceKitError,
    FileUnreadableError,
    PassphraseTooWeakError,
    VaultDamagedError,
    VaultExistsError,
    VaultLockedError,
)
from evidence_kit.progress import CancelToken, ProgressCallback
from evidence_kit.storage import item_reads, migrate
from evidence_kit.storage.backup import make_backup
from evidence_kit.storage.custody import EventType, SignedEvent
from evidence_kit.storage.database import VaultDatabase, read_custody_log, read_signed_events
from evidence_kit.storage.db_errors import is_disk_full
from evidence_kit.storage.db_errors import translate_db_errors as _translate_db_errors
from evidence_kit.storage.engine import CipherSettings, make_engine
from evidence_kit.storage.extract import write_checked_copy
from evidence_kit.storage.folder import (
    DB_FILE,
    KEY_FILE,
    LOCK_FILE,
    README_FILE,
    README_TEXT,
    acquire_lock,
    display_path,
    open_regular_file,
)
from evidence_kit.storage.item_parsing import ParsedFacts, ParseRecord, record_parsed
from evidence_kit.storage.item_writes import (
    ItemWriter,
    NewChild,
    NewDerived,
    NewItem,
    earlier_copy,
    file_time,
)
from evidence_kit.storage.key_change import commit_key_file, passphrase_keyfile, recovery_keyfile, rotate
from evidence_kit.storage.keys import SLOT_PASSPHRASE, SLOT_RECOVERY, KdfParams, KeyFile, normalize_passphrase
from evidence_kit.storage.leftovers import find_leftovers
from evidence_kit.storage.models import VaultInfo
from evidence_kit.storage.opening import (
    disposed_on_error,
    new_storage,
    remove_unfinished,
    require_vault_folder,
    unlock_folder,
)
from evidence_kit.storage.original_reader import OriginalReader
from evidence_kit.storage.partials import PartialsRecord
from evidence_kit.storage.signing_identity import SigningIdentity, stored_identity
from evidence_kit.timestamping.queue import (
    enqueue_item,
    read_timestamp_states,
)
from evidence_kit.vault_derived import VaultDerivedReads
from evidence_kit.vault_incidents import VaultIncidents
from evidence_kit.vault_marks import VaultMarks
from evidence_kit.vault_timestamps import VaultTimestamps
from evidence_kit.verify.against import RecordedHead
from evidence_kit.verify.copy_check import copy_checker
from evidence_kit.verify.vault import verify_vault

MIN_PASSPHRASE_LENGTH = 8


class Vault(VaultDerivedReads, VaultTimestamps, VaultIncidents, VaultMarks):
    """An unlocked vault. Create with `Vault.create`, open with `Vault.open`; close when done."""

    # A key change a kill interrupted, settled while opening: "finished", "undone" or None.
    interrupted_change: str | None = None

    def __init__(
        self,
        path: Path,
        keyfile: KeyFile,
        engine: Engine,
        lock: filelock.BaseFileLock,
        data_key: bytes,
        actor: str,
    ) -> None:
        self.path = path
        self._keyfile = keyfile
        self._lock = lock
        self._data_key: bytes | None = data_key
        self._stamping = threading.Lock()  # one time-stamping run at a time (it waits on the network)
        with engine.connect() as conn:
            info = conn.execute(select(VaultInfo)).one()
        self.vault_id: str = info.vault_uuid
        self.case_title: str = info.case_title
        self._signing_key = Ed25519PrivateKey.from_private_bytes(info.signing_private_key)
        self._public_key = Ed25519PublicKey.from_public_bytes(info.signing_public_key)
        self._db = VaultDatabase(engine, self.vault_id, actor, self._signing_key)
        # Every stored item is queued for a trusted time-stamp in its own transaction.
        self._writer = ItemWriter(self._db, on_stored=enqueue_item)
        self.partials = PartialsRecord(self._db, path)  # files being written outside the vault

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        case_title: str = "",
        kdf: KdfParams | None = None,
        actor: str = "cli",
        cipher: CipherSettings | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault folder at `path`. Returns the open vault and its recovery code (show once)."""
        folder = Path(path)
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooWeakError(minimum=MIN_PASSPHRASE_LENGTH)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise VaultExistsError(path=folder)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        try:
            made = new_storage(
                folder, passphrase, case_title=case_title, kdf=kdf or KdfParams.default(), cipher=cipher
            )
            vault = cls(folder, made.keyfile, made.engine, made.lock, made.data_key, actor)
            vault._db.record(
                EventType.VAULT_CREATED,
                {
                    "case_title": case_title,
                    "schema": migrate.head_revision(),
                    "program": f"evidence-kit {__version__}",
                },
            )
            return vault, made.recovery_code
        except BaseException:
            remove_unfinished(folder)
            raise

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        passphrase: str | None = None,
        *,
        recovery_code: str | None = None,
        actor: str = "cli",
    ) -> Vault:
        """Unlock with the passphrase or the recovery code. Migrates an older vault on the way."""
        folder = Path(path)
        require_vault_folder(folder)
        lock = acquire_lock(folder)
        try:
            unlocked = unlock_folder(folder, passphrase, recovery_code)
            with disposed_on_error(unlocked.engine, folder):
                vault = cls(folder, unlocked.keyfile, unlocked.engine, lock, unlocked.data_key, actor)
                vault.interrupted_change = unlocked.interrupted
                if unlocked.revision_before != migrate.head_revision():
                    migrated = {"from": unlocked.revision_before, "to": migrate.head_revision()}
                    vault._db.record(EventType.VAULT_MIGRATED, migrated)
            return vault
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        """Lock the vault: drop the key and the connection, release the lock. Safe to call twice."""
        with self._db.mutex:
            self._db.close()
            self._data_key = None
            if self._lock.is_locked:
                self._lock.release()
        self._writer.close()

    lock = close

    @property
    def is_open(self) -> bool:
        return self._db.is_open

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _require_engine(self) -> Engine:
        """The open engine (tests and the reliability checks read the tables through it)."""
        return self._db.require_engine()

    # ----------------------------------------------------------------- custody

    @_translate_db_errors
    def custody_log(self, item_id: int | None = None) -> list[CustodyEntry]:
        with self._db.read() as conn:
            return read_custody_log(conn, item_id)

    def signed_custody_log(self) -> list[SignedEvent]:
        """The whole custody log as signed (bodies, hashes, signatures), for a package to ship."""
        with self._db.read() as conn:
            return read_signed_events(conn)

    def public_key_pem(self) -> bytes:
        return self._public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    @_translate_db_errors
    def custody_head(self) -> str:
        """The hash of the last custody event (the value a time-stamp anchors)."""
        with self._db.read() as conn:
            return str(conn.execute(select(VaultInfo.head_hash)).scalar_one())

    def signing_key(self) -> Ed25519PrivateKey:
        """The vault's Ed25519 key: signs the custody log and exported manifests."""
        self._db.require_engine()
        return self._signing_key

    def record_event(self, event_type: str, data: dict[str, Any], item_id: int | None = None) -> None:
        """Append a custody event for something done outside the vault (an export)."""
        self._record(event_type, data, item_id)

    @_translate_db_errors
    def _record(self, event_type: str, data: dict[str, Any], item_id: int | None = None) -> None:
        self._db.record(event_type, data, item_id)

    @_translate_db_errors
    def pdf_signing_identity(self) -> SigningIdentity:
        """The vault's own PDF signing certificate, made on first use and kept encrypted in the vault."""
        with self._db.write() as conn:
            return stored_identity(conn, self.vault_id)

    # ----------------------------------------------------------------- adding evidence

    @_translate_db_errors
    def add_stream(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        derived: Sequence[NewDerived] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
        skip_duplicates: bool = False,
    ) -> ItemSummary:
        """Store one original from `stream`, with its times, derived data and custody event, atomically.

        With `skip_duplicates`, bytes an item already holds are not stored (`AlreadyInVaultError`).
        """
        return self._writer.add_stream(
            stream, meta, derived=derived, cancel=cancel, on_bytes=on_bytes, skip_duplicates=skip_duplicates
        )

    @_translate_db_errors
    def earlier_copy(self, item: ItemSummary) -> int | None:
        """The first other item holding the same bytes as `item` (same SHA-256), if there is one."""
        with self._db.read() as conn:
            return earlier_copy(conn, item.sha256, item.id)

    @_translate_db_errors
    def add_export(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        children: Sequence[NewChild] = (),
        derived: Callable[[dict[str, int]], Iterable[NewDerived]] = lambda _links: (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> tuple[list[ItemSummary], list[tuple[str, EvidenceKitError]]]:
        """Store an export (chat zip, e-mail, backup) with the files it carries, as one transaction.

        The export is the evidence item; each child (a zip member, an attachment) becomes an
        item linked to it by `parent_id`. A child that cannot be read is rolled back alone
        (a savepoint) and returned as a failure; the rest still goes in. `derived` is called
        with the names of the stored children and their item ids, so parsed messages can
        link their attachments to the items that hold them; what it returns may be produced
        lazily (a conversation in parts), each record written before the next is made.
        """
        return self._writer.add_export(
            stream, meta, children=children, derived=derived, cancel=cancel, on_bytes=on_bytes
        )

    def add_file(
        self,
        path: str | os.PathLike[str],
        *,
        note: str = "",
        meta: NewItem | None = None,
        derived: Sequence[NewDerived] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
        follow_links: bool = True,
        skip_duplicates: bool = False,
    ) -> ItemSummary:
        """Store one file from disk byte-exact, with its modification time as a file-metadata time.

        Only a regular file is stored: a device, FIFO or socket is refused (`NotAFileError`)
        without a blocking open. With `follow_links=False` a path that is a link is refused.
        """
        given = Path(path)
        try:
            with open_regular_file(given, follow_links) as handle:
                stat = os.fstat(handle.fileno())
                base = meta or NewItem(
                    original_name=display_path(given.name), original_path=display_path(path)
                )
                base = replace(base, note=note or base.note, times=(*base.times, file_time(stat)))
                try:
                    return self.add_stream(
                        handle,
                        base,
                        derived=derived,
                        cancel=cancel,
                        on_bytes=on_bytes,
                        skip_duplicates=skip_duplicates,
                    )
                except OSError as exc:
                    raise FileUnreadableError(
                        path=display_path(path), detail=exc.strerror or str(exc)
                    ) from exc
        except IsADirectoryError as exc:
            raise FileUnreadableError(path=display_path(path), detail="it is a folder") from exc
        except OSError as exc:
            if is_disk_full(exc):
                raise DiskFullError(path=self.path) from exc
            raise FileUnreadableError(path=display_path(path), detail=exc.strerror or str(exc)) from exc

    @_translate_db_errors
    def record_parsed(
        self,
        item_id: int,
        facts: ParsedFacts,
        *,
        children: Sequence[NewChild] = (),
        derived: Callable[[dict[str, int]], Iterable[NewDerived]] = lambda _links: (),
        later_children: Callable[[dict[str, int]], Iterable[NewChild]] = lambda _links: (),
        reparse_reason: str | None = None,
        replaces: Sequence[str] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> ParseRecord:
        """Write what was read from stored item `item_id`, sealed, in one transaction (`item_parsing.py`)."""
        return record_parsed(
            self._writer,
            item_id,
            facts,
            children=children,
            derived=derived,
            later_children=later_children,
            reparse_reason=reparse_reason,
            replaces=replaces,
            cancel=cancel,
            on_bytes=on_bytes,
        )

    # ----------------------------------------------------------------- reading

    @_translate_db_errors
    def items(self) -> list[ItemSummary]:
        with self._db.read() as conn:
            return item_reads.read_items(conn)

    @_translate_db_errors
    def item(self, item_id: int) -> ItemSummary:
        with self._db.read() as conn:
            return item_reads.read_item(conn, item_id)

    @_translate_db_errors
    def timestamp_states(self) -> tuple[set[int], set[int]]:
        """(ids of items a stored token covers, ids of items waiting for one): ids only, two light queries."""
        with self._db.read() as conn:
            return read_timestamp_states(conn)

    def iter_original(self, item_id: int) -> Iterator[bytes]:
        """The original bytes in order, one stored chunk at a time (bounded memory); an item that is
        not in the vault raises ItemNotFoundError at the first read."""
        seq = 0
        while True:
            # One short read per chunk, so no cursor stays open across the caller's work.
            with self._db.read() as conn:
                try:
                    data = item_reads.read_chunk(conn, item_id, seq)
                except (sa_exc.DBAPIError, sa_exc.StatementError) as exc:
                    raise VaultDamagedError(path=self.path, detail=str(getattr(exc, "orig", exc))) from exc
            if data is None:
                if seq == 0:
                    self.item(item_id)  # no such item raises; an empty original ends here
                return
            yield data
            seq += 1

    def original_reader(self) -> OriginalReader:
        """A read-only connection of its own, for reading originals on another thread (which closes it)."""
        return OriginalReader(self.path / DB_FILE, self._require_key(), self._keyfile.cipher)

    @_translate_db_errors
    def record_view(self, item_id: int) -> None:
        """A person viewed the item in full (the GUI calls this): a custody event."""
        self._db.record(EventType.ITEM_VIEWED, {"item": item_id}, item_id=item_id)

    def extract(self, item_id: int, out_path: str | os.PathLike[str]) -> ItemSummary:
        """Write the byte-identical original to `out_path` (never overwriting), checked against its hash."""
        summary = self.item(item_id)
        target = Path(out_path)
        with self.partials.writing(target) as partial:  # found again on the next start if killed
            write_checked_copy(self.iter_original(item_id), summary.sha256, item_id, target, partial)
        self._record(
            EventType.ITEM_EXTRACTED,
            {"item": item_id, "sha256": summary.sha256, "to": display_path(target)},
            item_id,
        )
        return summary

    # ----------------------------------------------------------------- keys

    def check_passphrase(self, passphrase: str) -> bool:
        """True when `passphrase` opens this vault's passphrase slot (as unlocking would try it).

        For asking "your current passphrase" before a change: an open vault is not proof that the
        person at the keyboard knows it.
        """
        slot = self._keyfile.slot(SLOT_PASSPHRASE)
        return slot is not None and slot.unwrap(normalize_passphrase(passphrase), self.vault_id) is not None

    def change_passphrase(
        self,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
        event_type: str = EventType.PASSPHRASE_CHANGED,
    ) -> None:
        """Rewrap the data key under a new passphrase. The data is not re-encrypted, so an old copy
        of the key file still opens the vault with the old passphrase (`rotate_key` ends that)."""
        self._require_new_passphrase(new_passphrase)
        keyfile, params = passphrase_keyfile(self._keyfile, self._require_key(), new_passphrase, kdf)
        event = {"slot": SLOT_PASSPHRASE, "kdf": params.as_dict()}
        commit_key_file(self.path, self._db, keyfile, event_type, event)
        self._keyfile = keyfile

    @_translate_db_errors
    def reissue_recovery_code(self, *, kdf: KdfParams | None = None) -> str:
        """A new recovery code (show it once); the old one stops opening this key file."""
        keyfile, code, params = recovery_keyfile(self._keyfile, self._require_key(), kdf)
        event = {"slot": SLOT_RECOVERY, "kdf": params.as_dict()}
        commit_key_file(self.path, self._db, keyfile, EventType.RECOVERY_CODE_REISSUED, event)
        self._keyfile = keyfile
        return code

    @_translate_db_errors
    def rotate_key(
        self, new_passphrase: str, *, kdf: KdfParams | None = None, progress: ProgressCallback | None = None
    ) -> str:
        """Re-encrypt everything under a new data key, with a new passphrase and a new recovery
        code (returned: show it once). Every old copy of the key file and the old code stop working."""
        self._require_new_passphrase(new_passphrase)
        old_key = self._require_key()
        _keyfile, params = passphrase_keyfile(self._keyfile, old_key, new_passphrase, kdf)
        with self._db.mutex:
            made = rotate(self.path, self._db, self._keyfile, old_key, new_passphrase, params, progress)
            self._db.replace_engine(made.engine)
            self._keyfile, self._data_key = made.keyfile, made.data_key
        return made.recovery_code

    def leftovers(self) -> list[Path]:
        """Left-over partial files a killed process left in the folder (see `storage/leftovers.py`)."""
        return find_leftovers(self.path)

    def _require_new_passphrase(self, passphrase: str) -> None:
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooWeakError(minimum=MIN_PASSPHRASE_LENGTH)

    def _require_key(self) -> bytes:
        if self._data_key is None:
            raise VaultLockedError()
        return self._data_key

    # ----------------------------------------------------------------- verification

    def verify(
        self,
        *,
        cancel: CancelToken | None = None,
        on_item: Callable[[int, int], None] | None = None,
        record: bool = True,
        tsa_roots: Sequence[x509.Certificate] | None = None,
        against: RecordedHead | None = None,
    ) -> VerifyReport:
        """Check every page, every item's chunks and hash, and the custody chain. Never raises for damage.

        Each stored time-stamp is checked against the root stored with it; given `tsa_roots` (the
        roots this computer trusts for TSAs), a root that is neither one of them nor one the keeper
        added is a trust warning. `against`: an outside record of the head the log must extend.
        """
        with self._db.mutex:
            self._db.require_engine()
            key = self._data_key
            assert key is not None
            db_path, cipher = self.path / DB_FILE, self._keyfile.cipher
            report = verify_vault(
                lambda: make_engine(db_path, key, cipher),
                self.vault_id,
                self._public_key,
                cancel=cancel,
                on_item=on_item,
                tsa_roots=tsa_roots,
                db_file=db_path,
                against=against,
            )
        if record:
            with contextlib.suppress(EvidenceKitError):
                self._record(
                    EventType.VERIFIED,
                    {
                        "ok": report.ok,
                        "items": report.items_checked,
                        "problems": len(report.problems),
                        "warnings": len(report.warnings),
                        "head": report.head_hash,
                    },
                )
        return report

    @_translate_db_errors
    def backup(
        self,
        dest: str | os.PathLike[str],
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupReport:
        """A consistent, encrypted, verified copy in the new folder `dest`, logged (storage/backup.py)."""
        key, cipher = self._data_key, self._keyfile.cipher
        if key is None:
            raise VaultLockedError()
        check = copy_checker(key, cipher, self.vault_id, self._public_key, progress=progress, cancel=cancel)
        return make_backup(
            self._db, self.path, Path(dest), key, cipher, check=check, progress=progress, cancel=cancel
        )


__all__ = [
    "DB_FILE",
    "KEY_FILE",
    "LOCK_FILE",
    "MIN_PASSPHRASE_LENGTH",
    "README_FILE",
    "README_TEXT",
    "NewChild",
    "NewDerived",
    "NewItem",
    "Problem",
    "Vault",
    "display_path",
    "file_time",
]
