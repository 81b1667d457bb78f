"""Verifying an open vault: every page, every item's chunks and hash, the custody chain.

Rule: verification reports, it never raises for damage. Each check catches the database
errors of the part it reads, so one damaged page becomes one finding that names the item or
the part it hit, and the remaining checks still run. Finding nothing means: every page's
SQLCipher authentication tag holds, SQLite's structure is sound, every item's chunks are
complete, in order and hash to the recorded SHA-256, and the custody chain is unbroken,
signed, and agrees with the items.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Engine, select
from sqlalchemy import exc as sa_exc

from evidence_kit.domain import Problem, VerifyReport
from evidence_kit.errors import StoredValueError
from evidence_kit.progress import CancelToken
from evidence_kit.storage.custody import EventType, SignedEvent, verify_chain
from evidence_kit.storage.models import Chunk, CustodyEvent, Item, VaultInfo
from evidence_kit.storage.schema_guards import GUARDS, present_guards
from evidence_kit.verify.against import RecordedHead, check_against
from evidence_kit.verify.case_records import check_case_records
from evidence_kit.verify.derived import check_derived
from evidence_kit.verify.package_format import public_key_sha256
from evidence_kit.verify.tearing import torn_problem
from evidence_kit.verify.vault_timestamps import chain_hashes, check_timestamps

# A value edited into something unreadable is a finding too, never a traceback.
_DB_ERRORS = (sa_exc.DBAPIError, sa_exc.StatementError, StoredValueError)

# Chain findings after which the log no longer says what was last recorded for an item.
_LOG_NOT_WHOLE = frozenset({"events_missing", "head_mismatch", "log_unreadable"})


def _problem(
    scope: str,
    code: str,
    template: str,
    *,
    item_id: int | None = None,
    event_seq: int | None = None,
    **params: object,
) -> Problem:
    return Problem(
        scope=scope,
        code=code,
        template=template,
        params=tuple((k, str(v)) for k, v in params.items()),
        item_id=item_id,
        event_seq=event_seq,
    )


def _detail(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc))


def _check_guards(conn: Connection) -> list[Problem]:
    """Every append-only trigger is still there (someone with the key could have dropped one)."""
    try:
        missing = sorted(GUARDS - present_guards(conn))
    except _DB_ERRORS:
        return []  # the page checks report an unreadable schema
    return [
        _problem(
            "database",
            "guard_missing",
            "The database guard {guard} has been removed: rows it protects could have been rewritten.",
            guard=name,
        )
        for name in missing
    ]


def _check_pages(conn: Connection) -> list[Problem]:
    problems: list[Problem] = []
    try:
        for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall():
            problems.append(
                _problem("database", "page_damaged", "The vault file is damaged: {detail}.", detail=row[0])
            )
    except _DB_ERRORS as exc:
        problems.append(
            _problem("database", "page_damaged", "The vault file is damaged: {detail}.", detail=_detail(exc))
        )
    try:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        for row in rows:
            if row[0] != "ok":
                problems.append(
                    _problem(
                        "database",
                        "structure_damaged",
                        "The vault database structure is damaged: {detail}.",
                        detail=row[0],
                    )
                )
    except _DB_ERRORS as exc:
        problems.append(
            _problem(
                "database",
                "structure_damaged",
                "The vault database structure is damaged: {detail}.",
                detail=_detail(exc),
            )
        )
    return problems


def _check_item(conn: Connection, item: Any) -> tuple[list[Problem], int]:
    """Re-hash one item from its chunks, one chunk in memory at a time."""
    problems: list[Problem] = []
    digest = hashlib.sha256()
    size = 0
    expected_seq = 0
    try:
        result = conn.execute(
            select(Chunk.seq, Chunk.data).where(Chunk.item_id == item.id).order_by(Chunk.seq)
        )
        for seq, data in result:
            if seq != expected_seq:
                problems.append(
                    _problem(
                        "item",
                        "chunk_missing",
                        "Item {item}: part {seq} of its stored bytes is missing.",
                        item_id=item.id,
                        item=item.id,
                        seq=expected_seq,
                    )
                )
                expected_seq = seq
            digest.update(data)
            size += len(data)
            expected_seq += 1
    except _DB_ERRORS as exc:
        return [
            _problem(
                "item",
                "item_unreadable",
                "Item {item} ({name}): its stored bytes are damaged and cannot be read ({detail}).",
                item_id=item.id,
                item=item.id,
                name=item.original_name,
                detail=_detail(exc),
            )
        ], size
    if expected_seq != item.chunk_count:
        problems.append(
            _problem(
                "item",
                "chunk_count_mismatch",
                "Item {item}: {found} stored parts were found, {expected} were recorded.",
                item_id=item.id,
                item=item.id,
                found=expected_seq,
                expected=item.chunk_count,
            )
        )
    if size != item.size:
        problems.append(
            _problem(
                "item",
                "size_mismatch",
                "Item {item}: {found} bytes are stored, {expected} were recorded.",
                item_id=item.id,
                item=item.id,
                found=size,
                expected=item.size,
            )
        )
    if digest.hexdigest() != item.sha256:
        problems.append(
            _problem(
                "item",
                "hash_mismatch",
                "Item {item} ({name}): its stored bytes no longer match the recorded SHA-256.",
                item_id=item.id,
                item=item.id,
                name=item.original_name,
            )
        )
    return problems, size


def _check_custody(
    conn: Connection, vault_id: str, public_key: Ed25519PublicKey, items: dict[int, Any]
) -> tuple[list[Problem], str, int, list[dict[str, Any]], set[int]]:
    problems: list[Problem] = []
    try:
        rows = conn.execute(select(CustodyEvent).order_by(CustodyEvent.seq)).all()
        info = conn.execute(select(VaultInfo.head_seq, VaultInfo.head_hash)).one()
    except _DB_ERRORS as exc:
        return (
            [
                _problem(
                    "custody",
                    "log_unreadable",
                    "The custody log cannot be read ({detail}).",
                    detail=_detail(exc),
                )
            ],
            "",
            0,
            [],
            set(),
        )
    events = [
        SignedEvent(r.seq, r.event_type, r.at_utc, r.item_id, r.body, r.hash, r.signature) for r in rows
    ]
    chain_problems, head, count, bodies = verify_chain(events, public_key, vault_id)
    for cp in chain_problems:
        problems.append(
            Problem(scope="custody", code=cp.code, template=cp.template, params=cp.params, event_seq=cp.seq)
        )
    last_seq = events[-1].seq if events else 0
    if (info.head_seq, info.head_hash) != (last_seq, head):
        problems.append(
            _problem(
                "custody",
                "head_mismatch",
                "The custody log ends at event {found}, but the vault recorded event {expected} "
                "as its last: events were removed from the end.",
                found=last_seq,
                expected=info.head_seq,
            )
        )
    added: dict[int, dict[str, Any]] = {}
    for body in bodies:
        if body.get("type") == EventType.ITEM_ADDED and isinstance(body.get("data"), dict):
            data = body["data"]
            if isinstance(data.get("item"), int):
                added[data["item"]] = data
    for item_id, item in items.items():
        data = added.get(item_id)
        if data is None:
            problems.append(
                _problem(
                    "custody",
                    "item_without_event",
                    "Item {item} has no 'item added' event in the custody log.",
                    item_id=item_id,
                    item=item_id,
                )
            )
        elif (data.get("sha256"), data.get("size"), data.get("uuid")) != (item.sha256, item.size, item.uuid):
            problems.append(
                _problem(
                    "custody",
                    "item_event_mismatch",
                    "Item {item} does not match what the custody log recorded when it was added.",
                    item_id=item_id,
                    item=item_id,
                )
            )
    for item_id in added.keys() - items.keys():
        problems.append(
            _problem(
                "custody",
                "item_missing",
                "The custody log records item {item}, but the vault does not hold it.",
                item_id=item_id,
                item=item_id,
            )
        )
    return problems, head, count, bodies, {cp.seq for cp in chain_problems if cp.seq is not None}


class _Reader:
    """Read-only connections for verify, replaced after any database error.

    After SQLCipher meets a page whose authentication fails it keeps refusing reads on that
    connection, so one damaged page would hide the state of everything read after it. Each
    check therefore runs in its own transaction, and on a fresh connection after an error.
    """

    def __init__(self, connect: Callable[[], Engine]) -> None:
        self._connect = connect
        self._engine: Engine | None = None
        self._broken = False

    @contextlib.contextmanager
    def use(self) -> Iterator[Connection]:
        if self._engine is None:
            self._engine = self._connect()
        conn = self._engine.connect()
        try:
            yield conn
        finally:
            try:
                conn.close()
            except _DB_ERRORS:
                self._broken = True  # rolling back a connection in the error state may fail too
            if self._broken:
                self.reset()

    def mark_broken(self) -> None:
        self._broken = True

    def reset(self) -> None:
        self._broken = False
        if self._engine is not None:
            with contextlib.suppress(*_DB_ERRORS):
                self._engine.dispose()
            self._engine = None


def verify_vault(
    connect: Callable[[], Engine],
    vault_id: str,
    public_key: Ed25519PublicKey,
    *,
    cancel: CancelToken | None = None,
    on_item: Callable[[int, int], None] | None = None,
    tsa_roots: Sequence[x509.Certificate] | None = None,
    db_file: Path | None = None,
    against: RecordedHead | None = None,
) -> VerifyReport:
    """Run every check on connections made by `connect` (never the vault's writing connection).

    `tsa_roots`: when given, every stored time-stamp should chain to one of these roots or to a
    root the keeper added (`timestamping.user_roots`), not only to the root stored beside it
    (which a key holder could have replaced along with the token); one that does not is a trust
    warning. `against`: a head recorded outside the vault that the log must still extend
    (`verify/against.py`). `db_file`: the database file; when damage is found, it is looked at
    for the signs of a copy made while the vault was being written, and such a copy is named
    torn first (`tearing.py`).
    """
    reader = _Reader(connect)
    try:
        report = _verify(reader, vault_id, public_key, cancel, on_item, tsa_roots, against)
        if db_file is None:
            return report
        with reader.use() as conn:
            torn = torn_problem(conn, db_file, report.problems)
        return report if torn is None else replace(report, problems=(torn, *report.problems))
    finally:
        reader.reset()


def _verify(
    reader: _Reader,
    vault_id: str,
    public_key: Ed25519PublicKey,
    cancel: CancelToken | None,
    on_item: Callable[[int, int], None] | None,
    tsa_roots: Sequence[x509.Certificate] | None = None,
    against: RecordedHead | None = None,
) -> VerifyReport:
    problems: list[Problem] = []
    notes: list[Problem] = []
    items: dict[int, Any] = {}
    bytes_checked = 0
    with reader.use() as conn:
        try:
            items = {row.id: row for row in conn.execute(select(Item).order_by(Item.id)).all()}
        except _DB_ERRORS as exc:
            reader.mark_broken()
            problems.append(
                _problem(
                    "database",
                    "items_unreadable",
                    "The list of items cannot be read ({detail}).",
                    detail=_detail(exc),
                )
            )
    for index, item in enumerate(items.values()):
        if cancel is not None:
            cancel.check()
        with reader.use() as conn:
            found, size = _check_item(conn, item)
            if any(p.code == "item_unreadable" for p in found):
                reader.mark_broken()
        problems += found
        bytes_checked += size
        if on_item is not None:
            on_item(index + 1, len(items))
    with reader.use() as conn:
        try:
            orphans = conn.execute(
                select(Chunk.item_id).distinct().where(Chunk.item_id.not_in(select(Item.id)))
            )
            for (orphan,) in orphans:
                problems.append(
                    _problem(
                        "database",
                        "orphan_chunks",
                        "Stored bytes belong to item {item}, which does not exist.",
                        item=orphan,
                    )
                )
        except _DB_ERRORS as exc:
            reader.mark_broken()
            problems.append(
                _problem(
                    "database",
                    "structure_damaged",
                    "The vault database structure is damaged: {detail}.",
                    detail=_detail(exc),
                )
            )
    with reader.use() as conn:
        custody_problems, head, events, bodies, broken = _check_custody(conn, vault_id, public_key, items)
        if any(p.code == "log_unreadable" for p in custody_problems):
            reader.mark_broken()
    problems += custody_problems
    with reader.use() as conn:
        try:
            whole = not any(p.code in _LOG_NOT_WHOLE for p in custody_problems)
            problems += check_derived(conn, bodies, items, broken, log_whole=whole)[0]
            problems += check_case_records(conn, bodies, log_whole=whole)
        except _DB_ERRORS as exc:
            reader.mark_broken()
            problems.append(
                _problem(
                    "database",
                    "derived_unreadable",
                    "The items' parsed content cannot be read ({detail}).",
                    detail=_detail(exc),
                )
            )
    with reader.use() as conn:
        stamps = check_timestamps(conn, tsa_roots, bodies)
        if any(p.code == "timestamps_unreadable" for p in stamps.problems):
            reader.mark_broken()
    problems += stamps.problems
    notes += stamps.notes
    if against is not None:
        with reader.use() as conn:
            try:
                found, matched = check_against(
                    against, chain_hashes(conn), vault_id, public_key_sha256(public_key)
                )
            except _DB_ERRORS as exc:
                reader.mark_broken()
                found, matched = [_unreadable_log(exc)], []
        problems += found
        notes += matched
    with reader.use() as conn:
        problems += _check_guards(conn)
    # Last: the whole-file checks read every page, also those no item uses.
    with reader.use() as conn:
        problems += _check_pages(conn)
    return VerifyReport(
        items_checked=len(items),
        bytes_checked=bytes_checked,
        events_checked=events,
        head_hash=head,
        problems=tuple(problems),
        warnings=tuple(stamps.warnings),
        notes=tuple(notes),
        head_seq=events,
    )


def _unreadable_log(exc: BaseException) -> Problem:
    return _problem(
        "custody", "log_unreadable", "The custody log cannot be read ({detail}).", detail=_detail(exc)
    )
