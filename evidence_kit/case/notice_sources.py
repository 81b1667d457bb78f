"""Where a notice to a platform takes its facts from: an incident, or one evidence item.

Rule: a notice only says what the keeper wrote down. From an incident: its platform, web
addresses, items and offence categories. From an item: the web addresses and platform its note
names, its own offence categories, and, for what the note does not give, the incidents that
link the item. Nothing is guessed from the evidence's content; the keeper edits the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_kit.case.gaps import PLATFORMS
from evidence_kit.vault import Vault

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_PLATFORM = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLATFORMS) + r")\b", re.IGNORECASE)
# How a platform named in lower case in a note is written in the notice.
_SPELLING = {
    "whatsapp": "WhatsApp", "tiktok": "TikTok", "youtube": "YouTube", "linkedin": "LinkedIn",
    "onlyfans": "OnlyFans", "imessage": "iMessage", "x.com": "X", "sms": "SMS", "e-mail": "e-mail",
    "email": "e-mail",
}  # fmt: skip


@dataclass(frozen=True)
class NoticeSource:
    """The facts a draft notice starts from."""

    platform: str
    urls: tuple[str, ...]
    items: tuple[int, ...]
    categories: tuple[str, ...]
    incident: int | None = None


def urls_in(text: str) -> tuple[str, ...]:
    """The web addresses in `text`, in order, each once (a trailing full stop or comma left off)."""
    found = (match.group(0).rstrip(".,;:!?") for match in _URL.finditer(text))
    return tuple(dict.fromkeys(found))


def platform_in(text: str) -> str:
    """The first platform `text` names, spelled as the platform does ("" when none)."""
    match = _PLATFORM.search(text)
    if match is None:
        return ""
    word = match.group(1).lower()
    return _SPELLING.get(word, word.capitalize())


def from_incident(vault: Vault, incident_id: int) -> NoticeSource:
    fields = vault.incident_history(incident_id)[-1].fields
    return NoticeSource(fields.platform, fields.urls, fields.items, fields.categories, incident_id)


def from_item(vault: Vault, item_id: int) -> NoticeSource:
    item = vault.item(item_id)
    linking = [i.fields for i in vault.incidents() if item_id in i.fields.items]
    urls = urls_in(item.note) or tuple(dict.fromkeys(u for f in linking for u in f.urls))
    platform = platform_in(item.note) or next((f.platform for f in linking if f.platform), "")
    categories = tuple(dict.fromkeys((*item.offences, *(c for f in linking for c in f.categories))))
    return NoticeSource(platform, urls, (item_id,), categories)
