"""Fill the dossier's case part (`model_case.py`) from the vault: incidents, people, categories, gaps.

Rules this module keeps:
- Only what the keeper wrote down is shown, in its latest version, with its version number,
  when it was first and last recorded and the SHA-256 its custody event sealed: the earlier
  versions stay in the vault and their hashes in the custody log the package ships.
- Items are named by dossier number; linked items outside the selection by vault id, apart.
- Where each person appears is counted over the dossier's items only (the reader can check it).
- The categories shown are those given to an incident or to an item of the dossier, each with
  the offences that may apply and their official sources, under the taxonomy's disclaimer.
- Gaps are read only when asked for (`with_gaps`): they need every item's parsed content again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from evidence_kit.case.gaps import Gap, case_gaps, read_facts
from evidence_kit.case.people import appearances, vault_items
from evidence_kit.case.taxonomy import Category, Taxonomy, load_taxonomy
from evidence_kit.domain import ItemSummary
from evidence_kit.dossier.model import Language
from evidence_kit.dossier.model_case import (
    CaseCategory,
    CaseFile,
    CaseGap,
    CaseIncident,
    CaseOffence,
    CasePerson,
    Moment,
)
from evidence_kit.i18n import fmt
from evidence_kit.storage.incidents import Incident
from evidence_kit.vault import Vault

_IDENTITY_KINDS = ("names", "phones", "handles", "emails", "urls")


def case_file(
    vault: Vault, lang: Language, items: Sequence[ItemSummary], *, with_gaps: bool = False
) -> CaseFile:
    """The case part for a dossier of `items` (in dossier order)."""
    taxonomy = load_taxonomy()
    numbers = {item.id: number for number, item in enumerate(items, start=1)}
    incidents = vault.incidents()
    case_incidents = tuple(_incident(vault, i, numbers, taxonomy, lang) for i in incidents)
    people = vault.people()
    case_people: tuple[CasePerson, ...] = ()
    if people:
        found = appearances(people, vault_items(vault, items))
        case_people = tuple(
            CasePerson(
                number=person.person_id,
                label=person.fields.label,
                identities=tuple(
                    (kind, value) for kind in _IDENTITY_KINDS for value in getattr(person.fields, kind)
                ),
                note=person.fields.note,
                items=tuple(sorted(numbers[i] for i in seen.items if i in numbers)),
                messages=seen.messages,
                first=seen.first,
                last=seen.last,
            )
            for person, seen in zip(people, found, strict=True)
        )
    item_categories = {
        numbers[item.id]: tuple(_name(taxonomy, c, lang) for c in item.offences)
        for item in items
        if item.offences
    }
    item_incidents: dict[int, tuple[int, ...]] = {}
    for incident in incidents:
        for item_id in incident.fields.items:
            if item_id in numbers:
                number = numbers[item_id]
                item_incidents[number] = (*item_incidents.get(number, ()), incident.incident_id)
    gaps = None
    if with_gaps:
        found_gaps = case_gaps(list(read_facts(vault, items)), incidents)
        gaps = tuple(_gap(gap, numbers, lang) for gap in found_gaps)
    return CaseFile(
        disclaimer=taxonomy.disclaimer(lang),
        incidents=case_incidents,
        people=case_people,
        categories=_categories(taxonomy, lang, incidents, items, numbers),
        gaps=gaps,
        item_categories=item_categories,
        item_incidents=item_incidents,
    )


def _gap(gap: Gap, numbers: dict[int, int], lang: str) -> CaseGap:
    """The hint in the dossier's words, without its "Item 3: " opening (the table's first column
    names the item by dossier number, the incident by its number)."""
    item = numbers.get(gap.item_id) if gap.item_id is not None else None
    params = {**dict(gap.params), **({"item": str(item)} if item is not None else {})}
    text = fmt(gap.template, params, lang)
    opening = fmt(gap.template.split(": ", 1)[0] + ": ", params, lang)
    if ": " in gap.template and text.startswith(opening):
        text = text[len(opening) :]
        text = text[:1].upper() + text[1:]
    return CaseGap(text=text, item=item, incident=gap.incident_id)


def _name(taxonomy: Taxonomy, category_id: str, lang: str) -> str:
    category = taxonomy.get(category_id)
    return category.name(lang) if category is not None else category_id


def _moment(text: str) -> Moment | None:
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _incident(
    vault: Vault, incident: Incident, numbers: dict[int, int], taxonomy: Taxonomy, lang: str
) -> CaseIncident:
    fields = incident.fields
    first = vault.incident_history(incident.incident_id)[0] if incident.version > 1 else incident
    return CaseIncident(
        number=incident.incident_id,
        title=fields.title,
        what=fields.what,
        started=_moment(fields.started),
        ended=_moment(fields.ended),
        platform=fields.platform,
        urls=fields.urls,
        place=fields.place,
        people=fields.people,
        impact=fields.impact,
        witnesses=fields.witnesses,
        steps=fields.steps,
        items=tuple(numbers[i] for i in fields.items if i in numbers),
        items_outside=tuple(i for i in fields.items if i not in numbers),
        categories=tuple(_name(taxonomy, c, lang) for c in fields.categories),
        version=incident.version,
        first_recorded=first.recorded_at,
        last_recorded=incident.recorded_at,
        sha256=incident.sha256,
        event_seq=incident.event_seq,
    )


def _categories(
    taxonomy: Taxonomy,
    lang: str,
    incidents: Sequence[Incident],
    items: Sequence[ItemSummary],
    numbers: dict[int, int],
) -> tuple[CaseCategory, ...]:
    """The categories used, in the taxonomy's order, each with where it was given."""
    shown: list[CaseCategory] = []
    for category in taxonomy.categories:
        on_incidents = tuple(i.incident_id for i in incidents if category.id in i.fields.categories)
        on_items = tuple(numbers[item.id] for item in items if category.id in item.offences)
        if on_incidents or on_items:
            shown.append(_category(category, lang, on_incidents, on_items))
    return tuple(shown)


def _category(
    category: Category, lang: str, incidents: tuple[int, ...], items: tuple[int, ...]
) -> CaseCategory:
    offences = tuple(
        CaseOffence(o.article, o.name(lang), o.explanation(lang), o.source, o.verified)
        for o in category.offences
    )
    return CaseCategory(category.name(lang), category.description(lang), offences, incidents, items)
