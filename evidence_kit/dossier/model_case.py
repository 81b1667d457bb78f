"""What the dossier's case part shows: the incident log, the people register, the offence
categories with their legal references, and the known gaps, as plain frozen dataclasses.

Rule: like `model.py`, the renderer prints what is here and nothing else; the exporter
(`dossier/case_facts.py`) fills it from the vault. Items are named by their dossier number; an
item the dossier does not hold is named by its vault id, apart, so no number is ever ambiguous.
Texts are already in the dossier's language (category names, gap hints).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

Moment = date | datetime  # a day, or an aware time of day


@dataclass(frozen=True)
class CaseIncident:
    """The latest version of one incident, with how it came to be."""

    number: int
    title: str
    what: str
    started: Moment | None
    ended: Moment | None
    platform: str = ""
    urls: tuple[str, ...] = ()
    place: str = ""
    people: tuple[str, ...] = ()
    impact: str = ""
    witnesses: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    items: tuple[int, ...] = ()  # dossier numbers
    items_outside: tuple[int, ...] = ()  # vault ids of linked items this dossier does not hold
    categories: tuple[str, ...] = ()  # names, in the dossier's language
    version: int = 1
    first_recorded: datetime | None = None  # aware (UTC): when version 1 was written down
    last_recorded: datetime | None = None  # when the latest version was
    sha256: str = ""  # of the latest version's sealed body
    event_seq: int = 0  # the custody event that sealed it


@dataclass(frozen=True)
class CasePerson:
    """One person of the register and where they appear among the dossier's items."""

    number: int
    label: str
    identities: tuple[tuple[str, str], ...]  # (kind key: names/phones/handles/emails/urls, value)
    note: str = ""
    items: tuple[int, ...] = ()  # dossier numbers
    messages: int = 0  # messages they sent in those items
    first: datetime | None = None  # wall times, as the exports show them
    last: datetime | None = None


@dataclass(frozen=True)
class CaseOffence:
    article: str  # "285b Sr"
    name: str
    explanation: str
    source: str  # the official text's address
    verified: bool  # the article's text itself was read when the file was checked


@dataclass(frozen=True)
class CaseCategory:
    """An offence category used in this case, with the offences that may apply."""

    name: str
    description: str
    offences: tuple[CaseOffence, ...]
    incidents: tuple[int, ...] = ()  # incident numbers
    items: tuple[int, ...] = ()  # dossier numbers


@dataclass(frozen=True)
class CaseGap:
    """One "what is missing" hint, for an item (dossier number) or an incident."""

    text: str
    item: int | None = None
    incident: int | None = None


@dataclass(frozen=True)
class CaseFile:
    """The case part of a dossier. `gaps` is None when the keeper did not ask for them."""

    disclaimer: str
    incidents: tuple[CaseIncident, ...] = ()
    people: tuple[CasePerson, ...] = ()
    categories: tuple[CaseCategory, ...] = ()
    gaps: tuple[CaseGap, ...] | None = None
    # Per dossier number: the item's offence category names, and the incidents that link it.
    item_categories: dict[int, tuple[str, ...]] = field(default_factory=dict)
    item_incidents: dict[int, tuple[int, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.incidents or self.people or self.categories or self.gaps)
