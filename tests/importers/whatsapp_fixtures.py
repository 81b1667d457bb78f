"""Shared data and helpers of the whatsapp tests."""

from __future__ import annotations

from pathlib import Path

from evidence_kit.domain import Message
from evidence_kit.importers import whatsapp

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
LRM = "\u200e"
RLM = "\u200f"
NNBSP = "\u202f"
NBSP = "\u00a0"

Row = tuple[str | None, str | None, str | None, str, str, str, str | None]


def row(message: Message) -> Row:
    flags = ("D" if message.deleted else "") + ("E" if message.edited else "") + (
        "O" if message.media_omitted else ""
    )
    return (
        message.sent_at.isoformat(sep=" ") if message.sent_at else None,
        message.sender,
        message.sender_id,
        message.text,
        message.kind.value,
        flags,
        message.attachment,
    )


def rows(text: str, *, title: str | None = None) -> list[Row]:
    return [row(m) for m in whatsapp.parse_text(text, title=title).conversation.messages]


def codes(text: str) -> list[str]:
    return [w.code for w in whatsapp.parse_text(text).conversation.warnings]
