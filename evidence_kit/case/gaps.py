""" "What is missing": hints, per item and per incident, from what the police and victim support ask for.

Rule: a hint never judges the evidence and never changes it; it says what a reader of the dossier
will miss and what the keeper can still add (a web address, a number, a date) or should know (a
photo that holds the place it was taken). Each rule has a stable `code`, an English template
with {placeholders} translated for display, and a test for when it fires and when it does not.

The rules (issue #17, part 5):
- `screenshot_without_source`: a picture that is no camera photo (no camera make in its EXIF),
  whose note names no web address or platform, linked to no incident that does.
- `name_without_number`: a chat or SMS participant known only by the name saved in the phone
  (no number, handle or account id), unless the item's note or an incident linking it gives one.
- `no_date`: an item that states no time of its own (no time from its content or file name)
  and is linked to no incident with a time; when it was copied or stored is not when it happened.
- `exported_without_media`: a chat exported "without media" (the importer's `media_omitted`).
- `location_in_photo`: a picture with GPS coordinates in its metadata.
- `incident_no_time`, `incident_no_evidence`, `incident_no_url` (a platform but no web
  address; not for channels without addresses: WhatsApp, SMS, e-mail, a call), `incident_no_person`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evidence_kit.case.people import keys_of_text, note_keys, vault_items
from evidence_kit.domain import Conversation, ItemKind, ItemSummary, TimeSource
from evidence_kit.storage.derived_kinds import DERIVED_IMAGE_INFO
from evidence_kit.storage.incidents import Incident
from evidence_kit.vault import Vault

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Platform names a note may give instead of an address ("Instagram, account @x").
PLATFORMS = (
    "whatsapp", "telegram", "instagram", "facebook", "messenger", "snapchat", "tiktok", "signal",
    "discord", "twitter", "x.com", "youtube", "reddit", "linkedin", "tinder", "onlyfans", "sms",
    "imessage", "e-mail", "email", "gmail", "outlook", "google",
)  # fmt: skip
_PLATFORM = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PLATFORMS) + r")\b", re.IGNORECASE)
_OWN_TIMES = (TimeSource.CONTENT, TimeSource.FILE_NAME)
_CHATS = (ItemKind.CHAT, ItemKind.SMS)


@dataclass(frozen=True)
class Gap:
    """One hint: what is missing, for which item or incident."""

    code: str
    template: str  # English with {placeholders}; translated for display
    params: tuple[tuple[str, str], ...]
    item_id: int | None = None
    incident_id: int | None = None

    def format(self) -> str:
        return self.template.format(**dict(self.params))


@dataclass(frozen=True)
class ItemFacts:
    """What the rules read of one item: its summary, image facts and parsed conversation."""

    item: ItemSummary
    image_info: Mapping[str, Any]
    conversation: Conversation | None


# Channels whose messages have no web address: a chat app, SMS, e-mail, a call, a letter. An
# incident there is traced by the number or address, which `incident_no_person` asks for.
PRIVATE_CHANNELS = (
    "whatsapp", "signal", "sms", "imessage", "e-mail", "email", "mail", "telefoon", "phone", "call",
    "post", "brief", "letter", "facetime",
)  # fmt: skip


def is_private_channel(platform: str) -> bool:
    """True for a channel whose messages have no web address (WhatsApp, SMS, e-mail, a call)."""
    return " ".join(platform.casefold().split()) in PRIVATE_CHANNELS


def _traced_elsewhere(item: ItemSummary, incidents: Sequence[Incident]) -> bool:
    """The item's note, or an incident that links it, gives a number, account or address: what a
    name alone in the chat lacks."""
    keys = note_keys(item.note) | {k for i in incidents for p in i.fields.people for k in keys_of_text(p)}
    return any(kind != "name" for kind, _value in keys)


def names_a_source(text: str) -> bool:
    """True when `text` gives a web address or names a platform."""
    return bool(_URL.search(text) or _PLATFORM.search(text))


def item_gaps(facts: ItemFacts, incidents: Sequence[Incident] = ()) -> list[Gap]:
    """The hints for one item; `incidents` are those that link it."""
    item, info, conversation = facts.item, facts.image_info, facts.conversation
    number = (("item", str(item.id)),)
    gaps: list[Gap] = []

    def gap(code: str, template: str, *extra: tuple[str, str]) -> None:
        gaps.append(Gap(code, template, number + extra, item_id=item.id))

    if item.kind is ItemKind.IMAGE and not info.get("make"):
        sourced = names_a_source(item.note) or any(i.fields.urls or i.fields.platform for i in incidents)
        if not sourced:
            gap(
                "screenshot_without_source",
                "Item {item}: say where this screenshot comes from: the app or website and the exact "
                "web address (URL), in its note or in an incident. The police need it to ask the "
                "platform for the data behind it.",
            )
    if info.get("gps_present"):
        gap(
            "location_in_photo",
            "Item {item}: this picture holds the place where it was taken (GPS). If it is your own "
            "photo, it can show where you live or work to anyone who gets the original; the dossier "
            "never prints the coordinates, but the original in the package keeps them.",
        )
    if conversation is not None and item.kind in _CHATS:
        # A chat named after one person ("WhatsApp Chat with Mark") is with that person: the
        # other name in it is the keeper's own. A group (or no title) cannot tell: all are named.
        others = [p for p in conversation.participants if p.name and p.name == conversation.title]
        traced = _traced_elsewhere(item, incidents)
        for participant in others or conversation.participants:
            if participant.name and not participant.identifier and not traced:
                gap(
                    "name_without_number",
                    "Item {item}: {name} appears only under the name saved in the phone. Add their "
                    "phone number or account name (in the note or an incident): a name alone "
                    "cannot be traced.",
                    ("name", participant.name),
                )
        omitted = next((w for w in conversation.warnings if w.code == "media_omitted"), None)
        if omitted is not None:
            gap(
                "exported_without_media",
                "Item {item}: this chat was exported without media: its photos, videos and files are "
                "only placeholders ({count} in all). If the chat is still on the phone, export it "
                "again with media.",
                ("count", dict(omitted.params).get("count", "?")),
            )
    own_time = any(t.source in _OWN_TIMES for t in item.times)
    if not own_time and conversation is None and not any(i.fields.started for i in incidents):
        gap(
            "no_date",
            "Item {item}: nothing in it says when it happened (only when the file was copied or "
            "stored). Write the date down in its note or in an incident.",
        )
    return gaps


def incident_gaps(incident: Incident) -> list[Gap]:
    """The hints for one incident (its latest version)."""
    fields = incident.fields
    number = (("incident", str(incident.incident_id)),)
    found: list[tuple[str, str]] = []
    if not fields.started:
        found.append(("incident_no_time", "Incident {incident}: add when it happened (a date is enough)."))
    if not fields.items:
        found.append(
            (
                "incident_no_evidence",
                "Incident {incident}: no evidence item is linked to it. Link the screenshots, chats or "
                "e-mails that show it.",
            )
        )
    if fields.platform and not fields.urls and not is_private_channel(fields.platform):
        found.append(
            (
                "incident_no_url",
                "Incident {incident}: it happened on {platform}, but no web address is given. The "
                "exact address (URL) is what a report to the platform or the police needs.",
            )
        )
    if not fields.people:
        found.append(
            (
                "incident_no_person",
                "Incident {incident}: say who did it, if you know: a name, phone number or account.",
            )
        )
    extra = (("platform", fields.platform),) if fields.platform else ()
    return [
        Gap(
            code,
            template,
            number + (extra if "{platform}" in template else ()),
            incident_id=incident.incident_id,
        )
        for code, template in found
    ]


def case_gaps(facts: Iterable[ItemFacts], incidents: Sequence[Incident]) -> list[Gap]:
    """Every hint of a case: each item's (with the incidents linking it), then each incident's."""
    linking: dict[int, list[Incident]] = {}
    for incident in incidents:
        for item_id in incident.fields.items:
            linking.setdefault(item_id, []).append(incident)
    gaps = [gap for fact in facts for gap in item_gaps(fact, linking.get(fact.item.id, ()))]
    return gaps + [gap for incident in incidents for gap in incident_gaps(incident)]


def read_facts(vault: Vault, items: Iterable[ItemSummary] | None = None) -> Iterator[ItemFacts]:
    """Each item of `vault` (of `items`, default all) with the facts the rules read (one item's
    data in memory at a time).

    A conversation whose stored form cannot be read is left out of the facts (as None): `verify`
    is what reports damage, a hint never does."""
    chosen = list(vault.items() if items is None else items)
    # The pictures' facts in a few queries, not one per picture (they are small).
    infos = vault.derived_of_items([i.id for i in chosen if i.kind is ItemKind.IMAGE], DERIVED_IMAGE_INFO)
    for item, conversation in vault_items(vault, chosen):
        info: dict[str, Any] = {}
        if item.kind is ItemKind.IMAGE:
            raw = infos.get(item.id)
            try:
                loaded = json.loads(raw) if raw else {}
            except ValueError:
                loaded = {}
            info = loaded if isinstance(loaded, dict) else {}
        yield ItemFacts(item, info, conversation)
