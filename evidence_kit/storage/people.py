"""The people register: the other party's identities, each entry kept as sealed versions.

Rules this module keeps (issue #17, part 2):
- An entry names one person as the keeper knows them: names, phone numbers, account handles,
  e-mail addresses, profile addresses, and a note. At least one of them is given.
- Like an incident (`storage/incidents.py`), an entry is stored as versions (canonical JSON, its
  SHA-256 in a `person_recorded` / `person_edited` event; `storage/versioned.py`); an edit adds a
  version and an edit that changes nothing adds nothing.
- Where each identity appears in the evidence is worked out when asked (`case/people.py`), never
  stored: it follows the items as they are.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row

from evidence_kit.errors import IncidentTooLongError, PersonEmptyError, PersonNotFoundError
from evidence_kit.hashing import canonical_json
from evidence_kit.storage.database import VaultDatabase
from evidence_kit.storage.incidents import MAX_LIST, MAX_TEXT
from evidence_kit.storage.versioned import PEOPLE, append_version, latest_versions, next_number, version_rows

BODY_VERSION = 1
_LISTS = ("names", "phones", "handles", "emails", "urls")


@dataclass(frozen=True)
class PersonFields:
    """One person as the keeper knows them."""

    names: tuple[str, ...] = ()  # "Mark de Vries", "Mark (fictional)": every name they use
    phones: tuple[str, ...] = ()  # as written: "+31 6 00000001", "06-00000001"
    handles: tuple[str, ...] = ()  # account names: "@mark_fictional", "mark#1234"
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()  # profile addresses
    note: str = ""

    @property
    def label(self) -> str:
        """How lists show the person: the first name, else the first identity."""
        for values in (self.names, self.handles, self.phones, self.emails, self.urls):
            if values:
                return values[0]
        return ""


@dataclass(frozen=True)
class Person:
    """One stored version of a person in the register."""

    person_id: int
    version: int
    fields: PersonFields
    sha256: str
    recorded_at: datetime
    event_seq: int


def clean(fields: PersonFields) -> PersonFields:
    """Trimmed, without blanks or repeats; refused when it names no one."""

    def entries(values: tuple[str, ...]) -> tuple[str, ...]:
        kept = tuple(dict.fromkeys(" ".join(v.split()) for v in values if v.strip()))
        if len(kept) > MAX_LIST or any(len(v) > MAX_TEXT for v in kept):
            raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
        return kept

    note = fields.note.strip()
    if len(note) > MAX_TEXT:
        raise IncidentTooLongError(limit=MAX_TEXT, count=MAX_LIST)
    cleaned = PersonFields(**{name: entries(getattr(fields, name)) for name in _LISTS}, note=note)
    if not any(getattr(cleaned, name) for name in _LISTS):
        raise PersonEmptyError()
    return cleaned


def body_of(fields: PersonFields) -> bytes:
    return canonical_json({"v": BODY_VERSION, **asdict(fields)})


def fields_of(body: str) -> PersonFields:
    data = json.loads(body)
    data.pop("v", None)
    return PersonFields(**{**data, **{name: tuple(data.get(name, ())) for name in _LISTS}})


def write_person(
    db: VaultDatabase, conn: Connection, fields: PersonFields, person_id: int | None = None
) -> Person:
    """Add a person (`person_id` None) or store their next version; the latest when nothing changed."""
    fields = clean(fields)
    if person_id is None:
        person_id, version = next_number(conn, PEOPLE), 1
    else:
        history = read_person_history(conn, person_id)
        if history[-1].fields == fields:
            return history[-1]
        version = history[-1].version + 1
    digest, event = append_version(db, conn, PEOPLE, person_id, version, body_of(fields))
    return Person(person_id, version, fields, digest, event.at_utc, event.seq)


def _person(row: Row[Any]) -> Person:
    return Person(
        row.person_id, row.version, fields_of(row.body), row.sha256, row.recorded_at_utc, row.event_seq
    )


def read_person_history(conn: Connection, person_id: int) -> list[Person]:
    history = [_person(row) for row in version_rows(conn, PEOPLE, person_id)]
    if not history:
        raise PersonNotFoundError(person_id=person_id)
    return history


def read_people(conn: Connection) -> list[Person]:
    """The latest version of everyone in the register, in the order they were added."""
    return latest_versions(conn, PEOPLE, _person)
