"""What reading one backup gathers besides its messages: the messages just read and not yet handed
on, the MMS media held in memory and the names in use, the people it names, and how many wall
times came from readable_date. The messages themselves are not kept here: `reader.iter_messages`
hands each one on as soon as its record is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence_kit.domain import EmbeddedFile, Message, Participant
from evidence_kit.importers.common import numbered_unique
from evidence_kit.importers.sms.parse_warnings import Collector
from evidence_kit.importers.sms.times import When


@dataclass
class State:
    path: Path
    collect: Collector = field(default_factory=Collector)
    fresh: list[Message] = field(default_factory=list)  # read from the last record, not yet handed on
    count: int = 0  # messages read so far
    root: str = ""  # the root element: "smses" or "calls"
    attributes: dict[str, str] = field(default_factory=dict)  # the root element's attributes
    files: list[EmbeddedFile] = field(default_factory=list)
    # False in the passes that only read the messages again: their media were kept by the first.
    keep_files: bool = True
    missing: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    next_number: dict[str, int] = field(default_factory=dict)
    embedded_bytes: int = 0
    participants: dict[str, Participant] = field(default_factory=dict)  # by number, else by name
    readable_used: int = 0
    readable_absent: int = 0
    _seen: dict[str, str] = field(default_factory=dict)

    def add(self, when: When, message: Message, *counterparts: Participant) -> None:
        if when.utc is not None:
            if when.from_readable:
                self.readable_used += 1
            else:
                self.readable_absent += 1
        self.fresh.append(message)
        self.count += 1
        for person in counterparts:
            key = person.identifier or person.name
            if key is None:
                continue
            known = self.participants.get(key)
            if known is None or (known.name is None and person.name is not None):
                self.participants[key] = person

    def shared(self, value: str | None) -> str | None:
        """`value` as first seen: every message naming one number or contact shares one copy of it
        (a pass may hold many messages, and a few people fill most of them)."""
        if value is None:
            return None
        return self._seen.setdefault(value, value)

    def unique_name(self, name: str) -> str:
        candidate = numbered_unique(name, self.names, self.next_number)
        if candidate != name:
            self.collect.add("part_renamed", name=name, new_name=candidate)
        return candidate
