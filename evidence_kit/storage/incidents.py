"""The incident log: what the keeper wrote down about each incident, every version kept and sealed.

Rules this module keeps (issue #17, "an incident entry is itself evidence"):
- An incident is stored as versions. Writing it down makes version 1; every edit adds the next
  version and leaves the earlier ones as they were (database triggers refuse updates and
  deletes of `incident_versions`). An edit that changes nothing adds nothing.
- A version's `body` is the canonical JSON of its fields (`hashing.canonical_json`) and its
  `sha256` the SHA-256 of those bytes. The version and its custody event (`incident_recorded`
  for version 1, `incident_edited` after) are written in one transaction, and the event carries
  the incident number, the version, the SHA-256 and the linked items: `verify` checks each stored
  version against its event, so a rewritten, added or missing version is found.
- Times are what the keeper gave: a date ("2026-11-03") or a date and time; a time without a
  UTC offset is read in this computer's time zone and stored with its offset. Their source is the
  keeper's own account (the dossier says so); only a TSA token proves a time.
- Linked items must exist; categories are taxonomy ids (`case/taxonomy.py`), checked by callers
  that know the taxonomy.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Row, select

from evidence_kit.errors import (
    IncidentNoTextError,
    IncidentNotFoundError,
    IncidentPeriodError,
    IncidentTimeError,
    IncidentTooLongError,
    ItemNotFoundError,
)
from evidence_kit.hashing import canonical_json
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.models import Item
from evidence_kit.storage.versioned import (
    INCIDENTS,
    append_version,
    latest_versions,
    next_number,
    version_rows,
)

BODY_VERSION = 1
MAX_TEXT = 20_000  # characters in one text field: a long account fits, a pasted file does not
MAX_TITLE = 200  # characters in the title: one line
MAX_LIST = 200  # entries in one list (people, links, steps, items, ...)


@dataclass(frozen=True)
class IncidentFields:
    """What the keeper wrote down about one incident."""

    what: str  # what happened, in their own words (this or the title is required)
    started: str = ""  # when: an ISO date, or date and time with its UTC offset ("" unknown)
    ended: str = ""  # the end of a period, same form ("" when it was one moment)
    platform: str = ""  # where online: WhatsApp, Instagram, ...
    urls: tuple[str, ...] = ()  # the exact addresses (a doxing or takedown report needs them)
    place: str = ""  # where offline
    people: tuple[str, ...] = ()  # the other person's names, numbers, account handles
    impact: str = ""  # what it did to them
    witnesses: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()  # steps taken: blocked, reported to the platform, told someone
    items: tuple[int, ...] = ()  # evidence items it refers to
    categories: tuple[str, ...] = ()  # taxonomy ids (case/taxonomy.py)
    title: str = ""  # a few words to list it by; versions written before titles existed have none


@dataclass(frozen=True)
class Incident:
    """One stored version of an incident."""

    incident_id: int
    version: int
    fields: IncidentFields
    sha256: str
    recorded_at: datetime  # UTC, by this computer's clock
    event_seq: int


def normalise_time(text: str) -> str:
    """An ISO date, or a date and time with its UTC offset (local when none was given); "" stays."""
    text = text.strip()
    if not text:
        return ""
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise IncidentTimeError(text=text) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the keeper's clock: this computer's time zone
    return moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")


def clean(fields: IncidentFields) -> IncidentFields:
    """The fields as they are stored: trimmed, times normalised, lists without blanks or repeats."""

    def text(value: str, _name: str) -> str:
        value = value.strip()
        if len(value) > MAX_TEXT:
            raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
        return value

    def entries(values: tuple[str, ...], name: str) -> tuple[str, ...]:
        kept = tuple(dict.fromkeys(text(v, name) for v in values if v.strip()))
        if len(kept) > MAX_LIST:
            raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
        return kept

    what, title = text(fields.what, "what happened"), " ".join(fields.title.split())
    if len(title) > MAX_TITLE:
        raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
    if not what and not title:
        raise IncidentNoTextError()
    started, ended = normalise_time(fields.started), normalise_time(fields.ended)
    if ended and not started:
        raise IncidentPeriodError()
    if started and ended and _sort_key(ended) < _sort_key(started):
        raise IncidentPeriodError()
    items = tuple(dict.fromkeys(fields.items))
    if len(items) > MAX_LIST:
        raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
    return IncidentFields(
        title=title,
        what=what,
        started=started,
        ended=ended,
        platform=text(fields.platform, "platform"),
        urls=entries(fields.urls, "links"),
        place=text(fields.place, "place"),
        people=entries(fields.people, "people"),
        impact=text(fields.impact, "impact"),
        witnesses=entries(fields.witnesses, "witnesses"),
        steps=entries(fields.steps, "steps"),
        items=items,
        categories=entries(fields.categories, "categories"),
    )


def _sort_key(value: str) -> datetime:
    if len(value) == 10:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return datetime.fromisoformat(value).astimezone(UTC)


def body_of(fields: IncidentFields) -> bytes:
    """The canonical JSON a version is stored and sealed as."""
    return canonical_json({"v": BODY_VERSION, **asdict(fields)})


def fields_of(body: str) -> IncidentFields:
    """The fields a stored body holds (lists back to tuples)."""
    data = json.loads(body)
    data.pop("v", None)
    for name in ("urls", "people", "witnesses", "steps", "items", "categories"):
        data[name] = tuple(data.get(name, ()))
    return IncidentFields(**data)


def write_incident(
    db: VaultDatabase, conn: Connection, fields: IncidentFields, incident_id: int | None = None
) -> Incident:
    """Store a new incident (`incident_id` None) or its next version; the latest when nothing changed."""
    fields = clean(fields)
    for item_id in fields.items:
        if conn.execute(select(Item.id).where(Item.id == item_id)).scalar_one_or_none() is None:
            raise ItemNotFoundError(item_id=item_id)
    if incident_id is None:
        incident_id, version = next_number(conn, INCIDENTS), 1
    else:
        history = read_history(conn, incident_id)
        if history[-1].fields == fields:
            return history[-1]
        version = history[-1].version + 1
    digest, event = append_version(
        db, conn, INCIDENTS, incident_id, version, body_of(fields), {"items": list(fields.items)}
    )
    return Incident(incident_id, version, fields, digest, event.at_utc, event.seq)


def _incident(row: Row[Any]) -> Incident:
    return Incident(
        incident_id=row.incident_id,
        version=row.version,
        fields=fields_of(row.body),
        sha256=row.sha256,
        recorded_at=row.recorded_at_utc,
        event_seq=row.event_seq,
    )


def read_history(conn: Connection, incident_id: int) -> list[Incident]:
    """Every version of one incident, oldest first."""
    history = [_incident(row) for row in version_rows(conn, INCIDENTS, incident_id)]
    if not history:
        raise IncidentNotFoundError(incident_id=incident_id)
    return history


def read_incidents(conn: Connection) -> list[Incident]:
    """The latest version of every incident, in the order they were first written down."""
    return latest_versions(conn, INCIDENTS, _incident)


def with_changes(fields: IncidentFields, **changes: Any) -> IncidentFields:
    """`fields` with the given ones replaced (None: left as it was)."""
    return replace(fields, **{k: v for k, v in changes.items() if v is not None})
