"""How the items of a dossier relate: the item each was taken from (and the message it was
attached to), the items taken from it, and the other items with the same SHA-256.

A chat read from an export of several is a child whose own SHA-256 is that of a small reference
record; its relations carry the export's SHA-256 too, so its page can say which hash is which.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from evidence_kit.domain import CHAT_REFERENCE_TYPE, ItemKind, ItemSummary
from evidence_kit.vault import Vault


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].casefold()


class Relations:
    """Parent, attachment and duplicate links between the exported items (small maps, built once)."""

    def __init__(self, vault: Vault, items: Sequence[ItemSummary]) -> None:
        self.vault = vault
        self.number = {item.id: number for number, item in enumerate(items, start=1)}
        self.by_id = {item.id: item for item in items}
        self.children: dict[int, list[tuple[str, int]]] = {}
        self.same_hash: dict[str, list[tuple[int, str]]] = {}
        for number, item in enumerate(items, start=1):
            if item.parent_id is not None:
                self.children.setdefault(item.parent_id, []).append((item.original_name, number))
            self.same_hash.setdefault(item.sha256, []).append((number, item.original_name))
        self._messages: dict[int, dict[str, tuple[datetime | None, str]]] = {}

    def _attached_in(self, parent_id: int) -> dict[str, tuple[datetime | None, str]]:
        """Attachment name -> (time, sender) of the parent's message that names it (read once)."""
        if parent_id not in self._messages:
            found: dict[str, tuple[datetime | None, str]] = {}
            stored = self.vault.conversation(parent_id)
            if stored is not None:
                for message in stored.conversation.messages:
                    for attachment in message.attachments:
                        moment = message.sent_at if message.sent_at is not None else message.sent_at_utc
                        sender = message.sender or message.sender_id or ""
                        found.setdefault(_base_name(attachment.name), (moment, sender))
            self._messages[parent_id] = found
        return self._messages[parent_id]

    def of(self, item: ItemSummary) -> dict[str, Any]:
        links: dict[str, Any] = {}
        number = self.number.get(item.id)
        links["duplicates"] = tuple(
            (other, name) for other, name in self.same_hash.get(item.sha256, ()) if other != number
        )
        links["attachment_items"] = tuple(self.children.get(item.id, ()))
        if item.parent_id is not None:
            parent = self.by_id.get(item.parent_id)
            links["parent_vault_id"] = item.parent_id
            if item.media_type == CHAT_REFERENCE_TYPE:
                export = parent if parent is not None else self.vault.item(item.parent_id)
                links["export_sha256"] = export.sha256
            if parent is not None:
                links["parent_number"] = self.number[parent.id]
                links["parent_name"] = parent.original_name
                if parent.kind in (ItemKind.CHAT, ItemKind.EMAIL, ItemKind.SMS):
                    links["parent_message"] = self._attached_in(parent.id).get(_base_name(item.original_name))
        return links
