"""Conversations as JSON: how parsed messages are stored (derived data) and printed.

Rule: the stored form is lossless for every field of `domain.Conversation` and `domain.Message`;
`sent_at` is ISO 8601 wall time without an offset (as shown in the export), `sent_at_utc` ISO
8601 with `Z` or null. `message_json` is also the `evidence-kit messages --json` shape. Version 1
kept a whole conversation in one record (`conversation_to_json`, still read); what is written
now is version 2, a header and parts (`conversation_store.py`), read through that module.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from evidence_kit.domain import (
    AttachmentRef,
    Conversation,
    Message,
    MessageKind,
    ParseWarning,
    Participant,
)

FORMAT_VERSION = 1


def _utc(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ") if value is not None else None


def _wall(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_utc(value: Any) -> datetime | None:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) if value else None


def _parse_wall(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def message_json(message: Message, links: dict[str, int] | None = None) -> dict[str, Any]:
    links = links or {}
    return {
        "sender": message.sender,
        "sender_id": message.sender_id,
        "sent_at": _wall(message.sent_at),
        "sent_at_utc": _utc(message.sent_at_utc),
        "text": message.text,
        "kind": str(message.kind),
        "deleted": message.deleted,
        "edited": message.edited,
        "media_omitted": message.media_omitted,
        "forwarded": message.forwarded,
        "message_id": message.message_id,
        "reply_to": message.reply_to,
        "url": message.url,
        "attachment": message.attachment,
        "extra": dict(message.extra),
        "attachments": [
            {"name": a.name, "media_type": a.media_type, "url": a.url, "item_id": links.get(a.name)}
            for a in message.attachments
        ],
    }


def conversation_to_json(
    conversation: Conversation, links: dict[str, int] | None = None, missing: tuple[str, ...] = ()
) -> bytes:
    document = {
        "format": "evidence-kit-conversation",
        "version": FORMAT_VERSION,
        "platform": conversation.platform,
        "title": conversation.title,
        "timezone_assumption": conversation.timezone_assumption,
        "participants": [{"name": p.name, "identifier": p.identifier} for p in conversation.participants],
        "warnings": [
            {"code": w.code, "message": w.message, "params": dict(w.params), "line": w.line}
            for w in conversation.warnings
        ],
        "extra": [[k, v] for k, v in conversation.extra],
        "missing_attachments": list(missing),
        "messages": [message_json(m, links) for m in conversation.messages],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def conversation_from_json(data: bytes) -> tuple[Conversation, dict[str, int], tuple[str, ...]]:
    """A single-record (version 1) conversation: messages, links (name -> item id), missing names."""
    return conversation_from_document(json.loads(data.decode("utf-8")))


def conversation_from_document(
    document: dict[str, Any],
) -> tuple[Conversation, dict[str, int], tuple[str, ...]]:
    """The conversation a document holds (with its `messages`), its links and its missing names."""
    links: dict[str, int] = {}
    messages = []
    for raw in document["messages"]:
        attachments = []
        for a in raw["attachments"]:
            attachments.append(AttachmentRef(name=a["name"], media_type=a["media_type"], url=a["url"]))
            if a.get("item_id") is not None:
                links[a["name"]] = int(a["item_id"])
        messages.append(
            Message(
                sender=raw["sender"],
                text=raw["text"],
                sent_at=_parse_wall(raw["sent_at"]),
                sent_at_utc=_parse_utc(raw["sent_at_utc"]),
                sender_id=raw["sender_id"],
                kind=MessageKind(raw["kind"]),
                deleted=raw["deleted"],
                edited=raw["edited"],
                media_omitted=raw["media_omitted"],
                forwarded=raw["forwarded"],
                message_id=raw["message_id"],
                reply_to=raw["reply_to"],
                url=raw["url"],
                attachments=tuple(attachments),
                extra=tuple((str(k), str(v)) for k, v in raw.get("extra", {}).items()),
            )
        )
    conversation = Conversation(
        platform=document["platform"],
        messages=tuple(messages),
        title=document["title"],
        participants=tuple(Participant(p["name"], p["identifier"]) for p in document["participants"]),
        timezone_assumption=document["timezone_assumption"],
        warnings=tuple(
            ParseWarning(w["code"], w["message"], tuple(sorted(w["params"].items())), w["line"])
            for w in document["warnings"]
        ),
        extra=tuple((k, v) for k, v in document["extra"]),
    )
    return conversation, links, tuple(document["missing_attachments"])
