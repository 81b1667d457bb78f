"""Where each person of the people register appears in the evidence.

Rule: an identity matches when it is the same after the obvious normalisation, never by
resemblance: a phone number by its digits (a Dutch "06" number also as "+316", "0031" as "+"),
an account handle without "@" and case, an e-mail address without case (also inside "Name
<address>"), a name by its words without case. The sources are each chat, SMS or e-mail item's
participants and every message's sender (name and number, handle or address), and each item's
note. Nothing is stored: it is worked out from the items as they are, when asked, so the dossier
can say "account X appears in 37 items between A and B".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from evidence_kit.domain import Conversation, ItemKind, ItemSummary, Message
from evidence_kit.storage.people import Person, PersonFields
from evidence_kit.vault import Vault

Key = tuple[str, str]  # ("phone" | "handle" | "email" | "name", normalised value)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-\u00a0\u202f]{7,}$")
_MIN_DIGITS = 7
_CONVERSATIONS = (ItemKind.CHAT, ItemKind.SMS, ItemKind.EMAIL)


def phone_key(text: str) -> str | None:
    """A phone number's digits, in international form where its form says which."""
    text = text.strip()
    if not _PHONE_LIKE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) < _MIN_DIGITS:
        return None
    if text.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("06") and len(digits) == 10:
        return "+31" + digits[1:]  # a Dutch mobile number written nationally
    return digits


def keys_of_text(text: str, *, account: bool = False) -> set[Key]:
    """The identities one written value may be: a number, an address, a name, and a handle when
    it is an account field (`account`) or written as one ("@mark"); a display name "Mark" is
    never taken for the account "@mark"."""
    text = " ".join(text.split())
    if not text:
        return set()
    keys: set[Key] = {("name", text.casefold())}
    phone = phone_key(text)
    if phone:
        keys.add(("phone", phone))
    keys.update(("email", found.casefold()) for found in _EMAIL.findall(text))
    if (account or text.startswith("@")) and " " not in text and "@" not in text[1:]:
        keys.add(("handle", text.removeprefix("@").casefold()))
    return keys


def person_keys(fields: PersonFields) -> set[Key]:
    keys: set[Key] = {("name", " ".join(n.split()).casefold()) for n in fields.names}
    keys.update(("phone", p) for p in map(phone_key, fields.phones) if p)
    keys.update(("handle", h.strip().removeprefix("@").casefold()) for h in fields.handles)
    keys.update(("email", e.strip().removeprefix("mailto:").casefold()) for e in fields.emails)
    keys.update(("url", u.strip().rstrip("/").casefold()) for u in fields.urls)
    return keys


def note_keys(note: str) -> set[Key]:
    """What a free-text note can name exactly: numbers, addresses, @handles, web addresses."""
    keys: set[Key] = {("email", e.casefold()) for e in _EMAIL.findall(note)}
    for token in re.findall(r"\+?\d[\d\s\-()]{6,}\d", note):
        phone = phone_key(token)
        if phone:
            keys.add(("phone", phone))
    keys.update(("handle", h.casefold()) for h in re.findall(r"(?<![\w@])@([\w.]{2,})", note))
    keys.update(("url", u.rstrip("/.").casefold()) for u in re.findall(r"https?://\S+", note))
    return keys


@dataclass
class Appearance:
    """Where one person appears: the items, how many messages they sent, first and last time."""

    person_id: int
    items: list[int] = field(default_factory=list)
    messages: int = 0
    first: datetime | None = None
    last: datetime | None = None

    def _saw(self, item_id: int) -> None:
        if item_id not in self.items:
            self.items.append(item_id)

    def _sent(self, message: Message) -> None:
        self.messages += 1
        moment = message.sent_at if message.sent_at is not None else message.sent_at_utc
        if moment is not None:
            moment = moment.replace(tzinfo=None)  # wall times: compared as the exports show them
            self.first = moment if self.first is None or moment < self.first else self.first
            self.last = moment if self.last is None or moment > self.last else self.last


def _sender_keys(
    message: Message, cache: dict[tuple[str | None, str | None], frozenset[Key]]
) -> frozenset[Key]:
    known = cache.get((message.sender, message.sender_id))
    if known is None:
        keys: set[Key] = set()
        if message.sender:
            keys |= keys_of_text(message.sender)
        if message.sender_id:
            keys |= keys_of_text(message.sender_id, account=True)
        known = cache[(message.sender, message.sender_id)] = frozenset(keys)
    return known


def match_item(
    item: ItemSummary,
    conversation: Conversation | None,
    people: dict[int, set[Key]],
    found: dict[int, Appearance],
) -> None:
    """Add what `item` shows of each person in `people` (id -> keys) to `found`."""
    note = note_keys(item.note) if item.note else set()
    for person_id, keys in people.items():
        if note & keys:
            found[person_id]._saw(item.id)
    if conversation is None:
        return
    for participant in conversation.participants:
        values = keys_of_text(participant.name or "") | keys_of_text(
            participant.identifier or "", account=True
        )
        for person_id, keys in people.items():
            if values & keys:
                found[person_id]._saw(item.id)
    cache: dict[tuple[str | None, str | None], frozenset[Key]] = {}
    for message in conversation.messages:
        sender = _sender_keys(message, cache)
        if not sender:
            continue
        for person_id, keys in people.items():
            if sender & keys:
                found[person_id]._saw(item.id)
                found[person_id]._sent(message)


def appearances(
    people: Iterable[Person], items: Iterable[tuple[ItemSummary, Conversation | None]]
) -> list[Appearance]:
    """Where each person appears in `items`, in the register's order."""
    keys = {person.person_id: person_keys(person.fields) for person in people}
    found = {person_id: Appearance(person_id) for person_id in keys}
    for item, conversation in items:
        match_item(item, conversation, keys, found)
    return list(found.values())


def vault_items(
    vault: Vault, items: Iterable[ItemSummary] | None = None
) -> Iterator[tuple[ItemSummary, Conversation | None]]:
    """Each item (of `items`, default all) with its parsed conversation (one in memory at a time);
    damaged ones without."""
    for item in vault.items() if items is None else items:
        conversation = None
        if item.kind in _CONVERSATIONS:
            try:
                stored = vault.conversation(item.id)
            except ValueError:
                stored = None
            conversation = stored.conversation if stored is not None else None
        yield item, conversation
