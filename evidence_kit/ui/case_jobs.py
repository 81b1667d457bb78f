"""The case work the GUI sends to the vault worker: incidents, people, notices, hints, timeline.

Rules: like `jobs.py`, every function takes the worker's `JobContext` first, runs on the worker
thread and reaches the vault only through it (so through `vault.py` and the core's `case/`
modules, never storage directly); it returns frozen domain objects. Nothing here decides what
a hint says or what a notice contains: `case/gaps.py` and `case/notice_text.py` do, and the
views only show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from evidence_kit.case.gaps import Gap, case_gaps, incident_gaps, item_gaps, read_facts
from evidence_kit.case.people import Appearance, appearances, keys_of_text, person_keys, vault_items
from evidence_kit.domain import ItemSummary
from evidence_kit.storage.incidents import Incident, IncidentFields
from evidence_kit.storage.notices import Notice, NoticeFields
from evidence_kit.storage.people import Person, PersonFields
from evidence_kit.ui.workers import JobContext
from evidence_kit.vault import Vault


@dataclass(frozen=True)
class IncidentEntry:
    """One incident as the log lists it: its latest version and its hints."""

    incident: Incident
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class CaseOverview:
    """What the incident log shows: every incident (latest version, with hints) and the notices."""

    incidents: tuple[IncidentEntry, ...]
    notices: tuple[Notice, ...]


def overview(context: JobContext) -> CaseOverview:
    vault = context.vault
    entries = tuple(IncidentEntry(i, tuple(incident_gaps(i))) for i in vault.incidents())
    return CaseOverview(entries, tuple(vault.notices()))


def save_incident(context: JobContext, incident_id: int | None, fields: IncidentFields) -> Incident:
    """Write a new incident down, or its next version (the vault checks and cleans the fields)."""
    vault = context.vault
    if incident_id is None:
        return vault.record_incident(fields)
    return vault.edit_incident(incident_id, fields)


def incident_history(context: JobContext, incident_id: int) -> list[Incident]:
    return context.vault.incident_history(incident_id)


def save_notice(context: JobContext, fields: NoticeFields, notice_id: int | None) -> Notice:
    return context.vault.save_notice(fields, notice_id)


def notice_status(context: JobContext, notice_id: int, status: str, note: str) -> Notice:
    """Record a step of a notice (sent, answered, removed, refused) as its next version."""
    vault = context.vault
    latest = vault.notice_history(notice_id)[-1]
    return vault.save_notice(replace(latest.fields, status=status, status_note=note), notice_id)


def notice_history(context: JobContext, notice_id: int) -> list[Notice]:
    return context.vault.notice_history(notice_id)


# ----------------------------------------------------------------- what is missing


def all_gaps(context: JobContext, items: Sequence[ItemSummary] | None = None) -> list[Gap]:
    """Every hint of the case: each item's, then each incident's (`case/gaps.py`). `items`: the
    evidence list's summaries, when the window has them (not read and made again)."""
    vault = context.vault
    return case_gaps(list(read_facts(vault, items)), vault.incidents())


def gaps_of_item(context: JobContext, item_id: int) -> list[Gap]:
    return item_gaps_in(context.vault, item_id)


def item_gaps_in(vault: Vault, item_id: int) -> list[Gap]:
    """The hints for one item, with the incidents that link it: `gaps.read_facts` for this one
    item only (a test holds the two to the same answer)."""
    (facts,) = read_facts(vault, [vault.item(item_id)])
    linking = [i for i in vault.incidents() if item_id in i.fields.items]
    return item_gaps(facts, linking)


# ----------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonEntry:
    person: Person
    appearance: Appearance


def people(context: JobContext) -> list[PersonEntry]:
    """The register (latest versions) with where each person appears in the items."""
    vault = context.vault
    register = vault.people()
    found = appearances(register, vault_items(vault)) if register else []
    return [PersonEntry(p, a) for p, a in zip(register, found, strict=True)]


def save_person(context: JobContext, person_id: int | None, fields: PersonFields) -> Person:
    vault = context.vault
    if person_id is None:
        return vault.add_person(fields)
    return vault.edit_person(person_id, fields)


# ----------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineData:
    """What the timeline needs beyond the item rows: incidents, the register, and who is in what."""

    incidents: tuple[Incident, ...]
    people: tuple[PersonEntry, ...]
    incidents_of: dict[int, frozenset[int]]  # person id -> the incidents naming them


def timeline_data(context: JobContext) -> TimelineData:
    vault = context.vault
    incidents = tuple(vault.incidents())
    register = tuple(people(context))
    named: dict[int, frozenset[int]] = {}
    for entry in register:
        keys = person_keys(entry.person.fields)
        named[entry.person.person_id] = frozenset(
            i.incident_id for i in incidents if any(keys_of_text(p) & keys for p in i.fields.people)
        )
    return TimelineData(incidents, register, named)
