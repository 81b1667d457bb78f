"""The vault: the one front door to a case's evidence. The CLI and the GUI both go through here.

Rules this module keeps:
- A vault is one folder (`keys.json`, `vault.db`, `vault.lock`, `README.txt`), 0700/0600.
  Copying the folder backs up the case.
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
import functools
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, ParamSpec, TypeVar

import filelock
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy import exc as sa_exc

from evidence_kit import __version__
from evidence_kit.domain import (
    CustodyEntry,
    ItemKind,
    ItemSummary,
    Problem,
    TimeSource,
    Timestamp,
    VerifyReport,
)
from evidence_kit.errors import (
    CancelledError,
    DiskFullError,
    EvidenceKitError,
    ExtractMismatchError,
    FileUnreadableError,
    ItemNotFoundError,
    NotAVaultError,
    OutputExistsError,
    PassphraseTooWeakError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultTooNewError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from evidence_kit.hashing import CHUNK_SIZE, read_chunks
from evidence_kit.progress import CancelToken
from evidence_kit.storage import migrate
from evidence_kit.storage.custody import EventType, SignedEvent, build_event
from evidence_kit.storage.engine import CipherSettings, make_engine
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
from evidence_kit.storage.models import (
    Chunk,
    CustodyEvent,
    Derived,
    Item,
    ItemTime,
    TimestampProof,
    TimestampQueue,
    VaultInfo,
    VaultSecret,
    table_of,
)
from evidence_kit.storage.signing_identity import SigningIdentity, make_signing_identity
from evidence_kit.timestamping import (
    NoTsaConfiguredError,
    TimestampError,
    TsaConfig,
    build_merkle,
    stamp_digest,
)
from evidence_kit.timestamping.queue import (
    MAX_BATCH,
    SUBJECT_CUSTODY_HEAD,
    SUBJECT_ITEM,
    SUBJECT_MERKLE_ROOT,
    ItemTimestamp,
    PendingTimestamp,
    StampReport,
    StoredTimestamp,
    enqueue_head,
    enqueue_item,
    event_data,
    read_head_tokens,
    read_item_timestamps,
    read_pending,
    record_failure,
    remove_heads_up_to,
    remove_queued,
    store_proofs,
    store_token,
)
from evidence_kit.verify.vault import verify_vault

KEY_FILE = "keys.json"
DB_FILE = "vault.db"
LOCK_FILE = "vault.lock"
README_FILE = "README.txt"
MIN_PASSPHRASE_LENGTH = 8
PDF_IDENTITY = "pdf_signing_identity"

README_TEXT = (
    "This folder is an Evidence Kit (Bewijskluis) vault. Everything in it is encrypted.\n"
    "Open it with Evidence Kit. Do not change or remove files in this folder; copy the whole\n"
    "folder to make a backup.\n"
    "Deze map is een Bewijskluis. Alles erin is versleuteld. Open hem met Bewijskluis.\n"
    "Wijzig of verwijder geen bestanden in deze map; kopieer de hele map als reservekopie.\n"
)

# The statements of the write path, built once on the tables (not the ORM classes): building an
# ORM statement per call cost more Python time per item than SQLCipher's work on a small file.
_ITEMS = table_of(Item)
_INSERT_ITEM = insert(_ITEMS)
_FINISH_ITEM = (
    update(_ITEMS)
    .where(_ITEMS.c.id == bindparam("item_id"))
    .values(sha256=bindparam("sha256"), size=bindparam("size"), chunk_count=bindparam("chunk_count"))
)
_INSERT_CHUNK = insert(table_of(Chunk))
_INSERT_TIME = insert(table_of(ItemTime))
_INSERT_DERIVED = insert(table_of(Derived))
_INSERT_EVENT = insert(table_of(CustodyEvent))
_HEAD = select(VaultInfo.head_seq, VaultInfo.head_hash)
_MOVE_HEAD = update(table_of(VaultInfo)).values(
    head_seq=bindparam("head_seq"), head_hash=bindparam("head_hash")
)

_IDS_PER_QUERY = 500  # ids bound into one IN (...) list, well below SQLite's variable limit

P = ParamSpec("P")
R = TypeVar("R")


def _is_disk_full(exc: BaseException) -> bool:
    text_ = str(exc).lower()
    return "disk is full" in text_ or getattr(exc, "errno", None) == 28  # ENOSPC


def _translate_db_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Turn raw database errors into the typed errors a user can be shown."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except EvidenceKitError:
            raise
        except (sa_exc.DBAPIError, sa_exc.StatementError) as exc:
            path = getattr(args[0], "path", "")
            if _is_disk_full(exc):
                raise DiskFullError(path=path) from exc
            raise VaultDamagedError(path=path, detail=str(getattr(exc, "orig", exc))) from exc

    return wrapper


def display_path(value: str | os.PathLike[str]) -> str:
    """A path as text that SQLite can store: undecodable bytes become backslash escapes."""
    raw = os.fsencode(value)
    return raw.decode("utf-8", errors="backslashreplace")


def file_time(stat: os.stat_result) -> Timestamp:
    """A file's modification time as a file-metadata time (UTC, with the local offset then)."""
    local = datetime.fromtimestamp(stat.st_mtime).astimezone()
    return Timestamp.from_aware(local, TimeSource.FILE_METADATA)


