"""The rows of an export's chat list: what the item page of an export of several chats shows.

Each chat of a whole-account export is an item of its own (`importers/chat_children.py`); the
user chooses from this list which to open and which to put in a dossier. Run on the worker:
the first and last date need each chat's stored messages read once (only the two dates are
kept, never the messages).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from evidence_kit.domain import ItemSummary, Message
from evidence_kit.importers.chat_children import export_chats, is_chat_item
from evidence_kit.vault import Vault


@dataclass(frozen=True)
class ChatRow:
    """One chat of an export: its position, its own item number, title, size and dates."""

    number: int
    item_id: int
    title: str | None
    messages: int | None  # None: its stored conversation cannot be read (verify names why)
    first: datetime | None  # the wall-clock time as the export shows it
    last: datetime | None


def _moment(message: Message) -> datetime | None:
    return message.sent_at if message.sent_at is not None else message.sent_at_utc


def chat_rows(vault: Vault, summary: ItemSummary) -> tuple[ChatRow, ...]:
    """The chats read from `summary` (an export); empty for any other item, a chat item too."""
    if is_chat_item(summary) or summary.parent_id is not None:
        return ()
    _export, listed = export_chats(vault, summary.id)
    rows: list[ChatRow] = []
    for chat in listed:
        first: datetime | None = None
        last: datetime | None = None
        try:
            stored = vault.conversation(chat.item.id)
        except (ValueError, KeyError, TypeError, AttributeError):
            stored = None  # damaged derived data: listed without dates, verify names it
        if stored is not None:
            moments = [m for m in map(_moment, stored.conversation.messages) if m is not None]
            if moments:
                first, last = moments[0], moments[-1]
        rows.append(ChatRow(chat.number, chat.item.id, chat.title, chat.messages, first, last))
    return tuple(rows)
