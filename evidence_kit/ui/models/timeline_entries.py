"""The timeline's entries: incidents and evidence items as points or periods on one time axis,
with the offence categories and the people each belongs to (what the timeline filters on).

Rules: an item is placed by the time its content states (`rows.shown_time`: content, file name,
the file's own time), never by when it was stored; an item with only its storing time is left
off and counted. An incident is placed by the time the keeper gave. Times are compared as the
wall-clock times they were given in (as the people register does). An item belongs to the
categories of the incidents that link it and to the people of the register who appear in it; an
incident to its own categories and to the people it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from evidence_kit.domain import TimeSource
from evidence_kit.storage.incidents import Incident
from evidence_kit.ui import case_jobs
from evidence_kit.ui.models.rows import ItemRow

INCIDENT, ITEM = "incident", "item"


def first_line(text: str, limit: int = 90) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class Entry:
    kind: str  # INCIDENT or ITEM
    id: int
    start: datetime  # naive wall-clock time
    end: datetime | None
    label: str
    categories: frozenset[str]
    people: frozenset[int]  # person ids


def wall_time(text: str) -> datetime | None:
    """An incident's time as given ("2026-11-03" or with a time and offset), as a wall-clock time."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def item_time(row: ItemRow) -> datetime | None:
    stamp = row.shown_time
    if stamp is None or stamp.source in (TimeSource.IMPORT_CLOCK, TimeSource.TSA):
        return None
    moment = stamp.local or stamp.utc
    return None if moment is None else moment.replace(tzinfo=None)


def build_entries(rows: Sequence[ItemRow], data: case_jobs.TimelineData) -> tuple[list[Entry], int]:
    """The timeline's entries, and how many items had no time of their own."""
    categories_of_item: dict[int, set[str]] = {}
    people_of_item: dict[int, set[int]] = {}
    for incident in data.incidents:
        for item_id in incident.fields.items:
            categories_of_item.setdefault(item_id, set()).update(incident.fields.categories)
    for entry in data.people:
        for item_id in entry.appearance.items:
            people_of_item.setdefault(item_id, set()).add(entry.person.person_id)
    entries: list[Entry] = []
    for incident in data.incidents:
        start = wall_time(incident.fields.started)
        if start is None:
            continue
        named = frozenset(p for p, ids in data.incidents_of.items() if incident.incident_id in ids)
        entries.append(_incident_entry(incident, start, named))
    untimed = 0
    for row in rows:
        moment = item_time(row)
        if moment is None:
            untimed += 1
            continue
        entries.append(
            Entry(
                ITEM,
                row.id,
                moment,
                None,
                f"{row.id}. {row.title or row.summary.original_name}",
                frozenset(categories_of_item.get(row.id, ())),
                frozenset(people_of_item.get(row.id, ())),
            )
        )
    entries.sort(key=lambda e: e.start)
    return entries, untimed


def _incident_entry(incident: Incident, start: datetime, people: frozenset[int]) -> Entry:
    end = wall_time(incident.fields.ended)
    return Entry(
        INCIDENT,
        incident.incident_id,
        start,
        end,
        f"{incident.incident_id}. {first_line(incident.fields.title or incident.fields.what, 40)}",
        frozenset(incident.fields.categories),
        people,
    )