def _write_private_file(path: Path, data: bytes) -> None:
    """Write atomically with mode 0600: a crash leaves the old file or the new one, never half."""
    tmp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@dataclass(frozen=True)
class NewItem:
    """What the vault needs to know to store one original, besides its bytes."""

    original_name: str
    original_path: str
    kind: ItemKind = ItemKind.FILE
    media_type: str | None = None
    importer: str = "file"
    importer_version: str = "1"
    note: str = ""
    parent_id: int | None = None
    times: tuple[Timestamp, ...] = ()


@dataclass(frozen=True)
class NewChild:
    """A file carried inside an export, to store as its own item linked to the export."""

    name: str  # the name the export's messages use for it
    open: Callable[[], BinaryIO]
    meta: NewItem
    derived: Sequence[NewDerived] = ()


@dataclass(frozen=True)
class NewDerived:
    """Derived data to store with an item, in the same transaction (never evidence itself)."""

    kind: str
    media_type: str
    data: bytes
    producer: str
    producer_version: str


class Vault:
    """An unlocked vault. Create with `Vault.create`, open with `Vault.open`; close when done."""

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
        self._engine: Engine | None = engine
        self._lock = lock
        self._data_key: bytes | None = data_key
        self._actor = actor
        self._mutex = threading.RLock()
        self._stamping = threading.Lock()  # one time-stamping run at a time (it waits on the network)
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-kit-hash")
        with engine.connect() as conn:
            info = conn.execute(select(VaultInfo)).one()
        self.vault_id: str = info.vault_uuid
        self.case_title: str = info.case_title
        self._signing_key = Ed25519PrivateKey.from_private_bytes(info.signing_private_key)
        self._public_key = Ed25519PublicKey.from_public_bytes(info.signing_public_key)

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
        params = kdf or KdfParams.default()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        created = [folder / name for name in (KEY_FILE, DB_FILE, LOCK_FILE, README_FILE)]
        try:
            lock = cls._acquire_lock(folder)
            vault_id = str(uuid.uuid4())
            data_key = new_data_key()
            recovery_code = new_recovery_code()
            keyfile = KeyFile(
                vault_id,
                cipher or CipherSettings(),
                (
                    KeySlot.wrap(
                        data_key, normalize_passphrase(passphrase), SLOT_PASSPHRASE, params, vault_id
                    ),
                    KeySlot.wrap(
                        data_key, normalize_recovery_code(recovery_code), SLOT_RECOVERY, params, vault_id
                    ),
                ),
            )
            _write_private_file(folder / KEY_FILE, keyfile.to_bytes())
            _write_private_file(folder / README_FILE, README_TEXT.encode("utf-8"))
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
            vault = cls(folder, keyfile, engine, lock, data_key, actor)
            with vault._write() as conn:
                vault._append_event(
                    conn,
                    EventType.VAULT_CREATED,
                    {
                        "case_title": case_title,
                        "schema": migrate.head_revision(),
                        "program": f"evidence-kit {__version__}",
                    },
                )
            return vault, recovery_code
        except BaseException:
            for file in created:
                with contextlib.suppress(FileNotFoundError):
                    file.unlink()
            with contextlib.suppress(OSError):
                folder.rmdir()
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
        key_path = folder / KEY_FILE
        if not folder.is_dir() or not key_path.is_file():
            raise NotAVaultError(path=folder)
        lock = cls._acquire_lock(folder)
        try:
            keyfile = KeyFile.from_bytes(key_path.read_bytes(), key_path)
            if recovery_code is not None:
                slot = keyfile.slot(SLOT_RECOVERY)
                data_key = (
                    slot.unwrap(normalize_recovery_code(recovery_code), keyfile.vault_id) if slot else None
                )
                if data_key is None:
                    raise WrongRecoveryCodeError()
            else:
                slot = keyfile.slot(SLOT_PASSPHRASE)
                data_key = (
                    slot.unwrap(normalize_passphrase(passphrase or ""), keyfile.vault_id) if slot else None
                )
                if data_key is None:
                    raise WrongPassphraseError()
            return cls._open_database(folder, keyfile, data_key, lock, actor)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_database(
        cls, folder: Path, keyfile: KeyFile, data_key: bytes, lock: filelock.BaseFileLock, actor: str
    ) -> Vault:
        db_path = folder / DB_FILE
        if not db_path.is_file():
            raise VaultDamagedError(path=folder, detail="the database file is missing")
        try:
            engine = make_engine(db_path, data_key, keyfile.cipher)
        except Exception as exc:  # sqlcipher raises its own DatabaseError: "file is not a database"
            raise VaultDamagedError(path=folder, detail=str(exc)) from exc
        try:
            with engine.begin() as conn:
                before = migrate.current_revision(conn)
                if before is None or not migrate.is_known(before):
                    raise (
                        VaultTooNewError(path=folder)
                        if before
                        else VaultDamagedError(path=folder, detail="the database has no schema")
                    )
                migrate.upgrade(conn)
            vault = cls(folder, keyfile, engine, lock, data_key, actor)
            if before != migrate.head_revision():
                with vault._write() as conn:
                    vault._append_event(
                        conn, EventType.VAULT_MIGRATED, {"from": before, "to": migrate.head_revision()}
                    )
            return vault
        except EvidenceKitError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            if _is_disk_full(exc):
                raise DiskFullError(path=folder) from exc
            raise VaultDamagedError(path=folder, detail=str(getattr(exc, "orig", exc))) from exc

    @staticmethod
    def _acquire_lock(folder: Path) -> filelock.BaseFileLock:
        lock_path = folder / LOCK_FILE
        lock = filelock.FileLock(str(lock_path), mode=0o600)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout as exc:
            raise VaultInUseError(path=folder) from exc
        return lock

    def close(self) -> None:
        """Lock the vault: drop the key and the connection, release the lock. Safe to call twice."""
        with self._mutex:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            self._data_key = None
            if self._lock.is_locked:
                self._lock.release()
        self._hasher.shutdown(wait=True)

    lock = close

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise VaultLockedError()
        return self._engine

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._mutex, self._require_engine().begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._mutex, self._require_engine().connect() as conn:
            yield conn

    # ----------------------------------------------------------------- custody

    def _append_event(
        self, conn: Connection, event_type: str, data: dict[str, Any], item_id: int | None = None
    ) -> SignedEvent:
        """Append one signed event inside the caller's transaction and move the stored head."""
        head_seq, head_hash = conn.execute(_HEAD).one()
        event = build_event(
            seq=head_seq + 1,
            prev_hash=head_hash,
            event_type=event_type,
            data=data,
            vault_id=self.vault_id,
            actor=f"evidence-kit/{__version__} ({self._actor})",
            key=self._signing_key,
            item_id=item_id,
        )
        conn.execute(
            _INSERT_EVENT,
            {
                "seq": event.seq,
                "event_type": event.event_type,
                "at_utc": event.at_utc,
                "item_id": item_id,
                "body": event.body,
                "hash": event.hash,
                "signature": event.signature,
            },
        )
        conn.execute(_MOVE_HEAD, {"head_seq": event.seq, "head_hash": event.hash})
        return event

    @_translate_db_errors
    def custody_log(self, item_id: int | None = None) -> list[CustodyEntry]:
        query = select(CustodyEvent).order_by(CustodyEvent.seq)
        if item_id is not None:
            query = query.where(CustodyEvent.item_id == item_id)
        entries = []
        with self._read() as conn:
            for row in conn.execute(query):
                body = json.loads(row.body)
                data = body.get("data", {})
                entries.append(
                    CustodyEntry(
                        seq=row.seq,
                        event_type=row.event_type,
                        at_utc=row.at_utc,
                        offset_minutes=int(body.get("offset_minutes", 0)),
                        actor=str(body.get("actor", "")),
                        item_id=row.item_id,
                        data=tuple((str(k), str(v)) for k, v in sorted(data.items())),
                        hash=row.hash,
                    )
                )
        return entries

    def public_key_pem(self) -> bytes:
        return self._public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    @_translate_db_errors
    def custody_head(self) -> str:
        """The hash of the last custody event (the value a time-stamp anchors)."""
        with self._read() as conn:
            return str(conn.execute(select(VaultInfo.head_hash)).scalar_one())

    def signing_key(self) -> Ed25519PrivateKey:
        """The vault's Ed25519 key: signs the custody log and exported manifests."""
        self._require_engine()
        return self._signing_key

    def record_event(self, event_type: str, data: dict[str, Any], item_id: int | None = None) -> None:
        """Append a custody event for something done outside the vault (an export)."""
        self._record(event_type, data, item_id)

    @_translate_db_errors
    def pdf_signing_identity(self) -> SigningIdentity:
        """The vault's own PDF signing certificate, made on first use and kept encrypted in the vault."""
        with self._write() as conn:
            stored = conn.execute(
                select(VaultSecret.value).where(VaultSecret.name == PDF_IDENTITY)
            ).scalar_one_or_none()
            if stored is not None:
                return SigningIdentity.from_bytes(stored)
            # The certificate is inside every exported PDF: it names the tool and the vault id,
            # never the case or the person.
            identity = make_signing_identity(f"Evidence Kit vault {self.vault_id}")
            conn.execute(
                insert(VaultSecret).values(
                    name=PDF_IDENTITY, value=identity.to_bytes(), created_at_utc=datetime.now(UTC)
                )
            )
            return identity

    # ----------------------------------------------------------------- adding evidence

    def _store(
        self,
        conn: Connection,
        stream: BinaryIO,
        meta: NewItem,
        *,
        cancel: CancelToken | None,
        on_bytes: Callable[[int], None] | None,
    ) -> ItemSummary:
        """Stream one original into chunks in the caller's transaction; returns what was stored."""
        imported = Timestamp.now()
        item_uuid = str(uuid.uuid4())
        item_id_row = conn.execute(
            _INSERT_ITEM,
            {
                "uuid": item_uuid,
                "kind": str(meta.kind),
                "sha256": "",
                "size": 0,
                "chunk_count": 0,
                "original_name": meta.original_name,
                "original_path": meta.original_path,
                "media_type": meta.media_type,
                "importer": meta.importer,
                "importer_version": meta.importer_version,
                "note": meta.note,
                "category": "",
                "parent_id": meta.parent_id,
                "imported_at_utc": imported.utc,
            },
        ).inserted_primary_key
        assert item_id_row is not None
        item_id = int(item_id_row[0])
        digest = hashlib.sha256()
        size = 0
        seq = 0
        for chunk in read_chunks(stream, CHUNK_SIZE):
            if cancel is not None:
                cancel.check()  # raising here rolls the unfinished item back
            # Hash this chunk on the helper thread while SQLCipher encrypts and writes it here:
            # both release the GIL, so on two cores the hash costs no extra time. One chunk at
            # a time, so the digest still sees the bytes in order.
            hashing = self._hasher.submit(digest.update, chunk)
            try:
                conn.execute(_INSERT_CHUNK, {"item_id": item_id, "seq": seq, "data": chunk})
            finally:
                hashing.result()
            seq += 1
            size += len(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
        sha256 = digest.hexdigest()
        conn.execute(_FINISH_ITEM, {"item_id": item_id, "sha256": sha256, "size": size, "chunk_count": seq})
        conn.execute(
            _INSERT_TIME,
            [
                {
                    "item_id": item_id,
                    "source": str(moment.source),
                    "utc": moment.utc,
                    "local": moment.local,
                    "offset_minutes": moment.offset_minutes,
                    "assumption": moment.assumption,
                }
                for moment in (imported, *meta.times)
            ],
        )
        # Built from what was just written, not read back: the same values `item()` returns
        # (a test holds the two equal), without a second query per item.
        return ItemSummary(
            id=item_id,
            uuid=item_uuid,
            kind=ItemKind(str(meta.kind)),
            sha256=sha256,
            size=size,
            original_name=meta.original_name,
            original_path=meta.original_path,
            media_type=meta.media_type,
            importer=meta.importer,
            importer_version=meta.importer_version,
            note=meta.note,
            category="",
            parent_id=meta.parent_id,
            imported_at=imported,
            times=(imported, *meta.times),
        )

    @staticmethod
    def _store_derived(conn: Connection, item_id: int, derived: Sequence[NewDerived]) -> None:
        now = datetime.now(UTC)
        for extra in derived:
            conn.execute(
                _INSERT_DERIVED,
                {
                    "item_id": item_id,
                    "kind": extra.kind,
                    "media_type": extra.media_type,
                    "producer": extra.producer,
                    "producer_version": extra.producer_version,
                    "created_at_utc": now,
                    "data": extra.data,
                },
            )

    def _added_event(
        self, conn: Connection, item: ItemSummary, meta: NewItem, derived: Sequence[NewDerived]
    ) -> None:
        item_id, item_uuid, sha256, size = item.id, item.uuid, item.sha256, item.size
        enqueue_item(conn, item_id, sha256)  # stamped later by stamp_pending, never inside this transaction
        self._append_event(
            conn,
            EventType.ITEM_ADDED,
            {
                "item": item_id,
                "uuid": item_uuid,
                "sha256": sha256,
                "size": size,
                "name": meta.original_name,
                "path": meta.original_path,
                "kind": str(meta.kind),
                "importer": f"{meta.importer}/{meta.importer_version}",
                "parent": meta.parent_id,
                "derived": [d.kind for d in derived],
            },
            item_id=item_id,
        )

    @_translate_db_errors
    def add_stream(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        derived: Sequence[NewDerived] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> ItemSummary:
        """Store one original from `stream`, with its times, derived data and custody event, atomically."""
        with self._write() as conn:
            stored = self._store(conn, stream, meta, cancel=cancel, on_bytes=on_bytes)
            self._store_derived(conn, stored.id, derived)
            self._added_event(conn, stored, meta, derived)
        return stored

    @_translate_db_errors
    def add_export(
        self,
        stream: BinaryIO,
        meta: NewItem,
        *,
        children: Sequence[NewChild] = (),
        derived: Callable[[dict[str, int]], Sequence[NewDerived]] = lambda _links: (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> tuple[list[ItemSummary], list[tuple[str, EvidenceKitError]]]:
        """Store an export (chat zip, e-mail, backup) with the files it carries, as one transaction.

        The export is the evidence item; each child (a zip member, an attachment) becomes an
        item linked to it by `parent_id`. A child that cannot be read is rolled back alone
        (a savepoint) and returned as a failure; the rest still goes in. `derived` is called
        with the names of the stored children and their item ids, so parsed messages can
        link their attachments to the items that hold them.
        """
        failures: list[tuple[str, EvidenceKitError]] = []
        links: dict[str, int] = {}
        children_stored: list[ItemSummary] = []
        with self._write() as conn:
            parent = self._store(conn, stream, meta, cancel=cancel, on_bytes=on_bytes)
            for child in children:
                child_meta = replace(child.meta, parent_id=parent.id)
                try:
                    with conn.begin_nested(), child.open() as child_stream:
                        stored = self._store(conn, child_stream, child_meta, cancel=cancel, on_bytes=on_bytes)
                        self._store_derived(conn, stored.id, child.derived)
                        self._added_event(conn, stored, child_meta, child.derived)
                    links[child.name] = stored.id
                    children_stored.append(stored)
                except CancelledError:
                    raise
                except EvidenceKitError as exc:
                    failures.append((child.name, exc))
                except OSError as exc:
                    failures.append(
                        (child.name, FileUnreadableError(path=child.name, detail=exc.strerror or str(exc)))
                    )
            parent_derived = derived(links)
            self._store_derived(conn, parent.id, parent_derived)
            self._added_event(conn, parent, meta, parent_derived)
        items = [parent, *children_stored]
        return items, failures

    def add_file(
        self,
        path: str | os.PathLike[str],
        *,
        note: str = "",
        meta: NewItem | None = None,
        derived: Sequence[NewDerived] = (),
        cancel: CancelToken | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> ItemSummary:
        """Store one file from disk byte-exact, with its modification time as a file-metadata time."""
        given = Path(path)
        try:
            with open(given, "rb") as handle:
                stat = os.fstat(handle.fileno())
                base = meta or NewItem(
                    original_name=display_path(given.name), original_path=display_path(path)
                )
                base = replace(base, note=note or base.note, times=(*base.times, file_time(stat)))
                try:
                    return self.add_stream(handle, base, derived=derived, cancel=cancel, on_bytes=on_bytes)
                except OSError as exc:
                    raise FileUnreadableError(
                        path=display_path(path), detail=exc.strerror or str(exc)
                    ) from exc
        except IsADirectoryError as exc:
            raise FileUnreadableError(path=display_path(path), detail="it is a folder") from exc
        except OSError as exc:
            if _is_disk_full(exc):
                raise DiskFullError(path=self.path) from exc
            raise FileUnreadableError(path=display_path(path), detail=exc.strerror or str(exc)) from exc

    # ----------------------------------------------------------------- reading

    @staticmethod
    def _summary(row: Item, times: Iterable[ItemTime]) -> ItemSummary:
        stamps = tuple(
            Timestamp(
                source=TimeSource(t.source),
                utc=t.utc,
                local=t.local,
                offset_minutes=t.offset_minutes,
                assumption=t.assumption,
            )
            for t in times
        )
        imported = next(
            (s for s in stamps if s.source == TimeSource.IMPORT_CLOCK),
            Timestamp(source=TimeSource.IMPORT_CLOCK, utc=row.imported_at_utc),
        )
        return ItemSummary(
            id=row.id,
            uuid=row.uuid,
            kind=ItemKind(row.kind),
            sha256=row.sha256,
            size=row.size,
            original_name=row.original_name,
            original_path=row.original_path,
            media_type=row.media_type,
            importer=row.importer,
            importer_version=row.importer_version,
            note=row.note,
            category=row.category,
            parent_id=row.parent_id,
            imported_at=imported,
            times=stamps,
        )

    @_translate_db_errors
    def items(self) -> list[ItemSummary]:
        with self._read() as conn:
            rows = conn.execute(select(Item).order_by(Item.id)).all()
            times: dict[int, list[Any]] = {}
            for t in conn.execute(select(ItemTime).order_by(ItemTime.id)):
                times.setdefault(t.item_id, []).append(t)
        return [self._summary(row, times.get(row.id, [])) for row in rows]  # type: ignore[arg-type]

    @_translate_db_errors
    def item(self, item_id: int) -> ItemSummary:
        with self._read() as conn:
            row = conn.execute(select(Item).where(Item.id == item_id)).one_or_none()
            if row is None:
                raise ItemNotFoundError(item_id=item_id)
            times = conn.execute(
                select(ItemTime).where(ItemTime.item_id == item_id).order_by(ItemTime.id)
            ).all()
        return self._summary(row, times)  # type: ignore[arg-type]

    @_translate_db_errors
    def derived(self, item_id: int, kind: str) -> bytes | None:
        with self._read() as conn:
            return conn.execute(
                select(Derived.data)
                .where(Derived.item_id == item_id, Derived.kind == kind)
                .order_by(Derived.id.desc())
                .limit(1)
            ).scalar_one_or_none()

    @_translate_db_errors
    def derived_many(self, item_id: int, kinds: Sequence[str]) -> dict[str, bytes]:
        """The newest derived data of each of `kinds` for one item, in one query (absent kinds left out)."""
        found: dict[str, bytes] = {}
        with self._read() as conn:
            rows = conn.execute(
                select(Derived.kind, Derived.data)
                .where(Derived.item_id == item_id, Derived.kind.in_(list(kinds)))
                .order_by(Derived.id)
            )
            for kind, data in rows:
                found[kind] = data  # ordered by id: the newest of a kind wins
        return found

    @_translate_db_errors
    def derived_of_items(self, item_ids: Sequence[int], kind: str) -> dict[int, bytes]:
        """Item id -> the newest derived data of `kind`, for many items in a few queries (absent left out).

        The evidence list reads every chat's messages, and a page of thumbnails, this way.
        """
        found: dict[int, bytes] = {}
        wanted = list(dict.fromkeys(item_ids))
        with self._read() as conn:
            for start in range(0, len(wanted), _IDS_PER_QUERY):
                rows = conn.execute(
                    select(Derived.item_id, Derived.data)
                    .where(Derived.kind == kind, Derived.item_id.in_(wanted[start : start + _IDS_PER_QUERY]))
                    .order_by(Derived.id)
                )
                for item_id, data in rows:
                    found[item_id] = data  # ordered by id: the newest wins
        return found

    @_translate_db_errors
    def timestamp_states(self) -> tuple[set[int], set[int]]:
        """(ids of items a stored token covers, ids of items waiting for one): ids only, two light queries."""
        with self._read() as conn:
            stamped = set(conn.execute(select(TimestampProof.item_id).distinct()).scalars())
            queued = conn.execute(
                select(TimestampQueue.item_id).where(
                    TimestampQueue.subject == SUBJECT_ITEM, TimestampQueue.item_id.is_not(None)
                )
            ).scalars()
            waiting = {item_id for item_id in queued if item_id is not None}
        return stamped, waiting

    def iter_original(self, item_id: int) -> Iterator[bytes]:
        """The original bytes in order, one stored chunk at a time (bounded memory)."""
        self.item(item_id)
        seq = 0
        while True:
            # One short read per chunk, so no cursor stays open across the caller's work.
            with self._read() as conn:
                try:
                    data = conn.execute(
                        select(Chunk.data).where(Chunk.item_id == item_id, Chunk.seq == seq)
                    ).scalar_one_or_none()
                except (sa_exc.DBAPIError, sa_exc.StatementError) as exc:
                    raise VaultDamagedError(path=self.path, detail=str(getattr(exc, "orig", exc))) from exc
            if data is None:
                return
            yield data
            seq += 1

    @_translate_db_errors
    def record_view(self, item_id: int) -> None:
        """A person viewed the item in full (the GUI calls this): a custody event."""
        with self._write() as conn:
            self._append_event(conn, EventType.ITEM_VIEWED, {"item": item_id}, item_id=item_id)

    def extract(self, item_id: int, out_path: str | os.PathLike[str]) -> ItemSummary:
        """Write the byte-identical original to `out_path` (never overwriting), checked against its hash."""
        summary = self.item(item_id)
        target = Path(out_path)
        if target.exists():
            raise OutputExistsError(path=display_path(target))
        tmp = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:8]}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as handle:
                for chunk in self.iter_original(item_id):
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if digest.hexdigest() != summary.sha256:
                raise ExtractMismatchError(item_id=item_id, path=display_path(target))
            os.replace(tmp, target)
        except OSError as exc:
            if _is_disk_full(exc):
                raise DiskFullError(path=display_path(target)) from exc
            raise FileUnreadableError(path=display_path(target), detail=exc.strerror or str(exc)) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self._record(
            EventType.ITEM_EXTRACTED,
            {"item": item_id, "sha256": summary.sha256, "to": display_path(target)},
            item_id,
        )
        return summary

    @_translate_db_errors
    def _record(self, event_type: str, data: dict[str, Any], item_id: int | None = None) -> None:
        with self._write() as conn:
            self._append_event(conn, event_type, data, item_id)

    # ----------------------------------------------------------------- notes and categories

    @_translate_db_errors
    def set_note(self, item_id: int, note: str) -> None:
        with self._write() as conn:
            old = conn.execute(select(Item.note).where(Item.id == item_id)).scalar_one_or_none()
            if old is None:
                raise ItemNotFoundError(item_id=item_id)
            conn.execute(update(Item).where(Item.id == item_id).values(note=note))
            self._append_event(
                conn, EventType.NOTE_CHANGED, {"item": item_id, "old": old, "new": note}, item_id=item_id
            )

    @_translate_db_errors
    def set_category(self, item_id: int, category: str) -> None:
        with self._write() as conn:
            old = conn.execute(select(Item.category).where(Item.id == item_id)).scalar_one_or_none()
            if old is None:
                raise ItemNotFoundError(item_id=item_id)
            conn.execute(update(Item).where(Item.id == item_id).values(category=category))
            self._append_event(
                conn,
                EventType.CATEGORY_CHANGED,
                {"item": item_id, "old": old, "new": category},
                item_id=item_id,
            )

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
        """Rewrap the data key under a new passphrase. The data is not re-encrypted."""
        if len(new_passphrase) < MIN_PASSPHRASE_LENGTH:
            raise PassphraseTooWeakError(minimum=MIN_PASSPHRASE_LENGTH)
        if self._data_key is None:
            raise VaultLockedError()
        old_slot = self._keyfile.slot(SLOT_PASSPHRASE)
        params = kdf or (old_slot.params if old_slot else KdfParams.default())
        slot = KeySlot.wrap(
            self._data_key, normalize_passphrase(new_passphrase), SLOT_PASSPHRASE, params, self.vault_id
        )
        keyfile = self._keyfile.with_slot(slot)
        with self._write() as conn:
            self._append_event(conn, event_type, {"slot": SLOT_PASSPHRASE, "kdf": params.as_dict()})
            # Written inside the transaction: if the key file cannot be written, the event rolls back.
            _write_private_file(self.path / KEY_FILE, keyfile.to_bytes())
        self._keyfile = keyfile

    # ----------------------------------------------------------------- verification

    def verify(
        self,
        *,
        cancel: CancelToken | None = None,
        on_item: Callable[[int, int], None] | None = None,
        record: bool = True,
        tsa_roots: Sequence[x509.Certificate] | None = None,
    ) -> VerifyReport:
        """Check every page, every item's chunks and hash, and the custody chain. Never raises for damage.

        Each stored time-stamp is checked against the root stored with it; given `tsa_roots` (the
        roots this computer trusts for TSAs), that root must also be one of them.
        """
        with self._mutex:
            self._require_engine()
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
            )
        if record:
            with contextlib.suppress(EvidenceKitError):
                self._record(
                    EventType.VERIFIED,
                    {
                        "ok": report.ok,
                        "items": report.items_checked,
                        "problems": len(report.problems),
                        "head": report.head_hash,
                    },
                )
        return report

    # ----------------------------------------------------------------- trusted timestamps

    @_translate_db_errors
    def pending_timestamps(self) -> list[PendingTimestamp]:
        """Work waiting for a time-stamp authority: items' SHA-256 values and custody-log heads."""
        with self._read() as conn:
            return read_pending(conn)

    @_translate_db_errors
    def request_head_timestamp(self) -> None:
        """Queue the custody log's current head for anchoring (after recording an export).

        `stamp_pending` then anchors the head as it is at that moment, which covers this one.
        """
        with self._write() as conn:
            enqueue_head(conn)

    @_translate_db_errors
    def item_timestamps(self, item_id: int) -> list[ItemTimestamp]:
        """The item's stored tokens, each with its inclusion proof, oldest first."""
        with self._read() as conn:
            return read_item_timestamps(conn, item_id).get(item_id, [])

    @_translate_db_errors
    def timestamps_by_item(self) -> dict[int, list[ItemTimestamp]]:
        """Item id -> its tokens with proofs, for every item that has one (items without are absent)."""
        with self._read() as conn:
            return read_item_timestamps(conn)

    def all_item_timestamps(self) -> list[tuple[int, str, datetime]]:
        """(item id, the TSA's own name, its signed time) for each token covering an item."""
        return [
            (item_id, stamp.token.tsa_name, stamp.token.gen_time)
            for item_id, stamps in self.timestamps_by_item().items()
            for stamp in stamps
        ]

    @_translate_db_errors
    def head_timestamps(self) -> list[StoredTimestamp]:
        """The tokens anchoring the custody log's head, oldest first."""
        with self._read() as conn:
            return read_head_tokens(conn)

    @_translate_db_errors
    def stamp_pending(self, tsas: Sequence[TsaConfig], *, cancel: CancelToken | None = None) -> StampReport:
        """Stamp the queued items (one Merkle root per batch), then the custody log's head.

        The TSAs are asked in order, outside any transaction; each verified token is then stored
        with its proofs, the removal of the work it finished and a `timestamp_obtained` event, in
        one transaction. A TSA failure never raises: the work stays queued with one more attempt
        and the reason, and the report carries the error.
        """
        with self._stamping:
            pending = self.pending_timestamps()
            if not pending:
                return StampReport()
            if not tsas:
                return StampReport(errors=(NoTsaConfiguredError(),), remaining=len(pending))
            items = [p for p in pending if p.subject == SUBJECT_ITEM and p.item_id is not None]
            heads = [p for p in pending if p.subject == SUBJECT_CUSTODY_HEAD]
            tokens: list[StoredTimestamp] = []
            stamped: list[int] = []
            covered: list[tuple[int, tuple[int, ...]]] = []
            error: TimestampError | None = None
            for start in range(0, len(items), MAX_BATCH):
                if cancel is not None:
                    cancel.check()
                batch = items[start : start + MAX_BATCH]
                token, error = self._stamp_items(batch, tsas)
                if token is None:
                    break
                tokens.append(token)
                batch_ids = tuple(p.item_id for p in batch if p.item_id is not None)
                stamped += batch_ids
                covered.append((token.id, batch_ids))
            anchored: int | None = None
            if error is None:
                if cancel is not None:
                    cancel.check()
                token, error = self._stamp_head(tsas)
                if token is not None:
                    tokens.append(token)
                    anchored = token.head_seq
            if error is not None:
                with self._write() as conn:
                    done = set(stamped)
                    waiting = [p.id for p in items if p.item_id not in done]
                    if waiting or heads:
                        record_failure(conn, [*waiting, *(p.id for p in heads)], error)
                    else:  # the items are stamped but the head is not: keep its anchor queued
                        enqueue_head(conn, attempts=1, error=error)
            return StampReport(
                tokens=tuple(tokens),
                items=tuple(stamped),
                head_seq=anchored,
                errors=(error,) if error is not None else (),
                remaining=len(self.pending_timestamps()),
                token_items=tuple(covered),
            )

    def _stamp_items(
        self, batch: Sequence[PendingTimestamp], tsas: Sequence[TsaConfig]
    ) -> tuple[StoredTimestamp | None, TimestampError | None]:
        digests = [bytes.fromhex(p.digest) for p in batch]
        # One item is stamped as itself, so `openssl ts -verify -data <file>` checks it directly.
        tree = build_merkle(digests) if len(batch) > 1 else None
        try:
            result = stamp_digest(tree.root if tree is not None else digests[0], tsas)
        except TimestampError as exc:
            return None, exc
        item_ids = [p.item_id for p in batch if p.item_id is not None]
        with self._write() as conn:
            token = store_token(conn, SUBJECT_MERKLE_ROOT if tree is not None else SUBJECT_ITEM, result)
            store_proofs(conn, token.id, item_ids, tree)
            remove_queued(conn, [p.id for p in batch])
            self._append_event(
                conn,
                EventType.TIMESTAMP_OBTAINED,
                event_data(token, item_ids),
                item_id=item_ids[0] if tree is None else None,
            )
        return token, None

    def _stamp_head(self, tsas: Sequence[TsaConfig]) -> tuple[StoredTimestamp | None, TimestampError | None]:
        with self._read() as conn:
            head_seq, head_hash = conn.execute(select(VaultInfo.head_seq, VaultInfo.head_hash)).one()
        try:
            result = stamp_digest(bytes.fromhex(head_hash), tsas)
        except TimestampError as exc:
            return None, exc
        with self._write() as conn:
            token = store_token(conn, SUBJECT_CUSTODY_HEAD, result, head_seq=head_seq)
            remove_heads_up_to(conn, head_seq)
            self._append_event(conn, EventType.TIMESTAMP_OBTAINED, event_data(token))
        return token, None


__all__ = ["NewDerived", "NewItem", "Problem", "Vault", "display_path"]
