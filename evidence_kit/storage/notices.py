"""Notices to platforms (EU Digital Services Act, Article 16): what was asked, and what came of it.

Rules this module keeps (issue #17, part 6):
- A notice holds what Article 16(2) asks for: the exact web addresses of the content (b), the
  reasons why it is illegal (a), the sender's name and e-mail address (c; optional here, since
  the keeper decides whether to give them), and the good-faith statement (d), which the text
  always carries (`case/notice_text.py`). It may name the incident and items it is about.
- Its status (draft, sent, answered, removed, refused) and every change are versions sealed like
  an incident's (`storage/versioned.py`): the custody log says when the keeper recorded that the
  notice was sent, answered or the content removed, and what the notice said at that moment.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, select

from evidence_kit.errors import (
    IncidentTooLongError,
    ItemNotFoundError,
    NoticeIncompleteError,
    NoticeNotFoundError,
)
from evidence_kit.hashing import canonical_json
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.incidents import MAX_LIST, MAX_TEXT, read_history
from evidence_kit.storage.models import Item
from evidence_kit.storage.versioned import NOTICES, append_version, latest_versions, next_number, version_rows

BODY_VERSION = 1
STATUSES = ("draft", "sent", "answered", "removed", "refused")


@dataclass(frozen=True)
class NoticeFields:
    """A notice to one platform about one piece (or a few pieces) of content."""

    platform: str
    urls: tuple[str, ...]
    explanation: str  # why it is illegal, in the keeper's words (from the categories, editable)
    categories: tuple[str, ...] = ()  # taxonomy ids the explanation rests on
    name: str = ""  # optional: the sender's name
    email: str = ""  # optional: the sender's e-mail address
    language: str = "en"  # the language of the notice's text
    incident: int | None = None
    items: tuple[int, ...] = ()
    status: str = "draft"
    status_note: str = ""  # e.g. the platform's reference number or answer


@dataclass(frozen=True)
class Notice:
    notice_id: int
    version: int
    fields: NoticeFields
    sha256: str
    recorded_at: datetime
    event_seq: int


def clean(fields: NoticeFields) -> NoticeFields:
    def text(value: str) -> str:
        value = value.strip()
        if len(value) > MAX_TEXT:
            raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
        return value

    urls = tuple(dict.fromkeys(u.strip() for u in fields.urls if u.strip()))
    if not urls or not fields.explanation.strip():
        raise NoticeIncompleteError()
    if len(urls) > MAX_LIST or len(fields.items) > MAX_LIST:
        raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
    if fields.status not in STATUSES:
        raise ValueError(f"unknown notice status {fields.status!r}")
    return replace(
        fields,
        platform=text(fields.platform),
        urls=urls,
        explanation=text(fields.explanation),
        categories=tuple(dict.fromkeys(c.strip() for c in fields.categories if c.strip())),
        name=text(fields.name),
        email=text(fields.email),
        items=tuple(dict.fromkeys(fields.items)),
        status_note=text(fields.status_note),
    )


def body_of(fields: NoticeFields) -> bytes:
    return canonical_json({"v": BODY_VERSION, **asdict(fields)})


def fields_of(body: str) -> NoticeFields:
    data = json.loads(body)
    data.pop("v", None)
    for name in ("urls", "categories", "items"):
        data[name] = tuple(data.get(name, ()))
    return NoticeFields(**data)


def write_notice(
    db: VaultDatabase, conn: Connection, fields: NoticeFields, notice_id: int | None = None
) -> Notice:
    """Save a new notice (`notice_id` None) or its next version; the latest when nothing changed."""
    fields = clean(fields)
    for item_id in fields.items:
        if conn.execute(select(Item.id).where(Item.id == item_id)).scalar_one_or_none() is None:
            raise ItemNotFoundError(item_id=item_id)
    if fields.incident is not None:
        read_history(conn, fields.incident)  # IncidentNotFoundError when there is none
    if notice_id is None:
        notice_id, version = next_number(conn, NOTICES), 1
    else:
        history = read_notice_history(conn, notice_id)
        if history[-1].fields == fields:
            return history[-1]
        version = history[-1].version + 1
    extra: dict[str, Any] = {"status": fields.status, "items": list(fields.items)}
    digest, event = append_version(db, conn, NOTICES, notice_id, version, body_of(fields), extra)
    return Notice(notice_id, version, fields, digest, event.at_utc, event.seq)


def _notice(row: Row[Any]) -> Notice:
    return Notice(
        row.notice_id, row.version, fields_of(row.body), row.sha256, row.recorded_at_utc, row.event_seq
    )


def read_notice_history(conn: Connection, notice_id: int) -> list[Notice]:
    history = [_notice(row) for row in version_rows(conn, NOTICES, notice_id)]
    if not history:
        raise NoticeNotFoundError(notice_id=notice_id)
    return history


def read_notices(conn: Connection) -> list[Notice]:
    """The latest version of every notice, in the order they were drafted."""
    return latest_versions(conn, NOTICES, _notice)
