"""What one row of the evidence list knows, built on the worker thread from the vault.

Rule: plain frozen data (no Qt, no database rows), so it can cross threads. The text that
search looks in is prepared here once, in lower case, so filtering 100,000 rows never reads
the vault.
"""

from __future__ import annotations

import enum
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from evidence_kit.conversation_json import conversation_from_json
from evidence_kit.domain import Conversation, ItemKind, ItemSummary, TimeSource, Timestamp
from evidence_kit.importing import DERIVED_CONVERSATION
from evidence_kit.vault import Vault

CONVERSATION_KINDS = frozenset({ItemKind.CHAT, ItemKind.EMAIL, ItemKind.SMS, ItemKind.CALL_LOG})


class TrustedState(enum.Enum):
    NONE = "none"
    PENDING = "pending"
    STAMPED = "stamped"


def fold(text: str) -> str:
    """Text as search compares it: NFC, case-folded."""
    return unicodedata.normalize("NFC", text).casefold()


@dataclass(frozen=True)
class ItemRow:
    summary: ItemSummary
    platform: str = ""
    sender: str = ""
    title: str = ""
    content_text: str = ""  # folded: names, senders and message text
    trusted: TrustedState = TrustedState.NONE

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def shown_time(self) -> Timestamp | None:
        """The time a person would call 'the date': as the content shows it, else the file's."""
        for source in (TimeSource.CONTENT, TimeSource.FILE_METADATA):
            for stamp in self.summary.times:
                if stamp.source == source and (stamp.local is not None or stamp.utc is not None):
                    return stamp
        return self.summary.imported_at

    @property
    def haystack(self) -> str:
        return f"{self.content_text}\n{fold(self.summary.note)}\n{fold(self.summary.category)}"

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
    return ItemRow(
        summary=summary,
        platform=platform,
        sender=sender,
        title=title or summary.original_name,
        content_text=fold("\n".join(parts)),
        trusted=trusted,
    )


def _conversation(vault: Vault, summary: ItemSummary) -> Conversation | None:
    if summary.kind not in CONVERSATION_KINDS:
        return None
    data = vault.derived(summary.id, DERIVED_CONVERSATION)
    if not data:
        return None
    try:
        return conversation_from_json(data)[0]
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        return None  # derived data is a convenience; the original is what counts


def trusted_states(vault: Vault) -> Callable[[int], TrustedState]:
    """Each item's trusted-time state, where this vault version records time-stamps."""
    stamped: set[int] = set()
    pending: set[int] = set()
    all_stamps = getattr(vault, "all_item_timestamps", None)
    if all_stamps is not None:
        stamped = set(all_stamps())
    queued = getattr(vault, "pending_timestamps", None)
    if queued is not None:
        pending = {p.item_id for p in queued() if getattr(p, "item_id", None) is not None}

    def state(item_id: int) -> TrustedState:
        if item_id in stamped:
            return TrustedState.STAMPED
        if item_id in pending:
            return TrustedState.PENDING
        return TrustedState.NONE

    return state


def rows_for(vault: Vault, summaries: Iterable[ItemSummary]) -> list[ItemRow]:
    state = trusted_states(vault)
    return [make_row(s, _conversation(vault, s), state(s.id)) for s in summaries]
