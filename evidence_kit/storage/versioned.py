"""Records the keeper writes (incidents, people) kept as sealed versions: the shared mechanics.

Rules this module keeps:
- A record is a sequence of versions 1, 2, ...; a version is never changed or removed (the
  tables' triggers refuse it). Its `body` is canonical JSON and `sha256` the SHA-256 of it.
- Each version is written in the same transaction as its custody event (`recorded` for version
  1, `edited` after), whose data carries the record number (under `key`), the version and the
  SHA-256: `verify/case_records.py` checks every stored version against it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, func, insert, select

from evidence_kit.hashing import sha256_hex
from evidence_kit.storage.custody import EventType, SignedEvent
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.models import IncidentVersion, NoticeVersion, PersonVersion, table_of

T = TypeVar("T")


@dataclass(frozen=True)
class RecordKind:
    """One kind of versioned record: its table, its number column and its events."""

    model: type[IncidentVersion] | type[PersonVersion] | type[NoticeVersion]
    id_column: str  # the record's number column
    key: str  # the record's number in the event's data
    recorded: str
    edited: str


INCIDENTS = RecordKind(
    IncidentVersion, "incident_id", "incident", EventType.INCIDENT_RECORDED, EventType.INCIDENT_EDITED
)
PEOPLE = RecordKind(PersonVersion, "person_id", "person", EventType.PERSON_RECORDED, EventType.PERSON_EDITED)
NOTICES = RecordKind(NoticeVersion, "notice_id", "notice", EventType.NOTICE_RECORDED, EventType.NOTICE_EDITED)
KINDS = (INCIDENTS, PEOPLE, NOTICES)


def next_number(conn: Connection, kind: RecordKind) -> int:
    column = getattr(kind.model, kind.id_column)
    return int(conn.execute(select(func.max(column))).scalar() or 0) + 1


def append_version(
    db: VaultDatabase,
    conn: Connection,
    kind: RecordKind,
    number: int,
    version: int,
    body: bytes,
    extra: Mapping[str, Any] = {},
) -> tuple[str, SignedEvent]:
    """Store one version and its event in the caller's transaction; its SHA-256 and the event."""
    digest = sha256_hex(body)
    data = {kind.key: number, "version": version, "sha256": digest, **extra}
    event = db.append_event(conn, kind.recorded if version == 1 else kind.edited, data)
    conn.execute(
        insert(table_of(kind.model)),
        {
            kind.id_column: number,
            "version": version,
            "body": body.decode("utf-8"),
            "sha256": digest,
            "recorded_at_utc": event.at_utc,
            "event_seq": event.seq,
        },
    )
    return digest, event


def version_rows(conn: Connection, kind: RecordKind, number: int | None = None) -> list[Row[Any]]:
    """The stored versions (of one record, or all), by record number, then version."""
    column = getattr(kind.model, kind.id_column)
    query = select(kind.model).order_by(column, kind.model.version)
    if number is not None:
        query = query.where(column == number)
    return list(conn.execute(query))


def latest_versions(conn: Connection, kind: RecordKind, make: Callable[[Row[Any]], T]) -> list[T]:
    """The latest version of every record, made with `make`, in the order they were first written."""
    latest: dict[int, T] = {}
    for row in version_rows(conn, kind):
        latest[getattr(row, kind.id_column)] = make(row)
    return list(latest.values())
