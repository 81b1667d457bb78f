"""The open database of one vault: its engine, the one lock around it, and the custody log table.

Rules this module keeps:
- One writer: every read and write goes through `read()` / `write()`, which hold the vault's
  re-entrant mutex, so the app's worker and its stamper thread never write SQLite at once.
- Every change to evidence and its custody event are written in ONE transaction: callers open
  `write()`, make their change and call `append_event` on the same connection; after a crash
  the change is wholly there with its event, or not there at all.
- `append_event` is the only code that extends the chain: it reads the stored head, signs the
  next event (`custody.build_event`) and moves the head, inside the caller's transaction.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy import exc as sa_exc

from evidence_kit import __version__
from evidence_kit.domain import CustodyEntry
from evidence_kit.errors import VaultLockedError
from evidence_kit.storage.custody import SignedEvent, build_event
from evidence_kit.storage.models import CustodyEvent, VaultInfo, table_of

# Built once on the tables (not the ORM classes): an event is appended for every stored item,
# and building an ORM statement per call cost more than SQLCipher's work on a small file.
_INSERT_EVENT = insert(table_of(CustodyEvent))
_HEAD = select(VaultInfo.head_seq, VaultInfo.head_hash)
_MOVE_HEAD = update(table_of(VaultInfo)).values(
    head_seq=bindparam("head_seq"), head_hash=bindparam("head_hash")
)


class _QuietWhenAbandoned(contextlib.AbstractContextManager[None]):
    """Let an abandoned `read()`/`write()` end without an error about the closed database.

    When Ctrl-C lands between such a context's entry and the caller's `with` taking it over,
    nobody exits it: the garbage collector closes it later, often after the interrupted
    command has closed the vault, and the connection's rollback then fails on the closed
    database ("Exception ignored in ... Traceback" on the user's terminal). Nothing is lost
    by staying quiet: an uncommitted transaction is rolled back when the database closes.
    Only errors raised while handling that close (GeneratorExit) are dropped.
    """

    def __exit__(self, kind: object, value: BaseException | None, traceback: object) -> bool:
        if not isinstance(value, sa_exc.SQLAlchemyError | RuntimeError):
            return False
        cause: BaseException | None = value
        while cause is not None:  # the driver's error, wrapped by SQLAlchemy, during the close
            if isinstance(cause, GeneratorExit):
                return True
            cause = cause.__context__
        return False


class VaultDatabase:
    """An open vault's engine with its mutex, and the signing of custody events."""

    def __init__(self, engine: Engine, vault_id: str, actor: str, signing_key: Ed25519PrivateKey) -> None:
        self._engine: Engine | None = engine
        self.vault_id = vault_id
        self.actor = actor
        self.signing_key = signing_key
        self.mutex = threading.RLock()

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def require_engine(self) -> Engine:
        if self._engine is None:
            raise VaultLockedError()
        return self._engine

    def close(self) -> None:
        """Dispose of the engine (its connections and their keys). Safe to call twice."""
        with self.mutex:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def replace_engine(self, engine: Engine) -> None:
        """Go on with `engine` (the vault's database file was replaced by a re-encrypted copy)."""
        with self.mutex:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = engine

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        with _QuietWhenAbandoned(), self.mutex, self.require_engine().begin() as conn:
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with _QuietWhenAbandoned(), self.mutex, self.require_engine().connect() as conn:
            yield conn

    def append_event(
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
            actor=f"evidence-kit/{__version__} ({self.actor})",
            key=self.signing_key,
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

    def record(self, event_type: str, data: dict[str, Any], item_id: int | None = None) -> None:
        """Append one event in a transaction of its own."""
        with self.write() as conn:
            self.append_event(conn, event_type, data, item_id)


def read_custody_log(conn: Connection, item_id: int | None = None) -> list[CustodyEntry]:
    """The custody log (or one item's events) in order, as plain entries for display."""
    query = select(CustodyEvent).order_by(CustodyEvent.seq)
    if item_id is not None:
        query = query.where(CustodyEvent.item_id == item_id)
    entries = []
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


def read_signed_events(conn: Connection) -> list[SignedEvent]:
    """Every custody event as signed (body, hash, signature), in order: what a package ships."""
    rows = conn.execute(select(CustodyEvent).order_by(CustodyEvent.seq))
    return [SignedEvent(r.seq, r.event_type, r.at_utc, r.item_id, r.body, r.hash, r.signature) for r in rows]
