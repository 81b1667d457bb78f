"""What one row of the evidence list knows, built on the worker thread from the vault.

Rule: plain frozen data (no Qt, no database rows), so it can cross threads. Everything the
list sorts, filters and searches by is prepared here once, when the row is made (on the
worker thread): folded text, the date shown and its sort key. Sorting or filtering 100,000
rows on the GUI thread then never reads the vault, folds text or looks for a time again.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from evidence_kit.domain import Conversation, ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.storage import conversation_json, conversation_store
from evidence_kit.storage.conversation_json import conversation_from_document
from evidence_kit.vault import Vault

CONVERSATION_KINDS = frozenset({ItemKind.CHAT, ItemKind.EMAIL, ItemKind.SMS, ItemKind.CALL_LOG})
STORED_VERSIONS = frozenset({conversation_json.FORMAT_VERSION, conversation_store.VERSION})
NO_DAY = -1  # `ItemRow.day` of a row without any date


class TrustedState(enum.Enum):
    NONE = "none"
    PENDING = "pending"
    STAMPED = "stamped"


def fold(text: str) -> str:
    """Text as search compares it: NFC, case-folded."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).casefold()


def shown_time(summary: ItemSummary) -> Timestamp | None:
    """The time a person would call 'the date': as the content shows it (a picture's EXIF), else
    as its file name states it (a screenshot's name), else the file's."""
    for source in (TimeSource.CONTENT, TimeSource.FILE_NAME, TimeSource.FILE_METADATA):
        for stamp in summary.times:
            if stamp.source == source and (stamp.local is not None or stamp.utc is not None):
                return stamp
    return summary.imported_at


@dataclass(frozen=True, slots=True)
class ItemRow:
    summary: ItemSummary
    platform: str = ""
    sender: str = ""
    title: str = ""
    content_text: str = ""  # folded: names, senders and message text
    trusted: TrustedState = TrustedState.NONE
    # Worked out from the fields above whenever a row is made (also by `dataclasses.replace`).
    # `id` is the summary's, as a plain slot: a sort of 100,000 rows reads it 100,000 times.
    id: int = field(init=False, compare=False, repr=False)
    shown_time: Timestamp | None = field(init=False, compare=False, repr=False)
    meta_text: str = field(init=False, compare=False, repr=False)  # folded note and category
    day: int = field(init=False, compare=False, repr=False)  # ordinal of the shown date, or NO_DAY
    date_key: str = field(init=False, compare=False, repr=False)
    title_key: str = field(init=False, compare=False, repr=False)
    sender_key: str = field(init=False, compare=False, repr=False)
    category_key: str = field(init=False, compare=False, repr=False)
    note_key: bool = field(init=False, compare=False, repr=False)  # False sorts rows with a note first

    def __post_init__(self) -> None:
        summary = self.summary
        stamp = shown_time(summary)
        # The date filter compares the wall-clock date where there is one, else the UTC date.
        moment = None if stamp is None else (stamp.local or stamp.utc)
        # Sorting compares wall-clock times; a UTC-only time counts as its UTC wall clock.
        naive = (
            None
            if stamp is None
            else (stamp.local or (stamp.utc.replace(tzinfo=None) if stamp.utc else None))
        )
        category = fold(summary.category)
        put = object.__setattr__  # the dataclass is frozen; these are set once, here
        put(self, "id", summary.id)
        put(self, "shown_time", stamp)
        put(self, "meta_text", f"{fold(summary.note)}\n{category}" if summary.note else category)
        put(self, "day", moment.toordinal() if moment is not None else NO_DAY)
        # "0…" before "1": rows with a date come first when sorting up, as they always did.
        put(self, "date_key", "1" if stamp is None else "0" + (naive.isoformat() if naive else ""))
        put(self, "title_key", fold(self.title))
        put(self, "sender_key", fold(self.sender))
        put(self, "category_key", category)
        put(self, "note_key", not summary.note)

    def with_summary(self, summary: ItemSummary) -> ItemRow:
        return replace(self, summary=summary)


def _senders(conversation: Conversation) -> str:
    seen: list[str] = []
    for message in conversation.messages:
        name = message.sender or message.sender_id
        if name and name not in seen:
            seen.append(name)
        if len(seen) >= 3:
            break
    return ", ".join(seen)


def make_row(
    summary: ItemSummary, conversation: Conversation | None, trusted: TrustedState = TrustedState.NONE
) -> ItemRow:
    parts = [summary.original_name]
    platform = sender = title = ""
    if conversation is not None:
        platform = conversation.platform
        sender = _senders(conversation)
        title = conversation.title or ""
        parts.append(title)
        for message in conversation.messages:
            parts.append(message.sender or "")
            parts.append(message.text)
            parts.extend(attachment.name for attachment in message.attachments)
    return _row(summary, platform, sender, title, parts, trusted)


def _row(
    summary: ItemSummary, platform: str, sender: str, title: str, parts: list[str], trusted: TrustedState
) -> ItemRow:
    return ItemRow(
        summary=summary,
        platform=platform,
        sender=sender,
        title=title or summary.original_name,
        content_text=fold("\n".join(parts)),
        trusted=trusted,
    )


def _row_from_stored(summary: ItemSummary, document: dict[str, Any] | None, trusted: TrustedState) -> ItemRow:
    """`make_row` for a stored conversation, reading only the fields a row needs.

    Opening a vault makes a row of every chat; building every message as a `Message` (with
    its times parsed) cost most of that. The fields read are those `message_json` writes in the
    stored versions this program knows (`STORED_VERSIONS`); anything else takes the full reader.
    """
    if not document:
        return make_row(summary, None, trusted)
    try:
        if document.get("version") not in STORED_VERSIONS:
            return make_row(summary, conversation_from_document(document)[0], trusted)
        parts = [summary.original_name]
        title = str(document.get("title") or "")
        parts.append(title)
        senders: list[str] = []
        for message in document["messages"]:
            name = message.get("sender") or message.get("sender_id")
            if name and len(senders) < 3 and name not in senders:
                senders.append(str(name))
            parts.append(str(message.get("sender") or ""))
            parts.append(str(message["text"]))
            parts.extend(str(attachment["name"]) for attachment in message["attachments"])
        platform = str(document["platform"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return make_row(summary, None, trusted)  # as `_conversation` does with data it cannot read
    return _row(summary, platform, ", ".join(senders), title, parts, trusted)


def _conversation(vault: Vault, summary: ItemSummary) -> Conversation | None:
    if summary.kind not in CONVERSATION_KINDS:
        return None
    try:
        stored = vault.conversation(summary.id)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # derived data is a convenience; the original is what counts
    return stored.conversation if stored is not None else None


def trusted_states(vault: Vault) -> Callable[[int], TrustedState]:
    """Each item's trusted-time state: covered by a stored token, waiting in the queue, or neither."""
    stamped, pending = vault.timestamp_states()

    def state(item_id: int) -> TrustedState:
        if item_id in stamped:
            return TrustedState.STAMPED
        if item_id in pending:
            return TrustedState.PENDING
        return TrustedState.NONE

    return state


def rows_for(vault: Vault, summaries: Iterable[ItemSummary]) -> list[ItemRow]:
    """Rows for these items: the conversations of all chats, e-mails and SMS read in one query."""
    listed = list(summaries)
    state = trusted_states(vault)
    talk = [s.id for s in listed if s.kind in CONVERSATION_KINDS]
    stored = vault.conversation_documents(talk) if talk else {}
    return [
        _row_from_stored(s, stored.get(s.id), state(s.id))
        if s.kind in CONVERSATION_KINDS
        else _row(s, "", "", "", [s.original_name], state(s.id))
        for s in listed
    ]
